import { tagOf } from '../refs.js'
import type { TagEntry } from '../tag-entry.js'
import { skip, type TagEvaluation, type TagOutcome } from './types.js'

/**
 * type=match: group `group` of the regex over the pushed tag (or value=). Matching follows
 * String.prototype.match, flags included, as metadata-action does: with `g` the "groups"
 * are the successive whole matches.
 */
export function evaluateMatch(
  entry: Extract<TagEntry, { type: 'match' }>,
  evaluation: TagEvaluation
): TagOutcome {
  const tag = tagOf(evaluation.ref)
  if (tag === undefined && entry.value === '') return skip
  const text = entry.value !== '' ? evaluation.render(entry.value) : (tag ?? '')
  entry.pattern.lastIndex = 0
  const found = text.match(entry.pattern)
  if (!found)
    return {
      kind: 'invalid',
      reason: `pattern ${entry.pattern.toString()} does not match '${text}'`
    }
  const value = found[entry.group]
  if (value === undefined) {
    return {
      kind: 'invalid',
      reason: `group ${entry.group} does not exist in ${entry.pattern.toString()} for '${text}'`
    }
  }
  return { kind: 'value', value, latest: true }
}
