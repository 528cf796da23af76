import type { Rule } from '../rule.js'

/** BuildKit refuses a Dockerfile whose first instruction (after ARGs) is not FROM. */
export const DL3061: Rule = {
  meta: {
    code: 'DL3061',
    severity: 'error',
    message: 'Only ARG and comments may come before the first FROM; move this after a FROM'
  },
  create(context) {
    let seenFrom = false
    return {
      check(instruction) {
        if (seenFrom) return
        if (instruction.keyword === 'FROM') seenFrom = true
        else if (instruction.keyword !== '#' && instruction.keyword !== 'ARG')
          context.report(instruction.line)
      }
    }
  }
}
