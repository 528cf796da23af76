import type { Finding } from '../finding.js'
import { oneLine, parseErrorCode } from './types.js'

/** GNU's `program:file:line: message` (the GNU coding standards' error format). */
export function formatGnu(findings: readonly Finding[]): string {
  return findings
    .map(({ file, line, column, code, severity, message }) =>
      code === parseErrorCode
        ? `hadolint:${file}:${line}:${column}: ${oneLine(message)}\n`
        : `hadolint:${file}:${line}: ${code} ${severity}: ${message}\n`
    )
    .join('')
}
