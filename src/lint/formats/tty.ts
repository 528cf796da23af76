import type { Finding } from '../finding.js'
import type { Severity } from '../severity.js'
import { oneLine, parseErrorCode } from './types.js'

const reset = '\x1b[0m'
const bold = '\x1b[1m'
/** hadolint's colours (vivid ANSI): error bold red, warning bold yellow, info green, style cyan. */
const colours: Record<Severity, string> = {
  error: `${bold}\x1b[91m`,
  warning: `${bold}\x1b[93m`,
  info: '\x1b[92m',
  style: '\x1b[96m',
  ignore: ''
}

/** `file:line code severity: message`; a parse error is `file:line:column message`. */
export function formatTty(findings: readonly Finding[], color: boolean): string {
  return findings
    .map((finding) => {
      const { file, line, column, code, severity, message } = finding
      if (code === parseErrorCode) return `${file}:${line}:${column} ${oneLine(message)}\n`
      const label =
        color && colours[severity] ? `${colours[severity]}${severity}${reset}` : severity
      return `${file}:${line} ${code} ${label}: ${message}\n`
    })
    .join('')
}
