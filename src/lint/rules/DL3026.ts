import { mountsOf } from '../helpers/mounts.js'
import { isTrustedImage } from '../helpers/registry.js'
import { StageTracker } from '../helpers/stages.js'
import type { LintInstruction, Rule } from '../rule.js'

/**
 * With `trustedRegistries` set, every image the build pulls — FROM, `COPY --from=<image>` and
 * `RUN --mount=…,from=<image>` — must come from an allowed registry, so no unreviewed source
 * reaches the image. Earlier stages are not images and are always fine.
 */
export const DL3026: Rule = {
  meta: {
    code: 'DL3026',
    severity: 'error',
    message:
      'Pull images only from a trusted registry (see trustedRegistries in the lint configuration)'
  },
  create(context) {
    const trusted = context.settings.trustedRegistries
    const stages = new StageTracker()
    const allowed = (reference: string) =>
      stages.byName(reference) !== undefined || isTrustedImage(reference, trusted)
    const check = (instruction: LintInstruction): boolean => {
      switch (instruction.keyword) {
        case 'FROM': {
          const stage = stages.check(instruction)
          return !stage || stage.parent !== undefined || isTrustedImage(stage.from.image, trusted)
        }
        case 'COPY':
          for (const flag of instruction.flags)
            if (flag.name === 'from' && flag.value && !allowed(flag.value)) return false
          return true
        case 'RUN':
          if (!instruction.flags.some((flag) => flag.name === 'mount')) return true
          for (const mount of mountsOf(instruction))
            if (
              (mount.type === 'cache' || mount.type === 'bind') &&
              mount.from &&
              !allowed(mount.from)
            )
              return false
          return true
        default:
          return true
      }
    }
    return {
      check(instruction) {
        if (trusted.length === 0) return
        if (!check(instruction)) context.report(instruction.line)
      }
    }
  }
}
