import { describe, expect, it } from '@jest/globals'
import { DL3002 } from '../../../../src/lint/rules/DL3002.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3002 last USER of a stage not root', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nUSER root\n', [2]],
    ['FROM debian:12\nUSER 0\n', [2]],
    ['FROM debian:12\nUSER root:staff\n', [2]],
    ['FROM debian:12\nUSER 0:0\n', [2]],
    ['FROM debian:12\nUSER app\n', []],
    ['FROM debian:12\nUSER rooted\n', []],
    ['FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1000\n', []],
    ['FROM debian:12\nUSER app\nRUN true\nUSER root\n', [4]],
    ['FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER app\n', [2]],
    ['FROM debian:12 AS build\nUSER root\nFROM debian:12\nUSER root\n', [2, 4]],
    ['FROM debian:12 AS build\nUSER root\nUSER app\nFROM debian:12\n', []],
    ['USER root\nFROM debian:12\n', []],
    ['FROM debian:12\nONBUILD USER root\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3002, dockerfile)).toEqual(lines)
  })
})
