import { describe, expect, it } from '@jest/globals'
import { DL3035 } from '../../../../src/lint/rules/DL3035.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3035 zypper dist-upgrade', () => {
  // prettier-ignore
  it.each([
    ['RUN zypper dist-upgrade', [2]],
    ['RUN zypper -n dup', [2]],
    ['RUN zypper refresh && zypper dup -y', [2]],
    ['RUN zypper update -y', []],
    ['RUN zypper --non-interactive dist-upgrade --no-recommends', [2]],
    ['RUN echo dup', []],
    ['ONBUILD RUN zypper dup', [2]],
    ['ONBUILD RUN zypper update', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3035, `FROM opensuse/leap:15\n${run}\n`)).toEqual(lines)
  })
})
