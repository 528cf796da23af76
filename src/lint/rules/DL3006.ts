import { StageTracker } from '../helpers/stages.js'
import type { Rule } from '../rule.js'

/**
 * An untagged base image means `latest`: whatever it is on the day of the build. Exempt are
 * `scratch`, images chosen by a build argument (`FROM $BASE`), and earlier stages.
 */
export const DL3006: Rule = {
  meta: {
    code: 'DL3006',
    severity: 'warning',
    message: 'Tag the base image with an explicit version (FROM image:tag) so builds are repeatable'
  },
  create(context) {
    const stages = new StageTracker()
    return {
      check(instruction) {
        if (instruction.keyword !== 'FROM') return
        const stage = stages.check(instruction)
        if (!stage || stage.parent) return
        const { image, tag, digest } = stage.from
        if (tag !== undefined || digest !== undefined) return
        if (image === 'scratch' || image.startsWith('$')) return
        context.report(instruction.line)
      }
    }
  }
}
