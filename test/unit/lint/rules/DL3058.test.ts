import { describe, expect, it } from '@jest/globals'
import { DL3058 } from '../../../../src/lint/rules/DL3058.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { maintainer: 'email' as const } }

describe('DL3058 schema email label that is not an email address', () => {
  // prettier-ignore
  it.each([
    ['abcd@google.com', true],
    ['first.last+tag@sub.example.co.uk', true],
    ["o'brien@example.org", true],
    ['admin@localhost', true],
    ['\\"john doe\\"@example.com', true],
    ['user@[192.0.2.1]', true],
    ['not-email', false],
    ['', false],
    ['@example.com', false],
    ['user@', false],
    ['user@@example.com', false],
    ['user.@example.com', false],
    ['.user@example.com', false],
    ['us..er@example.com', false],
    ['user@-example.com', false],
    ['user@example..com', false],
    ['user name@example.com', false],
    ['Jane <jane@example.com>', false]
  ])('%j is valid: %j', async (value, valid) => {
    const lines = await hitLines(DL3058, `FROM debian:12\nLABEL maintainer="${value}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  it('leaves other labels alone and names the label', async () => {
    expect(await hitLines(DL3058, 'FROM debian:12\nLABEL other="doo"\n', schema)).toEqual([])
    const [finding] = await lintText('FROM debian:12\nLABEL maintainer=x\n', [DL3058], schema)
    expect(finding?.message).toContain('`maintainer`')
  })
})
