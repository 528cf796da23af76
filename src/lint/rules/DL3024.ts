import { parseFrom } from '../helpers/from.js'
import type { Rule } from '../rule.js'

/** Two stages with one name make every `--from=name` ambiguous; BuildKit refuses the file. */
export const DL3024: Rule = {
  meta: {
    code: 'DL3024',
    severity: 'error',
    message: 'Stage names (FROM … AS <name>) must be unique; rename one of the stages'
  },
  create(context) {
    const names = new Set<string>()
    return {
      check(instruction) {
        if (instruction.keyword !== 'FROM') return
        const name = parseFrom(instruction).alias?.toLowerCase()
        if (name === undefined) return
        if (names.has(name)) context.report(instruction.line)
        else names.add(name)
      }
    }
  }
}
