import { isEmail, labelValueRule } from '../helpers/labels.js'

/** A contact label is only useful when mail can be sent to it. */
export const DL3058 = labelValueRule(
  {
    code: 'DL3058',
    severity: 'warning',
    message: 'An email label of the label schema is not an email address; use name@example.com'
  },
  'email',
  isEmail,
  (label) => `Label \`${label}\` is not an email address (RFC 5322); use name@example.com`
)
