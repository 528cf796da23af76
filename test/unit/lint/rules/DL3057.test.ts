import { describe, expect, it } from '@jest/globals'
import { DL3057 } from '../../../../src/lint/rules/DL3057.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3057 HEALTHCHECK missing', () => {
  // prettier-ignore
  it.each([
    ['no HEALTHCHECK', 'FROM scratch\n', [1]],
    ['HEALTHCHECK NONE', 'FROM scratch\nHEALTHCHECK NONE\n', []],
    ['HEALTHCHECK CMD', 'FROM scratch\nHEALTHCHECK CMD /bin/check\n', []],
    ['only inside ONBUILD', 'FROM scratch\nONBUILD HEALTHCHECK CMD /bin/check\n', [1]],
    ['inherited from the parent stage', 'FROM scratch AS base\nHEALTHCHECK CMD /bin/check\nFROM base\n', []],
    ['inherited from the grandparent stage', 'FROM scratch AS a\nHEALTHCHECK NONE\nFROM a AS b\nFROM b\n', []],
    ['set at the end of an inheritance chain', 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3\nFROM base3 AS end\nHEALTHCHECK NONE\n', []],
    ['inheritance chain that forks', 'FROM scratch AS base1\nFROM base1 AS base2\nFROM base2 AS base3.1\nFROM base2 AS base3.2\n\nFROM base3.1 AS end1\nHEALTHCHECK NONE\n\nFROM base3.2 AS end2\n', [4, 9]],
    ['a sibling does not get the HEALTHCHECK of another child', 'FROM scratch AS base\nFROM base AS a\nHEALTHCHECK NONE\nFROM base AS b\n', [4]],
    ['not inheriting', 'FROM scratch AS base\nHEALTHCHECK CMD /bin/check\nFROM scratch\n', [3]],
    ['same base image is no inheritance', 'FROM debian:12\nHEALTHCHECK NONE\nFROM debian:12\n', [3]],
    ['two stages, none has one', 'FROM debian:12 AS base\nFROM base\n', [1, 2]],
    ['COPY --from source needs none', 'FROM golang:1 AS build\nFROM alpine:3\nCOPY --from=build /app /app\nHEALTHCHECK CMD /app --ping\n', []],
    ['unused build stage', 'FROM golang:1 AS build\nFROM alpine:3\nHEALTHCHECK CMD /app --ping\n', [1]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3057, dockerfile)).toEqual(lines)
  })

  it('is off by default', () => {
    expect(DL3057.meta.severity).toBe('ignore')
  })
})
