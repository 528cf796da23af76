import { describe, expect, it } from '@jest/globals'
import { DL3006 } from '../../../../src/lint/rules/DL3006.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3006 untagged base image', () => {
  // prettier-ignore
  it.each([
    ['FROM debian\n', [1]],
    ['FROM debian AS build\n', [1]],
    ['FROM registry.example.com:5000/team/app\n', [1]],
    ['FROM debian:12\n', []],
    ['FROM debian@sha256:0000000000000000000000000000000000000000000000000000000000000000\n', []],
    ['FROM registry.example.com:5000/team/app:1.2\n', []],
    ['FROM scratch\n', []],
    ['FROM $BASE\n', []],
    ['FROM ${BASE}\n', []],
    ['FROM debian:12 AS build\nRUN make\nFROM build\n', []],
    ['FROM debian:12 AS Build\nFROM build AS test\n', []],
    ['FROM debian:12 AS build\nFROM node AS test\nFROM alpine:3.20\n', [2]],
    ['FROM build\nFROM debian:12 AS build\n', [1]]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3006, dockerfile)).toEqual(lines)
  })
})
