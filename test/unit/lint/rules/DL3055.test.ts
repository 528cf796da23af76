import { describe, expect, it } from '@jest/globals'
import { DL3055 } from '../../../../src/lint/rules/DL3055.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { hashlabel: 'hash' as const } }

describe('DL3055 schema hash label that is not a git hash', () => {
  // prettier-ignore
  it.each([
    ['2dbfae9', true],
    ['2dbfae9b4ac7f7ee8b5c1b0e2bf1a8a3c5d6e7f8', true],
    ['not-git-hash', false],
    ['2DBFAE9', false],
    ['2dbfae', false],
    ['2dbfae9b', false],
    ['2dbfae9b4ac7f7ee8b5c1b0e2bf1a8a3c5d6e7f', false],
    ['2dbfaeg', false],
    ['', false]
  ])('%j is valid: %j', async (value, valid) => {
    const lines = await hitLines(DL3055, `FROM debian:12\nLABEL hashlabel="${value}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  it('leaves other labels alone and names the label', async () => {
    expect(await hitLines(DL3055, 'FROM debian:12\nLABEL other="x"\n', schema)).toEqual([])
    const [finding] = await lintText('FROM debian:12\nLABEL hashlabel=x\n', [DL3055], schema)
    expect(finding?.message).toContain('`hashlabel`')
  })
})
