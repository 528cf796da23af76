import type { Finding } from '../finding.js'
import { sortedJson } from './types.js'

/** Codacy's tool format: one {filename, line, message, patternId} object per line. */
export function formatCodacy(findings: readonly Finding[]): string {
  return findings
    .map(
      ({ file, line, code, message }) =>
        `${sortedJson({ filename: file, line, message, patternId: code })}\n`
    )
    .join('')
}
