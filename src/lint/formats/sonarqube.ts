import type { Finding } from '../finding.js'
import type { Severity } from '../severity.js'
import { parseErrorCode, sortedJson } from './types.js'

const severities: Record<Severity, string> = {
  error: 'CRITICAL',
  warning: 'MAJOR',
  info: 'MINOR',
  style: 'INFO',
  ignore: 'INFO'
}

/**
 * SonarQube's generic external issues. The engine stays 'Hadolint', the namespace of these rule
 * ids, so SonarQube keeps matching issues reported by hadolint before.
 */
export function formatSonarqube(findings: readonly Finding[]): string {
  const issues = findings.map(({ file, line, column, code, severity, message }) => {
    const parseError = code === parseErrorCode
    return {
      engineId: 'Hadolint',
      ruleId: code,
      severity: parseError ? 'BLOCKER' : severities[severity],
      type: parseError || severity === 'error' ? 'BUG' : 'CODE_SMELL',
      primaryLocation: {
        message,
        filePath: file,
        textRange: parseError
          ? { startLine: line, endLine: line, startColumn: column, endColumn: column }
          : { startLine: line, endLine: line, startColumn: 0, endColumn: 1 }
      }
    }
  })
  return `${sortedJson({ issues })}\n`
}
