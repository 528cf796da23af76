import { StageTracker } from '../helpers/stages.js'
import type { Rule } from '../rule.js'

/**
 * `COPY --from=name` that names no earlier stage makes BuildKit pull an image called `name`:
 * usually a typo. A stage index below the number of stages so far is fine, and so is a
 * reference with a tag (`--from=nginx:1.27`), which is plainly an image.
 */
export const DL3022: Rule = {
  meta: {
    code: 'DL3022',
    severity: 'warning',
    message: 'COPY --from should name a stage defined earlier with FROM … AS <name>'
  },
  create(context) {
    const stages = new StageTracker()
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') {
          stages.check(instruction)
          return
        }
        if (instruction.keyword !== 'COPY') return
        for (const flag of instruction.flags) {
          if (flag.name !== 'from' || flag.value === null) continue
          if (flag.value.includes(':') || stages.byName(flag.value)) continue
          context.report(instruction.line)
        }
      }
    }
  }
}
