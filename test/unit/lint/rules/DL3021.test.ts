import { describe, expect, it } from '@jest/globals'
import { DL3021 } from '../../../../src/lint/rules/DL3021.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3021 COPY of several sources into a directory', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nCOPY a b /opt\n', [2]],
    ['FROM debian:12\nCOPY a b "/opt"\n', [2]],
    ['FROM debian:12\nCOPY --chown=app a b c /opt/app\n', [2]],
    ['FROM debian:12\nCOPY ["a", "b", "/opt"]\n', [2]],
    ['FROM debian:12\nCOPY a b /opt/\n', []],
    ['FROM debian:12\nCOPY a b "/opt/"\n', []],
    ['FROM debian:12\nCOPY ["a", "b", "/opt/"]\n', []],
    ['FROM debian:12\nCOPY a /opt\n', []],
    ['FROM debian:12\nCOPY "my file" /opt/file\n', []],
    ['FROM debian:12\nONBUILD COPY a b /opt\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3021, dockerfile)).toEqual(lines)
  })
})
