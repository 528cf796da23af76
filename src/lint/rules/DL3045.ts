import { copyPaths, dropQuotes } from '../helpers/packages-a.js'
import { StageTracker } from '../helpers/stages.js'
import type { LintInstruction, Rule } from '../rule.js'

/** `/x`, `c:\x`, `c:/x`, or a variable that is presumably absolute. */
function isAbsolute(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('$')) return true
  const rest = path.slice(1)
  return rest.startsWith(':\\') || rest.startsWith(':/')
}

function isRelativeCopy(instruction: LintInstruction): boolean {
  const paths = copyPaths(instruction)
  return paths !== undefined && !isAbsolute(dropQuotes(paths.target))
}

/**
 * A relative COPY destination lands in whatever WORKDIR the base image happens to set. A
 * WORKDIR of this stage, or of the earlier stage it is built FROM, pins it down.
 */
export const DL3045: Rule = {
  meta: {
    code: 'DL3045',
    severity: 'warning',
    message:
      'COPY to a relative destination needs a WORKDIR in the stage; set one or use an absolute path'
  },
  create(context) {
    const stages = new StageTracker()
    /** Stages (by index; -1 before the first FROM) that have a WORKDIR. */
    const withWorkdir = new Set<number>()
    let current = -1
    return {
      check(instruction) {
        switch (instruction.keyword) {
          case 'FROM': {
            const stage = stages.check(instruction)
            if (!stage) return
            current = stage.index
            if (stage.parent && withWorkdir.has(stage.parent.index)) withWorkdir.add(current)
            return
          }
          case 'WORKDIR':
            withWorkdir.add(current)
            return
          case 'COPY':
            if (!withWorkdir.has(current) && isRelativeCopy(instruction))
              context.report(instruction.line)
        }
      }
    }
  }
}
