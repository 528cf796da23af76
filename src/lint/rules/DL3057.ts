import { FinalStages } from '../helpers/final-stages.js'
import type { Rule } from '../rule.js'

/**
 * Without a HEALTHCHECK the runtime only knows whether the process is alive, not whether it
 * works. Off by default. Only images the build produces need one: a stage that is a base for a
 * stage with a HEALTHCHECK, or only a source for COPY --from, does not.
 */
export const DL3057: Rule = {
  meta: {
    code: 'DL3057',
    severity: 'ignore',
    message:
      'This image has no HEALTHCHECK; add one so the runtime can tell whether it works (or HEALTHCHECK NONE to opt out)'
  },
  create(context) {
    const stages = new FinalStages()
    const withHealthcheck = new Set<number>()
    return {
      check(instruction) {
        stages.check(instruction)
        if (instruction.keyword === 'HEALTHCHECK' && stages.current)
          withHealthcheck.add(stages.current.index)
      },
      end() {
        for (const line of stages.lacking(withHealthcheck)) context.report(line)
      }
    }
  }
}
