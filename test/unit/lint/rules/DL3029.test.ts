import { describe, expect, it } from '@jest/globals'
import { DL3029 } from '../../../../src/lint/rules/DL3029.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3029 FROM --platform', () => {
  // prettier-ignore
  it.each([
    ['FROM --platform=linux/amd64 debian:12\n', [1]],
    ['FROM --platform=linux/arm64 debian:12 AS build\n', [1]],
    ['FROM debian:12\n', []],
    ['FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', []],
    ['FROM --platform=${BUILDPLATFORM} golang:1.23\n', []],
    ['FROM --platform="${BUILDPLATFORM:-linux/amd64}" golang:1.23\n', []],
    ['FROM --platform=$TARGETPLATFORM debian:12\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3029, dockerfile)).toEqual(lines)
  })
})
