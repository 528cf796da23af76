import { describe, expect, it } from '@jest/globals'
import { DL3061 } from '../../../../src/lint/rules/DL3061.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3061 instruction before the first FROM', () => {
  // prettier-ignore
  it.each([
    ['FROM foo\nLABEL foo=bar\n', []],
    ['LABEL foo=bar\nFROM foo\n', [1]],
    ['ARG VERSION=1\nFROM foo:${VERSION}\n', []],
    ['# a comment\nARG A\n# another\nFROM foo\n', []],
    ['# syntax = docker/dockerfile:1\nFROM node:16-alpine3.13\n', []],
    ['# escape=`\nFROM foo\n', []],
    ['ENV A=1\nRUN true\nFROM foo\nENV B=2\n', [1, 2]],
    ['ONBUILD RUN true\nFROM foo\n', [1]],
    ['LABEL a=b\n', [1]]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3061, dockerfile)).toEqual(lines)
  })
})
