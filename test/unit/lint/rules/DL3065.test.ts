import { describe, expect, it } from '@jest/globals'
import { DL3065 } from '../../../../src/lint/rules/DL3065.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3065 FROM --platform=$TARGETPLATFORM is redundant', () => {
  // prettier-ignore
  it.each([
    ['FROM alpine:3.20\n', []],
    ['FROM --platform=$FOOBAR alpine:3.20\n', []],
    ['FROM --platform=foobar alpine:3.20\n', []],
    ['FROM --platform=linux/arm64 alpine:3.20\n', []],
    ['FROM --platform=$BUILDPLATFORM alpine:3.20\n', []],
    ['FROM --platform=$TARGETPLATFORM alpine:3.20\n', [1]],
    ['FROM --platform=${TARGETPLATFORM} alpine:3.20\n', [1]],
    ['FROM --platform=$TARGETPLATFORM alpine:3.20 AS a\nFROM --platform=${TARGETPLATFORM} a\n', [1, 2]],
    ['FROM --platform=$TARGETPLATFORM-x alpine:3.20\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3065, dockerfile)).toEqual(lines)
  })
})
