import { describe, expect, it } from '@jest/globals'
import { DL3051 } from '../../../../src/lint/rules/DL3051.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { emptylabel: 'text' as const, site: 'url' as const } }

describe('DL3051 schema label with an empty value', () => {
  // prettier-ignore
  it.each([
    ['LABEL emptylabel=""', [2]],
    ['LABEL emptylabel=', [2]],
    ["LABEL emptylabel=''", [2]],
    ['LABEL site=""', [2]],
    ['LABEL emptylabel="foo"', []],
    ['LABEL other=""', []],
    ['LABEL emptylabel="" site=""', [2, 2]],
    ['LABEL emptylabel="" emptylabel=""', [2]],
    ['ONBUILD LABEL emptylabel=""', []]
  ])('%j → lines %j', async (label, lines) => {
    expect(await hitLines(DL3051, `FROM debian:12\n${label}\n`, schema)).toEqual(lines)
  })

  it('names the label', async () => {
    const [finding] = await lintText('FROM debian:12\nLABEL site=""\n', [DL3051], schema)
    expect(finding?.message).toContain('`site`')
  })
})
