import { isRfc3339, labelValueRule } from '../helpers/labels.js'

/** Timestamp labels (such as a build date) are only comparable and parseable in one format. */
export const DL3053 = labelValueRule(
  {
    code: 'DL3053',
    severity: 'warning',
    message:
      'An rfc3339 label of the label schema is not an RFC 3339 timestamp; use 2024-01-31T12:00:00Z'
  },
  'rfc3339',
  isRfc3339,
  (label) =>
    `Label \`${label}\` is not an RFC 3339 timestamp; write it as 2024-01-31T12:00:00Z or with an offset`
)
