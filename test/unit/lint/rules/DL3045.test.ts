import { describe, expect, it } from '@jest/globals'
import { DL3045 } from '../../../../src/lint/rules/DL3045.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3045 COPY to a relative destination without WORKDIR', () => {
  // prettier-ignore
  it.each([
    ['COPY a b', [2]],
    ['COPY bla.sh "blubb.sh"', [2]],
    ['COPY ["a", "b c"]', [2]],
    ['COPY --chown=app a b/', [2]],
    ['COPY a b /usr/local/bin/', []],
    ['COPY bla.sh "/usr/local/bin/blubb.sh"', []],
    ['COPY ["a", "/b c"]', []],
    ['COPY bla.sh c:/system32/blubb.sh', []],
    ['COPY bla.sh c:\\system32\\blubb.sh', []],
    ['COPY src.sh ${SRC_BASE}', []],
    ['COPY src.sh "$SRC_BASE"', []],
    ['COPY <<EOF /etc/motd\nhello\nEOF\n', []],
    ['COPY <<EOF motd\nhello\nEOF\n', [2]],
    ['WORKDIR /app\nCOPY a b', []],
    ['WORKDIR c:\\system32\nCOPY a b', []],
    ['COPY a b\nWORKDIR /app', [2]],
    ['ADD a b', []],
    ['ONBUILD COPY a b', []],
    ['ONBUILD WORKDIR /app\nCOPY a b', [3]]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL3045, `FROM debian:12\n${instructions}\n`)).toEqual(lines)
  })

  // prettier-ignore
  it.each([
    ['no FROM at all', 'COPY a b\n', [1]],
    ['WORKDIR of an unrelated stage', 'FROM debian:12 AS one\nWORKDIR /usr\nFROM debian:12\nCOPY foo bar\n', [4]],
    ['WORKDIR of the same image, not a stage', 'FROM debian:12\nWORKDIR /usr\nFROM debian:12\nCOPY foo bar\n', [4]],
    ['WORKDIR of the parent stage', 'FROM debian:12 AS base\nWORKDIR /usr\nFROM debian:12 AS other\nRUN foo\nFROM base\nCOPY foo bar\n', []],
    ['WORKDIR of a grandparent stage', 'FROM debian:12 AS base1\nWORKDIR /usr\nFROM base1 AS base2\nFROM BASE2\nCOPY foo bar\n', []],
    ['a child stage does not give its parent a WORKDIR', 'FROM debian:12 AS base\nFROM base AS child\nWORKDIR /app\nFROM base\nCOPY foo bar\n', [5]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3045, dockerfile)).toEqual(lines)
  })
})
