import type { Finding } from '../finding.js'
import { formatCheckstyle } from './checkstyle.js'
import { formatCodacy } from './codacy.js'
import { formatCodeclimate, formatGitlabCodeclimate } from './codeclimate.js'
import { formatGnu } from './gnu.js'
import { formatJson } from './json.js'
import type { Format } from './names.js'
import { formatSarif } from './sarif.js'
import { formatSonarqube } from './sonarqube.js'
import { formatTty } from './tty.js'
import type { FormatOptions } from './types.js'

export { formatNames, isFormat, parseFormat, parseFormatList, type Format } from './names.js'
export type { FormatOptions, RuleDescription } from './types.js'
export { artifactLocation, sarifLevel, sarifSchema } from './sarif.js'

/**
 * The report of every finding of a run in one format, findings in the order given (the engine
 * sorts each file's by line). Line formats end each line with a newline; document formats (json,
 * sarif, checkstyle, gitlab_codeclimate, sonarqube) end with one newline; codeclimate ends each
 * issue with a NUL byte, as its consumers expect.
 */
export function formatFindings(
  format: Format,
  findings: readonly Finding[],
  options: FormatOptions
): string {
  switch (format) {
    case 'tty':
      return formatTty(findings, options.color)
    case 'json':
      return formatJson(findings)
    case 'checkstyle':
      return formatCheckstyle(findings, options.files)
    case 'codeclimate':
      return formatCodeclimate(findings)
    case 'gitlab_codeclimate':
      return formatGitlabCodeclimate(findings)
    case 'gnu':
      return formatGnu(findings)
    case 'codacy':
      return formatCodacy(findings)
    case 'sonarqube':
      return formatSonarqube(findings)
    case 'sarif':
      return formatSarif(findings, options)
  }
}
