import type { TagEntry } from '../tag-entry.js'
import { skip, type TagEvaluation, type TagOutcome } from './types.js'

/** type=sha: the commit, short (DOCKER_METADATA_SHORT_SHA_LENGTH, default 7) or long. */
export function evaluateSha(
  entry: Extract<TagEntry, { type: 'sha' }>,
  evaluation: TagEvaluation
): TagOutcome {
  if (!evaluation.sha) return skip
  const value = entry.format === 'short' ? evaluation.shortSha : evaluation.sha
  return { kind: 'value', value, latest: false }
}
