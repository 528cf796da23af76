import { branchOf, pullRequestOf, tagOf } from '../refs.js'
import type { TagEntry } from '../tag-entry.js'
import { skip, type TagEvaluation, type TagOutcome } from './types.js'

/**
 * type=ref: the branch name, the tag name (moves `latest` under latest=auto) or the PR
 * number, each only for its own kind of ref.
 */
export function evaluateRef(
  entry: Extract<TagEntry, { type: 'ref' }>,
  evaluation: TagEvaluation
): TagOutcome {
  switch (entry.event) {
    case 'branch': {
      const branch = branchOf(evaluation.ref)
      return branch === undefined ? skip : { kind: 'value', value: branch, latest: false }
    }
    case 'tag': {
      const tag = tagOf(evaluation.ref)
      if (tag === undefined) return skip
      // Opt-in (strip-tag-prefix): `v1.2.3` → `1.2.3`, a long-standing request (#103, #240, #422).
      const prefix = evaluation.stripTagPrefix
      const value =
        prefix !== '' && tag.startsWith(prefix) && tag.length > prefix.length
          ? tag.slice(prefix.length)
          : tag
      return { kind: 'value', value, latest: true }
    }
    case 'pr': {
      const number = pullRequestOf(evaluation.ref)
      return number === undefined ? skip : { kind: 'value', value: number, latest: false }
    }
  }
}
