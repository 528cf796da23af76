import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { formatFindings } from '../../../../src/lint/formats/index.js'
import { sortedJson } from '../../../../src/lint/formats/types.js'
import { error, info, options, parseError, special, style, warning } from './support.js'

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex')

const errorIssue =
  '{"categories":["Bug Risk"],"check_name":"DL3002","description":"Last USER should not be root",' +
  '"location":{"lines":{"begin":2,"end":2},"path":"images/base/Dockerfile"},"severity":"blocker","type":"issue"}'

describe('codeclimate', () => {
  it('writes each issue as JSON followed by a NUL byte', () => {
    const text = formatFindings('codeclimate', [error, parseError], options)
    expect(text).toBe(
      `${errorIssue}\0` +
        '{"categories":["Bug Risk"],"check_name":"DL1000","description":"unexpected \'F\'\\nexpecting \'#\', ADD, ARG",' +
        '"location":{"path":"broken/Dockerfile","positions":{"begin":{"column":5,"line":2},"end":{"column":5,"line":2}}},' +
        '"severity":"blocker","type":"issue"}\0'
    )
    expect(formatFindings('codeclimate', [], options)).toBe('')
  })

  it('maps severities to blocker, major, info, minor', () => {
    const text = formatFindings('codeclimate', [error, warning, info, style], options)
    const issues = text
      .split('\0')
      .filter(Boolean)
      .map((json) => JSON.parse(json) as { severity: string })
    expect(issues.map((issue) => issue.severity)).toEqual(['blocker', 'major', 'info', 'minor'])
  })

  it('every NUL-separated chunk parses, special characters included', () => {
    const text = formatFindings('codeclimate', [special, warning], options)
    expect(text.endsWith('\0')).toBe(true)
    const chunks = text.split('\0').slice(0, -1)
    expect(
      chunks.map((chunk) => (JSON.parse(chunk) as { description: string }).description)
    ).toEqual([special.message, warning.message])
  })
})

describe('gitlab_codeclimate', () => {
  it('writes one array, each issue with the SHA-1 of its JSON as fingerprint', () => {
    const text = formatFindings('gitlab_codeclimate', [error], options)
    const withFingerprint = errorIssue.replace(
      ',"location"',
      `,"fingerprint":"${sha1(errorIssue)}","location"`
    )
    expect(text).toBe(`[${withFingerprint}]\n`)
    expect(formatFindings('gitlab_codeclimate', [], options)).toBe('[]\n')
  })

  it('fingerprints differ per issue and are stable', () => {
    const first = JSON.parse(
      formatFindings('gitlab_codeclimate', [warning, info, special], options)
    ) as Array<{
      fingerprint: string
    }>
    const again = JSON.parse(
      formatFindings('gitlab_codeclimate', [warning, info, special], options)
    ) as typeof first
    expect(new Set(first.map((issue) => issue.fingerprint)).size).toBe(3)
    expect(again).toEqual(first)
    for (const issue of first) expect(issue.fingerprint).toMatch(/^[0-9a-f]{40}$/)
  })

  it('hashes JSON exactly as hadolint writes it (its published Code Quality test vector)', () => {
    // hadolint's CodeQualitySpec: DL3000 / blocker / "error msg" / line 1 / Dockerfile.
    const issue = {
      check_name: 'DL3000',
      description: 'error msg',
      location: { path: 'Dockerfile', lines: { begin: 1 } },
      severity: 'blocker'
    }
    expect(sha1(sortedJson(issue))).toBe('8c24ad9492ded635f713f3c78923d5510b111f40')
  })
})
