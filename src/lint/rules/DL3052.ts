import { isUrl, labelValueRule } from '../helpers/labels.js'

/** Tools follow URL labels (source, documentation); a relative or malformed one leads nowhere. */
export const DL3052 = labelValueRule(
  {
    code: 'DL3052',
    severity: 'warning',
    message: 'A url label of the label schema is not an absolute URL; use scheme://host/path'
  },
  'url',
  isUrl,
  (label) => `Label \`${label}\` is not an absolute URL (RFC 3986); use scheme://host/path`
)
