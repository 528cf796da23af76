import type { TagEntry } from '../tag-entry.js'
import { evaluateEdge } from './edge.js'
import { evaluateMatch } from './match.js'
import { evaluatePep440 } from './pep440.js'
import { evaluateRaw } from './raw.js'
import { evaluateRef } from './ref.js'
import { evaluateSchedule } from './schedule.js'
import { evaluateSemver } from './semver.js'
import { evaluateSha } from './sha.js'
import type { TagEvaluation, TagOutcome } from './types.js'

export type { TagEvaluation, TagOutcome } from './types.js'

/** Evaluates one tag entry (one file per type). */
export function evaluateTag(entry: TagEntry, evaluation: TagEvaluation): TagOutcome {
  switch (entry.type) {
    case 'schedule':
      return evaluateSchedule(entry, evaluation)
    case 'semver':
      return evaluateSemver(entry, evaluation)
    case 'pep440':
      return evaluatePep440(entry, evaluation)
    case 'match':
      return evaluateMatch(entry, evaluation)
    case 'edge':
      return evaluateEdge(entry, evaluation)
    case 'ref':
      return evaluateRef(entry, evaluation)
    case 'raw':
      return evaluateRaw(entry, evaluation)
    case 'sha':
      return evaluateSha(entry, evaluation)
  }
}
