/**
 * The stages whose image is a result of the build, for rules that want something in every
 * image a Dockerfile produces (DL3049 labels, DL3057 HEALTHCHECK). A stage needs the thing
 * unless it has it itself, inherits it (FROM an earlier stage that has it), hands it down (a
 * later stage built FROM it has it), or is only a source for COPY --from.
 */
import { StageTracker, type Stage } from './stages.js'
import type { LintInstruction } from '../rule.js'

export class FinalStages {
  private readonly tracker = new StageTracker()
  private readonly copiedFrom = new Set<number>()

  /** Call with every instruction in order. */
  check(instruction: LintInstruction): void {
    if (instruction.keyword === 'FROM') {
      this.tracker.check(instruction)
      return
    }
    if (instruction.keyword !== 'COPY') return
    for (const flag of instruction.flags) {
      if (flag.name !== 'from' || !flag.value) continue
      const source = this.tracker.byName(flag.value)
      if (source) this.copiedFrom.add(source.index)
    }
  }

  /** The stage the last instruction is in; undefined before the first FROM. */
  get current(): Stage | undefined {
    return this.tracker.current
  }

  /**
   * FROM lines of the stages that lack the thing, given the stages (by index) that have it
   * through an instruction of their own.
   */
  lacking(own: ReadonlySet<number>): number[] {
    const stages = this.tracker.stages
    const has: boolean[] = []
    for (const stage of stages)
      has[stage.index] =
        own.has(stage.index) || (stage.parent !== undefined && has[stage.parent.index] === true)
    // Children come after their parents, so one backward pass sees every descendant first.
    const reaches = [...has]
    const handsDown: boolean[] = stages.map(() => false)
    for (let index = stages.length - 1; index >= 0; index--) {
      const parent = stages[index]?.parent
      if (parent && reaches[index]) {
        reaches[parent.index] = true
        handsDown[parent.index] = true
      }
    }
    return stages
      .filter(
        (stage) => !has[stage.index] && !handsDown[stage.index] && !this.copiedFrom.has(stage.index)
      )
      .map((stage) => stage.line)
  }
}
