import { describe, expect, it } from '@jest/globals'
import { DL3012 } from '../../../../src/lint/rules/DL3012.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3012 one HEALTHCHECK per stage', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["false"]\n', [3]],
    ['FROM debian:12\nHEALTHCHECK NONE\nRUN true\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["true"]\n', [4, 5]],
    ['FROM debian:12\nHEALTHCHECK CMD ["true"]\n', []],
    ['FROM debian:12 AS a\nHEALTHCHECK CMD ["true"]\nFROM debian:12\nHEALTHCHECK CMD ["true"]\n', []],
    ['FROM debian:12\nHEALTHCHECK CMD ["true"]\nONBUILD HEALTHCHECK CMD ["true"]\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3012, dockerfile)).toEqual(lines)
  })
})
