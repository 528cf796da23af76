import { isSemver, labelValueRule } from '../helpers/labels.js'

/** Version labels are sorted and compared by tools; that only works for semantic versions. */
export const DL3056 = labelValueRule(
  {
    code: 'DL3056',
    severity: 'warning',
    message: 'A semver label of the label schema is not a semantic version; use one like 1.2.3'
  },
  'semver',
  isSemver,
  (label) => `Label \`${label}\` is not a semantic version; use MAJOR.MINOR.PATCH such as 1.2.3`
)
