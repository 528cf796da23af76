import { labelValueRule } from '../helpers/labels.js'

/** A schema label set to an empty string satisfies DL3049 on paper but carries nothing. */
export const DL3051 = labelValueRule(
  {
    code: 'DL3051',
    severity: 'warning',
    message: 'A label of the label schema is empty; give it a value'
  },
  undefined,
  (value) => value !== '',
  (label) => `Label \`${label}\` is empty; give it a value`
)
