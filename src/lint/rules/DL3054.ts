import { isSpdxId, labelValueRule } from '../helpers/labels.js'

/** Licence scanners match licence labels against SPDX identifiers; free text is not matched. */
export const DL3054 = labelValueRule(
  {
    code: 'DL3054',
    severity: 'warning',
    message: 'An spdx label of the label schema is not an SPDX license identifier; use one like MIT'
  },
  'spdx',
  isSpdxId,
  (label) =>
    `Label \`${label}\` is not an SPDX license identifier; use one such as MIT or Apache-2.0`
)
