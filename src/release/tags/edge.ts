import { branchOf } from '../refs.js'
import type { TagEntry } from '../tag-entry.js'
import { skip, type TagEvaluation, type TagOutcome } from './types.js'

/** type=edge: `edge` on pushes to branch= (default: the repository's default branch). */
export function evaluateEdge(
  entry: Extract<TagEntry, { type: 'edge' }>,
  evaluation: TagEvaluation
): TagOutcome {
  const branch = branchOf(evaluation.ref)
  if (branch === undefined) return skip
  if ((entry.branch || evaluation.defaultBranch) !== branch) return skip
  return { kind: 'value', value: 'edge', latest: false }
}
