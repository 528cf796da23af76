/**
 * SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif). Unlike hadolint's,
 * the log carries rule metadata (`tool.driver.rules`: description, help link, default level),
 * so alerts show what is wrong and link to the rule; results point at their rule by index; and
 * locations are relative to the repository root (`%SRCROOT%`), which code scanning requires to
 * place an alert on a file. A file outside the workspace gets an absolute file: URI instead.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { version } from '../../version.js'
import type { Finding } from '../finding.js'
import { documentationUrl } from '../rule.js'
import type { Severity } from '../severity.js'
import { parseErrorCode, type FormatOptions, type RuleDescription } from './types.js'

export const sarifSchema = 'https://json.schemastore.org/sarif-2.1.0.json'
export const sourceRoot = '%SRCROOT%'

type SarifLevel = 'error' | 'warning' | 'note'

/** SARIF has three levels; info and style are both notes. */
export function sarifLevel(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note'
}

/** A path as a URI reference: percent-encoded, '/' separated, ':' escaped so it is no scheme. */
function encodePath(path: string): string {
  return encodeURI(path).replace(/[?#:]/g, (char) => encodeURIComponent(char))
}

export function artifactLocation(
  file: string,
  workspace: string,
  cwd: string = workspace
): { uri: string; uriBaseId?: string } {
  const absolute = resolve(cwd, file)
  const inside = relative(workspace, absolute)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return { uri: pathToFileURL(absolute).href }
  }
  return { uri: encodePath(inside.split(sep).join('/')), uriBaseId: sourceRoot }
}

function fallbackDescription(code: string, first: Finding): RuleDescription {
  return {
    message: code === parseErrorCode ? 'The Dockerfile does not parse' : first.message,
    url: documentationUrl(code),
    severity: first.severity
  }
}

export function formatSarif(findings: readonly Finding[], options: FormatOptions): string {
  const firstByCode = new Map<string, Finding>()
  for (const finding of findings) {
    if (!firstByCode.has(finding.code)) firstByCode.set(finding.code, finding)
  }
  const codes = [...firstByCode.keys()].sort()
  const rules = codes.map((code) => {
    const first = firstByCode.get(code) as Finding
    const description = options.describe(code) ?? fallbackDescription(code, first)
    return {
      id: code,
      shortDescription: { text: description.message },
      // Code scanning's documentation lists both descriptions as required for display.
      fullDescription: { text: description.message },
      helpUri: description.url,
      // Code scanning shows `help` in the alert; it does not link helpUri.
      help: {
        text: `${description.message}\n${description.url}`,
        markdown: `${description.message}\n\n[${code}](${description.url})`
      },
      defaultConfiguration: { level: sarifLevel(description.severity ?? first.severity) }
    }
  })
  const results = findings.map((finding) => ({
    ruleId: finding.code,
    ruleIndex: codes.indexOf(finding.code),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(finding.file, options.workspace, options.cwd),
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            sourceLanguage: finding.code.startsWith('SC') ? 'sh' : 'dockerfile'
          }
        }
      }
    ]
  }))
  const log = {
    $schema: sarifSchema,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'runnerkit',
            fullName: 'runnerkit dockerfile-lint (hadolint rules)',
            version,
            semanticVersion: version,
            rules
          }
        },
        results,
        defaultSourceLanguage: 'dockerfile'
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}
