import semver from 'semver'
import { isSingleExpression } from '../template.js'
import type { TagEntry } from '../tag-entry.js'
import { constants, skip, type TagEvaluation, type TagOutcome } from './types.js'
import { versionSource } from './version-source.js'

/**
 * type=semver. Validation is strict semver (a leading `v` allowed, `v1.6` rejected) as in
 * metadata-action; the parts come from a loose parse. A pre-release ignores the pattern and
 * gives `{{version}}`, unless the pattern is exactly `{{raw}}`, and never moves `latest`.
 */
export function evaluateSemver(
  entry: Extract<TagEntry, { type: 'semver' }>,
  evaluation: TagEvaluation
): TagOutcome {
  const text = versionSource(entry, evaluation)
  if (text === undefined) return skip
  if (!semver.valid(text)) {
    return {
      kind: 'invalid',
      reason: `'${text}' is not a valid semver version (https://semver.org)`
    }
  }
  const version = semver.parse(text, { loose: true })
  if (!version) {
    return {
      kind: 'invalid',
      reason: `'${text}' is not a valid semver version (https://semver.org)`
    }
  }
  const parts = constants({
    raw: version.raw,
    version: version.version,
    major: String(version.major),
    minor: String(version.minor),
    patch: String(version.patch)
  })
  const prerelease = semver.prerelease(text) !== null
  if (prerelease && !isSingleExpression(entry.pattern, 'raw')) {
    return { kind: 'value', value: version.version, latest: false }
  }
  return { kind: 'value', value: evaluation.render(entry.pattern, parts), latest: !prerelease }
}
