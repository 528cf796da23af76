import { describe, expect, it } from '@jest/globals'
import { DL3019 } from '../../../../src/lint/rules/DL3019.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3019 apk add --no-cache', () => {
  // prettier-ignore
  it.each([
    ['FROM alpine:3.20\nRUN apk add curl=8.9.1-r0\n', [2]],
    ['FROM alpine:3.20\nRUN apk add --update curl=8.9.1-r0 && rm -rf /var/cache/apk/*\n', [2]],
    ['FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/other apk add curl=8.9.1-r0\n', [2]],
    ['FROM alpine:3.20\nRUN --mount=type=bind,target=/var/cache/apk apk add curl=8.9.1-r0\n', [2]],
    ['FROM alpine:3.20\nONBUILD RUN apk add curl=8.9.1-r0\n', [2]],
    ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n', []],
    ['FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8.9.1-r0\n', []],
    ['FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk apk add -U curl=8.9.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk del curl\n', []],
    ['FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl=8.9.1-r0\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3019, dockerfile)).toEqual(lines)
  })
})
