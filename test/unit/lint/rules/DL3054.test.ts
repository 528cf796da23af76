import { describe, expect, it } from '@jest/globals'
import { DL3054 } from '../../../../src/lint/rules/DL3054.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { spdxlabel: 'spdx' as const } }

describe('DL3054 schema spdx label that is not an SPDX license identifier', () => {
  // prettier-ignore
  it.each([
    ['MIT', true],
    ['BSD-3-Clause', true],
    ['Apache-2.0', true],
    ['GPL-3.0-or-later', true],
    ['GPL-2.0', true],
    ['not-spdx', false],
    ['mit', false],
    ['', false],
    ['MIT OR Apache-2.0', false],
    ['LicenseRef-custom', false]
  ])('%j is valid: %j', async (value, valid) => {
    const lines = await hitLines(DL3054, `FROM debian:12\nLABEL spdxlabel="${value}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  it('leaves other labels alone and names the label', async () => {
    expect(await hitLines(DL3054, 'FROM debian:12\nLABEL other="fooo"\n', schema)).toEqual([])
    const [finding] = await lintText('FROM debian:12\nLABEL spdxlabel=x\n', [DL3054], schema)
    expect(finding?.message).toContain('`spdxlabel`')
  })
})
