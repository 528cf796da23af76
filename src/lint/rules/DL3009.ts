import { commandsOf } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { StageTracker, type Stage } from '../helpers/stages.js'
import type { LintInstruction, Rule } from '../rule.js'

const updaters = new Set(['apt-get', 'apt', 'aptitude'])
const listsDir = '/var/lib/apt/lists'

/** The RUN refreshes the apt lists and leaves them in the layer. */
function leavesAptLists(instruction: LintInstruction): boolean {
  let updates = false
  let cleans = false
  for (const command of commandsOf(instruction)) {
    if (updaters.has(command.name) && command.args.includes('update')) updates = true
    else if (command.name === 'rm' && command.args.some((arg) => arg.startsWith(listsDir)))
      cleans = true
  }
  if (!updates || cleans) return false
  // A cache or tmpfs mount keeps the lists out of the layer.
  if (hasCacheOrTmpfsMountWith(instruction, listsDir)) return false
  return !(
    hasCacheOrTmpfsMountWith(instruction, '/var/lib/apt') &&
    hasCacheOrTmpfsMountWith(instruction, '/var/cache/apt')
  )
}

/**
 * `apt-get update` downloads tens of megabytes of package lists that nothing needs at run
 * time; delete them in the same RUN (`rm -rf /var/lib/apt/lists/*`). Only stages that end up
 * in an image count: the last one, and any stage a later FROM builds on.
 */
export const DL3009: Rule = {
  meta: {
    code: 'DL3009',
    severity: 'info',
    message:
      'Delete the apt lists in the same RUN that fetched them (rm -rf /var/lib/apt/lists/*) to keep the layer small'
  },
  onbuild: true,
  create(context) {
    const stages = new StageTracker()
    const forgotten: Array<{ line: number; stage: Stage | undefined }> = []
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') stages.check(instruction)
        else if (instruction.keyword === 'RUN' && leavesAptLists(instruction))
          forgotten.push({ line: instruction.line, stage: stages.current })
      },
      end() {
        const last = stages.current
        const reused = new Set<Stage>()
        for (const stage of stages.stages) if (stage.parent) reused.add(stage.parent)
        for (const { line, stage } of forgotten)
          if (stage === last || (stage && reused.has(stage))) context.report(line)
      }
    }
  }
}
