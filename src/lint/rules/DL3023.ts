import { StageTracker } from '../helpers/stages.js'
import type { Rule } from '../rule.js'

/** A stage cannot copy from itself: BuildKit rejects it as a dependency cycle. */
export const DL3023: Rule = {
  meta: {
    code: 'DL3023',
    severity: 'error',
    message: 'COPY --from cannot name the stage it is in; copy from an earlier stage'
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
        const current = stages.current?.name
        if (current === undefined) return
        for (const flag of instruction.flags)
          if (flag.name === 'from' && flag.value?.toLowerCase() === current)
            context.report(instruction.line)
      }
    }
  }
}
