import { tagOf } from '../refs.js'
import type { TagEntry } from '../tag-entry.js'
import type { TagEvaluation } from './types.js'

/**
 * The text a semver or pep440 entry reads: its value= (rendered) or the pushed tag, narrowed
 * to match= group 1 when given, with `/` turned into `-`. Undefined when the entry does not
 * apply (no value= and not a tag).
 */
export function versionSource(
  entry: Extract<TagEntry, { type: 'semver' | 'pep440' }>,
  evaluation: TagEvaluation
): string | undefined {
  const tag = tagOf(evaluation.ref)
  if (tag === undefined && entry.value === '') return undefined
  let text = entry.value !== '' ? evaluation.render(entry.value) : (tag ?? '')
  if (entry.match) {
    const found = entry.match.exec(text)
    // metadata-action goes on with the whole text when match= does not match.
    if (!found) evaluation.report(`match=${entry.match.source} does not match '${text}'`)
    else text = found[1] ?? ''
  }
  return text.replace(/\//g, '-')
}
