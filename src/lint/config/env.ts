/**
 * hadolint's environment variables. Deliberate difference: hadolint drops a value it cannot read
 * (an unknown format or severity, a bad label type) without a word; here it is a UserError naming
 * the variable, because a setting that silently does nothing is worse than a failed step.
 */
import { UserError } from '../../errors.js'
import { parseFormatList } from '../formats/names.js'
import type { LabelType } from '../rule.js'
import type { OverrideSeverity, PartialConfig } from './types.js'
import { commaList, parseLabelSpec, parseThreshold } from './values.js'

export type Environment = Readonly<Record<string, string | undefined>>

const truthy = ['1', 'y', 'on', 'true', 'yes']
const falsy = ['', '0', 'n', 'off', 'false', 'no']

/**
 * hadolint reads 1, y, on, true and yes (any case) as true and everything else as false. Here the
 * usual false spellings (and empty) are false, and anything else is an error, so that a typo such
 * as HADOLINT_NOFAIL=ture does not quietly mean false.
 */
export function parseEnvFlag(name: string, text: string | undefined): boolean | undefined {
  if (text === undefined) return undefined
  const value = text.trim().toLowerCase()
  if (truthy.includes(value)) return true
  if (falsy.includes(value)) return false
  throw new UserError(
    `${name}: '${text}' is not a boolean; use one of ${truthy.join(', ')} for true or ${falsy.filter(Boolean).join(', ')} (or empty) for false`
  )
}

const overrideVariables: Record<OverrideSeverity, string> = {
  error: 'HADOLINT_OVERRIDE_ERROR',
  warning: 'HADOLINT_OVERRIDE_WARNING',
  info: 'HADOLINT_OVERRIDE_INFO',
  style: 'HADOLINT_OVERRIDE_STYLE'
}

function list(env: Environment, name: string): string[] | undefined {
  const entries = commaList(env[name] ?? '')
  return entries.length > 0 ? entries : undefined
}

/**
 * The configuration the environment holds. Comma lists are trimmed (hadolint keeps spaces, so
 * `DL3008, DL3009` would name a code ' DL3009' that matches nothing). An empty variable counts
 * as unset, except NO_COLOR, which only has to be present.
 */
export function configFromEnv(env: Environment): PartialConfig {
  const config: PartialConfig = {}
  const flags = [
    ['noFail', 'HADOLINT_NOFAIL'],
    ['verbose', 'HADOLINT_VERBOSE'],
    ['strictLabels', 'HADOLINT_STRICT_LABELS'],
    ['disableIgnorePragma', 'HADOLINT_DISABLE_IGNORE_PRAGMA']
  ] as const
  for (const [key, name] of flags) {
    const value = parseEnvFlag(name, env[name])
    if (value !== undefined) config[key] = value
  }
  if (env.NO_COLOR !== undefined) config.noColor = true

  const formats = parseFormatList(env.HADOLINT_FORMAT ?? '', 'HADOLINT_FORMAT')
  if (formats.length > 0) config.formats = formats
  const threshold = (env.HADOLINT_FAILURE_THRESHOLD ?? '').trim()
  if (threshold !== '') {
    config.failureThreshold = parseThreshold(threshold, 'HADOLINT_FAILURE_THRESHOLD')
  }

  for (const [severity, name] of Object.entries(overrideVariables)) {
    const codes = list(env, name)
    if (codes) config.override = { ...config.override, [severity]: codes }
  }
  const ignored = list(env, 'HADOLINT_IGNORE')
  if (ignored) config.ignored = ignored
  const trusted = list(env, 'HADOLINT_TRUSTED_REGISTRIES')
  if (trusted) config.trustedRegistries = trusted

  const labels = list(env, 'HADOLINT_REQUIRE_LABELS')
  if (labels) {
    const schema: Record<string, LabelType> = {}
    for (const spec of labels) {
      const [name, type] = parseLabelSpec(spec, 'HADOLINT_REQUIRE_LABELS')
      schema[name] = type
    }
    config.labelSchema = schema
  }
  return config
}
