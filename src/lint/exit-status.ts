/**
 * hadolint's exit status: 0 with no-fail, and always 0 when codeclimate or codacy is among the
 * formats (those reports are meant to be read, not to fail the build); otherwise 1 when a file
 * did not parse (DL1000) or a finding is at least as severe as the threshold.
 */
import type { Finding } from './finding.js'
import type { Format } from './formats/names.js'
import { reaches, type Severity } from './severity.js'

export interface ExitPolicy {
  noFail: boolean
  /** `ignore` fails on every finding, like `style`. */
  failureThreshold: Severity
  formats: readonly Format[]
}

const reportOnlyFormats: readonly Format[] = ['codeclimate', 'codacy']

/** Whether this finding alone fails the run. */
export function isFailure(finding: Finding, threshold: Severity): boolean {
  return finding.code === 'DL1000' || reaches(finding.severity, threshold)
}

export function exitStatus(findings: readonly Finding[], policy: ExitPolicy): 0 | 1 {
  if (policy.noFail) return 0
  if (policy.formats.some((format) => reportOnlyFormats.includes(format))) return 0
  return findings.some((finding) => isFailure(finding, policy.failureThreshold)) ? 1 : 0
}
