import { describe, expect, it } from '@jest/globals'
import { DL3015 } from '../../../../src/lint/rules/DL3015.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3015 apt-get --no-install-recommends', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN apt-get install -y curl\n', [2]],
    ['FROM debian:12\nRUN apt-get update && apt-get -y install curl\n', [2]],
    ['FROM debian:12\nONBUILD RUN apt-get install -y curl\n', [2]],
    ['FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n', []],
    ['FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl\n', []],
    ['FROM debian:12\nRUN apt-get update\n', []],
    ['FROM debian:12\nRUN apt install -y curl\n', []],
    ['FROM debian:12\nONBUILD RUN apt-get install -y --no-install-recommends curl\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3015, dockerfile)).toEqual(lines)
  })
})
