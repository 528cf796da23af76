import { describe, expect, it } from '@jest/globals'
import { DL3044 } from '../../../../src/lint/rules/DL3044.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3044 ENV referring to a variable it defines', () => {
  // prettier-ignore
  it.each([
    ['ENV BLA="blubb" BLUBB="$BLA"', [2]],
    ['ENV BLA="blubb" BLUBB="${BLA}/blubb"', [2]],
    ['ENV BLA="blubb" BLUBB="$BLA/$BLAFOO/blubb"', [2]],
    ['ENV BLA=blubb BLUBB=/x/$BLA', [2]],
    ['ENV BLA=blubb BLUBB=${BLA:-default}', [2]],
    ['ENV PATH=/bla:${PATH} PATH=/blubb:${PATH}', [2]],
    ['ENV BLUBB=$BLA BLA=blubb', [2]],
    ['ENV BLA="blubb" BLUBB="$FOOBLA/blubb"', []],
    ['ENV BLA="blubb" BLUBB="$BLAFOO/blubb"', []],
    ['ENV BLA="blubb" BLUBB="/x/$BLAFOO"', []],
    ['ENV BLA="blubb" BLUBB="${BLAFOO}"', []],
    ['ENV BLA=blubb', []],
    ['ENV PATH=/opt/bin:$PATH', []],
    ['ENV BLA blubb $BLA', []],
    ['ENV BLA blubb\nENV BLA=${BLA} BLUBB=$BLA', []],
    ['ARG BLA\nENV BLA=x BLUBB=$BLA', []],
    ['ENV BLA=x\nENV BLUBB=$BLA', []],
    ['ONBUILD ENV BLA=x BLUBB=$BLA', []]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL3044, `FROM debian:12\n${instructions}\n`)).toEqual(lines)
  })
})
