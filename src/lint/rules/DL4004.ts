import type { Rule } from '../rule.js'

/** Only a stage's last ENTRYPOINT takes effect; the earlier ones are dead code that misleads. */
export const DL4004: Rule = {
  meta: {
    code: 'DL4004',
    severity: 'error',
    message:
      'A stage has more than one ENTRYPOINT and only the last one takes effect; keep a single ENTRYPOINT'
  },
  create(context) {
    let seen = false
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') seen = false
        else if (instruction.keyword === 'ENTRYPOINT') {
          if (seen) context.report(instruction.line)
          seen = true
        }
      }
    }
  }
}
