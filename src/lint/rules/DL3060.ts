import { commandsOf, hasArgs } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { StageTracker, type Stage } from '../helpers/stages.js'
import type { LintInstruction, Rule } from '../rule.js'

/** `yarn install` runs with no `yarn cache clean` after it, and no cache mount takes the cache. */
function leavesYarnCache(instruction: LintInstruction): boolean {
  let lastInstall = -1
  let lastClean = -1
  commandsOf(instruction).forEach((command, index) => {
    if (command.name !== 'yarn') return
    if (hasArgs(command, 'yarn', ['install'])) lastInstall = index
    if (hasArgs(command, 'yarn', ['cache', 'clean'])) lastClean = index
  })
  return lastClean < lastInstall && !hasCacheOrTmpfsMountWith(instruction, '.cache/yarn')
}

/**
 * yarn's package cache left in a layer only makes the image bigger. Only stages that end up in
 * an image count: the last stage, and stages a later FROM builds on.
 */
export const DL3060: Rule = {
  meta: {
    code: 'DL3060',
    severity: 'info',
    message:
      'Run yarn cache clean after yarn install in the same RUN (or use a cache mount) to keep the layer small'
  },
  onbuild: true,
  create(context) {
    const stages = new StageTracker()
    /** Lower-cased image names of every FROM: the stages built on. */
    const builtOn = new Set<string>()
    const runs: Array<{ line: number; stage: Stage | undefined }> = []
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') {
          const stage = stages.check(instruction)
          if (stage) builtOn.add(stage.from.image.toLowerCase())
        } else if (instruction.keyword === 'RUN' && leavesYarnCache(instruction)) {
          runs.push({ line: instruction.line, stage: stages.current })
        }
      },
      end() {
        for (const { line, stage } of runs)
          if (!stage || stage === stages.current || (stage.name && builtOn.has(stage.name)))
            context.report(line)
      }
    }
  }
}
