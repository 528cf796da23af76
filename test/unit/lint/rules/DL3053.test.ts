import { describe, expect, it } from '@jest/globals'
import { DL3053 } from '../../../../src/lint/rules/DL3053.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { datelabel: 'rfc3339' as const } }

describe('DL3053 schema rfc3339 label that is not an RFC 3339 timestamp', () => {
  // prettier-ignore
  it.each([
    ['2021-03-10T10:26:33.564595127+01:00', true],
    ['2024-01-31T12:00:00Z', true],
    ['2024-01-31t12:00:00z', true],
    ['2024-02-29T23:59:60-08:30', true],
    ['1985-04-12T23:20:50.52Z', true],
    ['not-date', false],
    ['', false],
    ['2024-01-31', false],
    ['2024-01-31T12:00:00', false],
    ['2024-01-31 12:00:00Z', false],
    ['2024-01-31T12:00Z', false],
    ['2023-02-29T12:00:00Z', false],
    ['2024-13-01T12:00:00Z', false],
    ['2024-04-31T12:00:00Z', false],
    ['2024-01-31T24:00:00Z', false],
    ['2024-01-31T12:00:00+0100', false],
    ['2024-01-31T12:00:00.Z', false]
  ])('%j is valid: %j', async (value, valid) => {
    const lines = await hitLines(DL3053, `FROM debian:12\nLABEL datelabel="${value}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  it('leaves other labels alone and names the label', async () => {
    expect(await hitLines(DL3053, 'FROM debian:12\nLABEL other="doo"\n', schema)).toEqual([])
    const [finding] = await lintText('FROM debian:12\nLABEL datelabel=x\n', [DL3053], schema)
    expect(finding?.message).toContain('`datelabel`')
  })
})
