import type { LintSettings } from '../engine.js'
import type { Format } from '../formats/names.js'
import type { Severity } from '../severity.js'
import type { PartialConfig, ResolvedConfig } from './types.js'
import { thresholdSeverity } from './values.js'

/** Applied in this order, so that a code in several lists ends up with the most severe. */
const overrideOrder = ['style', 'info', 'warning', 'error'] as const

/**
 * Fills in hadolint's defaults: threshold `info`, format `tty`, every flag off. Formats are kept
 * once each, in order of first mention: two sources naming json would otherwise print the
 * report twice.
 */
export function resolveConfig(partial: PartialConfig): ResolvedConfig {
  const overrides = new Map<string, Severity>()
  for (const severity of overrideOrder) {
    for (const code of partial.override?.[severity] ?? []) overrides.set(code, severity)
  }
  const settings: LintSettings = {
    ignored: new Set(partial.ignored ?? []),
    overrides,
    disableIgnorePragma: partial.disableIgnorePragma ?? false,
    trustedRegistries: [...new Set(partial.trustedRegistries ?? [])],
    labelSchema: { ...partial.labelSchema },
    strictLabels: partial.strictLabels ?? false
  }
  const formats: Format[] = [...new Set(partial.formats ?? [])]
  return {
    settings,
    failureThreshold: thresholdSeverity(partial.failureThreshold ?? 'info'),
    noFail: partial.noFail ?? false,
    noColor: partial.noColor ?? false,
    verbose: partial.verbose ?? false,
    formats: formats.length > 0 ? formats : ['tty']
  }
}
