import type { Severity } from '../severity.js'

/** What a report may say about a rule beyond its findings (SARIF's rule metadata). */
export interface RuleDescription {
  message: string
  url: string
  /** The rule's default severity; SARIF's defaultConfiguration.level. */
  severity?: Severity
}

export interface FormatOptions {
  /** tty only: colour the severities. */
  color: boolean
  /** Absolute path of the repository root: SARIF locations are relative to it. */
  workspace: string
  /** What relative finding paths are relative to; defaults to `workspace`. */
  cwd?: string
  describe(code: string): RuleDescription | undefined
  /** Every linted file, in order: checkstyle lists clean files too. */
  files: readonly string[]
}

/** The code of a parse error: it has a real column and is printed differently. */
export const parseErrorCode = 'DL1000'

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, sortKeys(record[key])])
    )
  }
  return value
}

/**
 * Compact JSON with keys in sorted order, which is how hadolint's JSON library writes objects;
 * the gitlab_codeclimate fingerprints hash exactly this text.
 */
export function sortedJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

/** hadolint's one-line rendering of a multi-line parse error. */
export function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ')
}
