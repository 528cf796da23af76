import { createHash } from 'node:crypto'
import type { Finding } from '../finding.js'
import type { Severity } from '../severity.js'
import { parseErrorCode, sortedJson } from './types.js'

const severities: Record<Severity, string> = {
  error: 'blocker',
  warning: 'major',
  info: 'info',
  style: 'minor',
  ignore: 'info'
}

/** A Code Climate issue; a parse error is located by line and column, anything else by line. */
export function codeclimateIssue(finding: Finding): Record<string, unknown> {
  const { file, line, column, code, severity, message } = finding
  const location =
    code === parseErrorCode
      ? { path: file, positions: { begin: { line, column }, end: { line, column } } }
      : { path: file, lines: { begin: line, end: line } }
  return {
    type: 'issue',
    check_name: code,
    description: message,
    categories: ['Bug Risk'],
    location,
    severity: severities[severity]
  }
}

/** The Code Climate engine format: each issue as JSON followed by a NUL byte. */
export function formatCodeclimate(findings: readonly Finding[]): string {
  return findings.map((finding) => `${sortedJson(codeclimateIssue(finding))}\0`).join('')
}

/**
 * GitLab's Code Quality report: one array of the same issues, each with a fingerprint, the hex
 * SHA-1 of the issue's JSON computed as hadolint computes it. The JSON holds the message, and
 * runnerkit words its messages itself, so fingerprints differ from hadolint's: GitLab sees the
 * issues as new once, after a switch, and tracks them from then on.
 */
export function formatGitlabCodeclimate(findings: readonly Finding[]): string {
  const issues = findings.map((finding) => {
    const issue = codeclimateIssue(finding)
    const fingerprint = createHash('sha1').update(sortedJson(issue)).digest('hex')
    return { ...issue, fingerprint }
  })
  return `${sortedJson(issues)}\n`
}
