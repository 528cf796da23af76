import type { Rule } from '../rule.js'

/** Only a stage's last CMD takes effect; the earlier ones are dead code that misleads. */
export const DL4003: Rule = {
  meta: {
    code: 'DL4003',
    severity: 'warning',
    message: 'A stage has more than one CMD and only the last one takes effect; keep a single CMD'
  },
  create(context) {
    let seen = false
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') seen = false
        else if (instruction.keyword === 'CMD') {
          if (seen) context.report(instruction.line)
          seen = true
        }
      }
    }
  }
}
