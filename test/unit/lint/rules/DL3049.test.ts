import { describe, expect, it } from '@jest/globals'
import { DL3049 } from '../../../../src/lint/rules/DL3049.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { foo: 'text' as const } }

describe('DL3049 label of the schema missing', () => {
  // prettier-ignore
  it.each([
    ['single stage, no label', 'FROM debian:12\n', [1]],
    ['single stage, another label', 'FROM debian:12\nLABEL bar="baz"\n', [1]],
    ['single stage, label present', 'FROM debian:12\nLABEL foo="bar"\n', []],
    ['label set among others', 'FROM debian:12\nLABEL a=1 foo=bar b=2\n', []],
    ['empty value still counts as present', 'FROM debian:12\nLABEL foo=""\n', []],
    ['label only inside ONBUILD', 'FROM debian:12\nONBUILD LABEL foo=bar\n', [1]],
    ['two stages, no labels', 'FROM stage1\nFROM stage2\n', [1, 2]],
    ['two stages, other labels only', 'FROM stage1\nLABEL bar=baz\nFROM stage2\nLABEL buzz=fuzz\n', [1, 3]],
    ['two stages, label in the first only', 'FROM debian:12\nLABEL foo=bar\nFROM alpine:3\n', [3]],
    ['two stages, label in the second only', 'FROM debian:12\nFROM alpine:3\nLABEL foo=bar\n', [1]],
    ['inheritance, no labels: both reported', 'FROM debian:12 AS base\nFROM base\n', [1, 2]],
    ['inheritance, label in the child', 'FROM debian:12 AS base\nFROM base\nLABEL foo=bar\n', []],
    ['inheritance, label in the named child', 'FROM debian:12 AS base\nFROM base AS final\nLABEL foo=bar\n', []],
    ['inheritance, label in the parent', 'FROM debian:12 AS base\nLABEL foo=bar\nFROM base\n', []],
    ['inheritance is case-insensitive', 'FROM debian:12 AS Base\nLABEL foo=bar\nFROM base\n', []],
    ['inheritance through a chain', 'FROM debian:12 AS a\nLABEL foo=bar\nFROM a AS b\nFROM b\n', []],
    ['label at the end of a chain', 'FROM debian:12 AS a\nFROM a AS b\nFROM b\nLABEL foo=bar\n', []],
    ['COPY --from source needs no label', 'FROM golang:1 AS build\nFROM alpine:3\nLABEL foo=bar\nCOPY --from=build /bar /baz\n', []],
    ['COPY --from by stage index', 'FROM golang:1\nFROM alpine:3\nLABEL foo=bar\nCOPY --from=0 /bar /baz\n', []],
    ['unrelated named stage is still a result', 'FROM golang:1 AS build\nFROM alpine:3\nLABEL foo=bar\n', [1]],
    ['COPY from an image is no stage', 'FROM alpine:3\nCOPY --from=nginx:1 /a /b\n', [1]],
    ['two results, label in one', 'FROM debian:12 AS base\nFROM alpine:3\nLABEL foo=bar\nCOPY --from=base /bar /baz\n\nFROM alpine:3\nCOPY --from=base /bar /baz\n', [6]],
    ['two children of a base, label in the first', 'FROM debian:12 AS base\nFROM base\nLABEL foo=bar\n\nFROM base\n', [5]],
    ['two children of a base, label in the second', 'FROM debian:12 AS base\nFROM base\n\nFROM base\nLABEL foo=bar\n', [2]],
    ['no FROM at all', 'LABEL bar=baz\n', []]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3049, dockerfile, schema)).toEqual(lines)
  })

  it('checks every label of the schema, naming it', async () => {
    const findings = await lintText('FROM debian:12\nLABEL a=1\n', [DL3049], {
      labelSchema: { a: 'text', b: 'url', c: 'semver' }
    })
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [1, expect.stringContaining('`b`')],
      [1, expect.stringContaining('`c`')]
    ])
  })

  it('does nothing without a schema', async () => {
    expect(await hitLines(DL3049, 'FROM debian:12\n')).toEqual([])
  })
})
