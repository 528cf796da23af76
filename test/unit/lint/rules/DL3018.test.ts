import { describe, expect, it } from '@jest/globals'
import { DL3018 } from '../../../../src/lint/rules/DL3018.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3018 pin apk packages', () => {
  // prettier-ignore
  it.each([
    ['FROM alpine:3.20\nRUN apk add curl\n', [2]],
    ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0 git\n', [2]],
    ['FROM alpine:3.20\nRUN apk update && apk add curl\n', [2]],
    ['FROM alpine:3.20\nONBUILD RUN apk add curl\n', [2]],
    ['FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk add --no-cache "git~2.45" "py3-pip>=24" "bash<6"\n', []],
    ['FROM alpine:3.20\nRUN apk add --no-cache git=~2.45\n', []],
    ['FROM alpine:3.20\nRUN apk add --allow-untrusted ./pkg-1.0-r0.apk\n', []],
    ['FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc=13.2.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk add -t .build-deps gcc=13.2.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk add --repository https://dl.example.com/alpine/edge/testing gcc=13.2.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk add -X https://dl.example.com/alpine/edge/testing gcc=13.2.1-r0\n', []],
    ['FROM alpine:3.20\nRUN apk del curl\n', []],
    ['FROM alpine:3.20\nONBUILD RUN apk add curl=8.9.1-r0\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3018, dockerfile)).toEqual(lines)
  })
})
