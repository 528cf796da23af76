import { describe, expect, it } from '@jest/globals'
import { DL3048 } from '../../../../src/lint/rules/DL3048.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3048 invalid label keys', () => {
  // prettier-ignore
  it.each([
    ['LABEL com.docker.label="foo"', [2]],
    ['LABEL io.docker.label="foo"', [2]],
    ['LABEL org.dockerproject.label="foo"', [2]],
    ['LABEL invalid$character="foo"', [2]],
    ['LABEL Uppercase="foo"', [2]],
    ['LABEL -invalid="foo"', [2]],
    ['LABEL .invalid="foo"', [2]],
    ['LABEL 1invalid="foo"', [2]],
    ['LABEL invalid.="foo"', [2]],
    ['LABEL invalid-="foo"', [2]],
    ['LABEL invalid--key="foo"', [2]],
    ['LABEL invalid..key="foo"', [2]],
    ['LABEL "with space"="foo"', [2]],
    ['LABEL valid="a" Invalid="b"', [2]],
    ['LABEL org.valid-key.label3="foo"', []],
    ['LABEL validlabel="foo"', []],
    ['LABEL a="foo"', []],
    ['LABEL org.opencontainers.image.source="https://example.com"', []],
    ['LABEL com.example/some_key="foo"', []],
    ['LABEL maintainer="someone" \\\n      version="1.0"', []],
    ['ONBUILD LABEL Invalid="foo"', []]
  ])('%j → lines %j', async (label, lines) => {
    expect(await hitLines(DL3048, `FROM debian:12\n${label}\n`)).toEqual(lines)
  })
})
