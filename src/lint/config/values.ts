/** Parsers for the values every configuration source shares; `source` names the culprit. */
import { UserError } from '../../errors.js'
import type { LabelType } from '../rule.js'
import { isSeverity, type Severity } from '../severity.js'
import type { Threshold } from './types.js'

export const labelTypes: readonly LabelType[] = [
  'text',
  'url',
  'semver',
  'hash',
  'rfc3339',
  'spdx',
  'email'
]

export const thresholdNames: readonly Threshold[] = [
  'error',
  'warning',
  'info',
  'style',
  'ignore',
  'none'
]

export function isThreshold(value: string): value is Threshold {
  return value === 'none' || isSeverity(value)
}

export function parseThreshold(text: string, source: string): Threshold {
  const value = text.trim()
  if (isThreshold(value)) return value
  throw new UserError(
    `${source}: unknown failure threshold '${value}'; use one of ${thresholdNames.join(', ')}`
  )
}

/** `none` is hadolint's other name for `ignore`. */
export function thresholdSeverity(threshold: Threshold): Severity {
  return threshold === 'none' ? 'ignore' : threshold
}

/** A label type; '' means text, as in hadolint. */
export function parseLabelType(text: string, source: string): LabelType {
  const value = text.trim()
  if (value === '') return 'text'
  const type = labelTypes.find((candidate) => candidate === value)
  if (type) return type
  throw new UserError(
    `${source}: unknown label type '${value}'; use one of ${labelTypes.join(', ')} (or leave it empty for text)`
  )
}

/** `name:type` as --require-label and HADOLINT_REQUIRE_LABELS take it; `name` alone is text. */
export function parseLabelSpec(spec: string, source: string): [string, LabelType] {
  const colon = spec.indexOf(':')
  const name = (colon < 0 ? spec : spec.slice(0, colon)).trim()
  if (name === '') {
    throw new UserError(
      `${source}: '${spec}' has no label name; write name:type, e.g. version:semver`
    )
  }
  return [name, parseLabelType(colon < 0 ? '' : spec.slice(colon + 1), source)]
}

/** Comma-separated entries, trimmed, blanks dropped. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
}
