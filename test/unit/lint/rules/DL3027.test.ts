import { describe, expect, it } from '@jest/globals'
import { DL3027 } from '../../../../src/lint/rules/DL3027.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3027 apt instead of apt-get', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN apt install -y curl\n', [2]],
    ['FROM debian:12\nRUN apt-get update && apt upgrade -y\n', [2]],
    ['FROM debian:12\nONBUILD RUN apt install -y curl\n', [2]],
    ['FROM debian:12\nRUN apt-get install -y curl\n', []],
    ['FROM debian:12\nRUN apt-cache policy curl\n', []],
    ['FROM debian:12\nRUN echo apt\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3027, dockerfile)).toEqual(lines)
  })
})
