import { describe, expect, it } from '@jest/globals'
import { DL3007 } from '../../../../src/lint/rules/DL3007.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3007 latest tag', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:latest\n', [1]],
    ['FROM debian:latest AS build\n', [1]],
    ['FROM registry.example.com:5000/app:latest\n', [1]],
    ['FROM debian:12\n', []],
    ['FROM debian\n', []],
    ['FROM debian:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n', []],
    ['FROM debian:12 AS latest\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3007, dockerfile)).toEqual(lines)
  })
})
