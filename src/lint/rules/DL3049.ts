import { FinalStages } from '../helpers/final-stages.js'
import type { Rule } from '../rule.js'

/**
 * Labels in the schema are what registries, scanners and people rely on to identify an image;
 * every image the build produces should carry them. A stage that is only a base for another
 * stage that sets the label, or only a source for COPY --from, does not need them itself.
 */
export const DL3049: Rule = {
  meta: {
    code: 'DL3049',
    severity: 'info',
    message: 'A label required by the label schema is missing from this stage; add it with LABEL'
  },
  create(context) {
    const labels = Object.keys(context.settings.labelSchema)
    if (labels.length === 0) return { check() {} }
    const stages = new FinalStages()
    /** Label → indexes of the stages that set it. */
    const setIn = new Map<string, Set<number>>(labels.map((label) => [label, new Set()]))
    return {
      check(instruction) {
        stages.check(instruction)
        if (instruction.keyword !== 'LABEL' || !stages.current) return
        for (const { key } of instruction.pairs) setIn.get(key)?.add(stages.current.index)
      },
      end() {
        for (const [label, own] of setIn)
          for (const line of stages.lacking(own))
            context.report(line, `Label \`${label}\` is missing from this image; add it with LABEL`)
      }
    }
  }
}
