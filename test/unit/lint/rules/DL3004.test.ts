import { describe, expect, it } from '@jest/globals'
import { DL3004 } from '../../../../src/lint/rules/DL3004.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3004 sudo', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN sudo apt-get update\n', [2]],
    ['FROM debian:12\nRUN apt-get update && sudo make install\n', [2]],
    ['FROM debian:12\nONBUILD RUN sudo make install\n', [2]],
    ['FROM debian:12\nRUN apt-get install -y sudo\n', []],
    ['FROM debian:12\nONBUILD RUN apt-get install -y sudo\n', []],
    ['FROM debian:12\nRUN echo sudo\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3004, dockerfile)).toEqual(lines)
  })
})
