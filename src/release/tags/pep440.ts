import {
  isPep440Postrelease,
  isPep440Prerelease,
  normalizePep440,
  parsePep440,
  pep440Part
} from '../pep440.js'
import { isSingleExpression } from '../template.js'
import type { TagEntry } from '../tag-entry.js'
import { constants, skip, type TagEvaluation, type TagOutcome } from './types.js'
import { versionSource } from './version-source.js'

/**
 * type=pep440. Pre-, post- and dev-releases ignore the pattern and give the normalised
 * version (or the text as written with `{{raw}}`), and never move `latest`.
 */
export function evaluatePep440(
  entry: Extract<TagEntry, { type: 'pep440' }>,
  evaluation: TagEvaluation
): TagOutcome {
  const text = versionSource(entry, evaluation)
  if (text === undefined) return skip
  const version = parsePep440(text)
  if (!version) {
    return {
      kind: 'invalid',
      reason: `'${text}' does not conform to PEP 440 (https://peps.python.org/pep-0440/)`
    }
  }
  if (isPep440Prerelease(version) || isPep440Postrelease(version)) {
    const value = isSingleExpression(entry.pattern, 'raw') ? text : normalizePep440(version)
    return { kind: 'value', value, latest: false }
  }
  const parts = constants({
    raw: text,
    version: normalizePep440(version),
    major: pep440Part(version, 0),
    minor: pep440Part(version, 1),
    patch: pep440Part(version, 2)
  })
  return { kind: 'value', value: evaluation.render(entry.pattern, parts), latest: true }
}
