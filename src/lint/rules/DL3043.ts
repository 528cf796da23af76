import { simpleRule } from '../rule.js'

const forbidden = new Set(['ONBUILD', 'FROM', 'MAINTAINER'])

/** BuildKit refuses ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER. */
export const DL3043 = simpleRule(
  {
    code: 'DL3043',
    severity: 'error',
    message:
      'ONBUILD cannot register ONBUILD, FROM or MAINTAINER; move that instruction out of ONBUILD'
  },
  (instruction) =>
    instruction.keyword !== 'ONBUILD' || !forbidden.has(instruction.trigger?.keyword ?? '')
)
