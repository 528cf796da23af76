import type { TagEntry } from '../tag-entry.js'
import { skip, type TagEvaluation, type TagOutcome } from './types.js'

/** type=schedule: the pattern (default `nightly`) on scheduled runs only. */
export function evaluateSchedule(
  entry: Extract<TagEntry, { type: 'schedule' }>,
  evaluation: TagEvaluation
): TagOutcome {
  if (!/schedule/.test(evaluation.eventName)) return skip
  return { kind: 'value', value: evaluation.render(entry.pattern), latest: false }
}
