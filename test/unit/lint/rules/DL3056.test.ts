import { describe, expect, it } from '@jest/globals'
import { DL3056 } from '../../../../src/lint/rules/DL3056.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { semverlabel: 'semver' as const } }

describe('DL3056 schema semver label that is not a semantic version', () => {
  // prettier-ignore
  it.each([
    ['1.0.0', true],
    ['0.1.2', true],
    ['1.2.3-alpha.1', true],
    ['1.2.3-rc.1+build.5', true],
    ['1.2.3+20240131', true],
    ['not-semver', false],
    ['v1.2.3', false],
    ['=1.2.3', false],
    ['1.2', false],
    ['1', false],
    ['01.2.3', false],
    ['1.2.3-01', false],
    [' 1.2.3', false],
    ['', false]
  ])('%j is valid: %j', async (value, valid) => {
    const lines = await hitLines(DL3056, `FROM debian:12\nLABEL semverlabel="${value}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  it('leaves other labels alone and names the label', async () => {
    expect(await hitLines(DL3056, 'FROM debian:12\nLABEL other="x"\n', schema)).toEqual([])
    const [finding] = await lintText('FROM debian:12\nLABEL semverlabel=x\n', [DL3056], schema)
    expect(finding?.message).toContain('`semverlabel`')
  })
})
