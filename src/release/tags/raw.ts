import type { TagEntry } from '../tag-entry.js'
import type { TagEvaluation, TagOutcome } from './types.js'

/** type=raw: value= with the global expressions, on every event. */
export function evaluateRaw(
  entry: Extract<TagEntry, { type: 'raw' }>,
  evaluation: TagEvaluation
): TagOutcome {
  return { kind: 'value', value: evaluation.render(entry.value), latest: false }
}
