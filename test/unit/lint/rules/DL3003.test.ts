import { describe, expect, it } from '@jest/globals'
import { DL3003 } from '../../../../src/lint/rules/DL3003.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3003 cd instead of WORKDIR', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN cd /src && make\n', [2]],
    ['FROM debian:12\nRUN (cd /src; make)\n', [2]],
    ['FROM debian:12\nRUN make -C /src\n', []],
    ['FROM debian:12\nWORKDIR /src\nRUN make\n', []],
    ['FROM debian:12\nRUN echo cd\n', []],
    ['FROM debian:12\nONBUILD RUN cd /src\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3003, dockerfile)).toEqual(lines)
  })
})
