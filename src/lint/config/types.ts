import type { LintSettings } from '../engine.js'
import type { Format } from '../formats/names.js'
import type { LabelType } from '../rule.js'
import type { Severity } from '../severity.js'

/** `failure-threshold` as written: a severity, or `none` (hadolint's synonym for `ignore`). */
export type Threshold = Severity | 'none'

/** The severities `override` accepts; there is no `override.ignore` (`ignored` does that). */
export const overrideSeverities = ['error', 'warning', 'info', 'style'] as const
export type OverrideSeverity = (typeof overrideSeverities)[number]

/**
 * One source of configuration (environment, config file or command line), as hadolint reads
 * them: every key is optional, and unset differs from false or empty when sources merge.
 * YAML key → field: `ignored`, `override.{error,warning,info,style}`, `trustedRegistries`,
 * `failure-threshold` → failureThreshold, `format` and `formats` → formats, `label-schema` →
 * labelSchema, `strict-labels`, `disable-ignore-pragma`, `no-fail`, `no-color`, `verbose`.
 */
export interface PartialConfig {
  ignored?: string[]
  override?: Partial<Record<OverrideSeverity, string[]>>
  trustedRegistries?: string[]
  failureThreshold?: Threshold
  formats?: Format[]
  labelSchema?: Record<string, LabelType>
  strictLabels?: boolean
  disableIgnorePragma?: boolean
  noFail?: boolean
  noColor?: boolean
  verbose?: boolean
}

/** Everything a lint run needs, defaults filled in. */
export interface ResolvedConfig {
  settings: LintSettings
  /** Findings at least this severe fail the run; `ignore` means every finding does. */
  failureThreshold: Severity
  noFail: boolean
  noColor: boolean
  verbose: boolean
  /** In order, each once; `['tty']` when no source names one. */
  formats: Format[]
}
