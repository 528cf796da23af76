import { isGitHash, labelValueRule } from '../helpers/labels.js'

/** A revision label must name a commit that `git` can find: a short or full hex hash. */
export const DL3055 = labelValueRule(
  {
    code: 'DL3055',
    severity: 'warning',
    message: 'A hash label of the label schema is not a git commit hash; use 7 or 40 hex digits'
  },
  'hash',
  isGitHash,
  (label) => `Label \`${label}\` is not a git commit hash; use 7 or 40 lower-case hex digits`
)
