import { describe, expect, it } from '@jest/globals'
import { DL3024 } from '../../../../src/lint/rules/DL3024.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3024 unique stage names', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12 AS build\nFROM debian:12 AS build\n', [2]],
    ['FROM debian:12 AS build\nFROM alpine:3.20 AS test\nFROM node:22 as BUILD\n', [3]],
    ['FROM debian:12 AS a\nFROM debian:12 AS a\nFROM debian:12 AS a\n', [2, 3]],
    ['FROM debian:12 AS build\nFROM debian:12 AS test\n', []],
    ['FROM debian:12\nFROM debian:12\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3024, dockerfile)).toEqual(lines)
  })
})
