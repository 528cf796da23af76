import type { Rule } from '../rule.js'

/** Only the last HEALTHCHECK of a stage takes effect; an earlier one is dead code that misleads. */
export const DL3012: Rule = {
  meta: {
    code: 'DL3012',
    severity: 'error',
    message: 'A stage may have only one HEALTHCHECK; remove the extra ones'
  },
  create(context) {
    let seen = false
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') seen = false
        else if (instruction.keyword === 'HEALTHCHECK') {
          if (seen) context.report(instruction.line)
          seen = true
        }
      }
    }
  }
}
