import { describe, expect, it } from '@jest/globals'
import { DL3014 } from '../../../../src/lint/rules/DL3014.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3014 apt-get install -y', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN apt-get install curl\n', [2]],
    ['FROM debian:12\nRUN apt-get install -q curl\n', [2]],
    ['FROM debian:12\nRUN apt-get --quiet install curl\n', [2]],
    ['FROM debian:12\nRUN apt-get update && apt-get install curl\n', [2]],
    ['FROM debian:12\nONBUILD RUN apt-get install curl\n', [2]],
    ['FROM debian:12\nRUN apt-get install -y curl\n', []],
    ['FROM debian:12\nRUN apt-get -y install curl\n', []],
    ['FROM debian:12\nRUN apt-get install -qy curl\n', []],
    ['FROM debian:12\nRUN apt-get install --yes curl\n', []],
    ['FROM debian:12\nRUN apt-get install --assume-yes curl\n', []],
    ['FROM debian:12\nRUN apt-get install -qq curl\n', []],
    ['FROM debian:12\nRUN apt-get install -q -q curl\n', []],
    ['FROM debian:12\nRUN apt-get install -q=2 curl\n', []],
    ['FROM debian:12\nRUN apt-get install --quiet --quiet curl\n', []],
    ['FROM debian:12\nRUN apt-get update\n', []],
    ['FROM debian:12\nONBUILD RUN apt-get install -y curl\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3014, dockerfile)).toEqual(lines)
  })
})
