import { describe, expect, it } from '@jest/globals'
import { DL3052 } from '../../../../src/lint/rules/DL3052.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const schema = { labelSchema: { urllabel: 'url' as const, other: 'text' as const } }

describe('DL3052 schema url label that is not an absolute URL', () => {
  // prettier-ignore
  it.each([
    ['https://example.com', true],
    ['https://example.com/path/to?query=1&b=2#fragment', true],
    ['http://user:pass@example.com:8080/', true],
    ['http://127.0.0.1:80', true],
    ['http://[::1]:8080/x', true],
    ['http://[2001:db8::7]/c=GB?objectClass?one', true],
    ['http://[::ffff:192.0.2.1]/', true],
    ['ftp://ftp.is.co.za/rfc/rfc1808.txt', true],
    ['mailto:John.Doe@example.com', true],
    ['urn:oasis:names:specification:docbook:dtd:xml:4.1.2', true],
    ['file:///etc/hosts', true],
    ['https://example.com/a%20b', true],
    ['git+ssh://git@github.com/org/repo.git', true],
    ['example.com', false],
    ['/relative/path', false],
    ['//example.com/x', false],
    ['not-url', false],
    ['', false],
    ['https://example.com/a b', false],
    ['https://example.com/%zz', false],
    ['https://exa mple.com', false],
    ['https://example.com:80a/', false],
    ['http://[::1/', false],
    ['http://[1:2:3:4:5:6:7:8:9]/', false],
    ['http://[1::2::3]/', false],
    ['1http://example.com', false],
    ['https://example.com/{x}', false]
  ])('%j is valid: %j', async (url, valid) => {
    const lines = await hitLines(DL3052, `FROM debian:12\nLABEL urllabel="${url}"\n`, schema)
    expect(lines).toEqual(valid ? [] : [2])
  })

  // prettier-ignore
  it.each([
    ['LABEL other="not-url"', []],
    ['LABEL urllabel="https://example.com" other="x"', []],
    ['LABEL urllabel="example.com" urllabel2="x"', [2]],
    ['ONBUILD LABEL urllabel="not-url"', []]
  ])('%j → lines %j', async (label, lines) => {
    expect(await hitLines(DL3052, `FROM debian:12\n${label}\n`, schema)).toEqual(lines)
  })

  it('names the label', async () => {
    const [finding] = await lintText('FROM debian:12\nLABEL urllabel=x\n', [DL3052], schema)
    expect(finding?.message).toContain('`urllabel`')
  })
})
