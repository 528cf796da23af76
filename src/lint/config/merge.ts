import type { LabelType } from '../rule.js'
import type { OverrideSeverity, PartialConfig } from './types.js'
import { overrideSeverities } from './types.js'

const scalarKeys = [
  'failureThreshold',
  'strictLabels',
  'disableIgnorePragma',
  'noFail',
  'noColor',
  'verbose'
] as const
const listKeys = ['ignored', 'trustedRegistries', 'formats'] as const

/**
 * Merges configuration sources as hadolint does (`environment <> configfile <> commandline`),
 * lowest priority first: a scalar comes from the last source that sets it (CLI > file > env);
 * lists (ignored, overrides, trusted registries, formats) are concatenated from every source,
 * so `--ignore` adds to the file's `ignored`; the label schema is a union in which the first
 * source that names a label (the environment) wins.
 */
export function mergeConfigs(...sources: readonly PartialConfig[]): PartialConfig {
  const merged: PartialConfig = {}
  for (const key of scalarKeys) {
    for (const source of sources) {
      if (source[key] !== undefined) Object.assign(merged, { [key]: source[key] })
    }
  }
  for (const key of listKeys) {
    const present = sources.filter((source) => source[key] !== undefined)
    if (present.length > 0) {
      Object.assign(merged, { [key]: present.flatMap((source) => source[key] ?? []) })
    }
  }
  if (sources.some((source) => source.override !== undefined)) {
    const override: Partial<Record<OverrideSeverity, string[]>> = {}
    for (const severity of overrideSeverities) {
      const present = sources.filter((source) => source.override?.[severity] !== undefined)
      if (present.length > 0) {
        override[severity] = present.flatMap((source) => source.override?.[severity] ?? [])
      }
    }
    merged.override = override
  }
  if (sources.some((source) => source.labelSchema !== undefined)) {
    const schema: Record<string, LabelType> = {}
    for (const source of [...sources].reverse()) Object.assign(schema, source.labelSchema)
    merged.labelSchema = schema
  }
  return merged
}
