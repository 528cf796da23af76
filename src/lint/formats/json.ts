import type { Finding } from '../finding.js'
import { sortedJson } from './types.js'

/** One array of {code, column, file, level, line, message}, hadolint's keys in its order. */
export function formatJson(findings: readonly Finding[]): string {
  const entries = findings.map(({ code, column, file, severity, line, message }) => ({
    code,
    column,
    file,
    level: severity,
    line,
    message
  }))
  return `${sortedJson(entries)}\n`
}
