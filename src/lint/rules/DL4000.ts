import { simpleRule } from '../rule.js'

/** MAINTAINER is deprecated in Docker; a label is what tools read for the maintainer. */
export const DL4000 = simpleRule(
  {
    code: 'DL4000',
    severity: 'error',
    message:
      'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="<name or email>" instead'
  },
  (instruction) => instruction.keyword !== 'MAINTAINER'
)
