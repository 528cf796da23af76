/**
 * ARG and ENV declarations as the rules that read variables see them (DL3033, DL3041, DL3042).
 * ENV belongs to its stage and is inherited by a stage built FROM it; ARG names count wherever
 * they were declared, as in hadolint (an ARG holding a version is a pin even in another stage).
 */
import type { LintInstruction } from '../rule.js'
import { StageTracker } from './stages.js'

export class VariableScope {
  /** Every ARG name declared so far, in any stage. */
  readonly args = new Set<string>()
  /** The current stage's ENV, including what it inherited; null for a value-less pair. */
  env = new Map<string, string | null>()
  private readonly stages = new StageTracker()
  private readonly envOfStage = new Map<number, Map<string, string | null>>()

  /** Call with every instruction in order. */
  check(instruction: LintInstruction): void {
    switch (instruction.keyword) {
      case 'FROM': {
        const stage = this.stages.check(instruction)
        if (!stage) return
        const inherited = stage.parent ? this.envOfStage.get(stage.parent.index) : undefined
        this.env = new Map(inherited)
        this.envOfStage.set(stage.index, this.env)
        return
      }
      case 'ARG':
        for (const pair of instruction.pairs) this.args.add(pair.key)
        return
      case 'ENV':
        for (const pair of instruction.pairs) this.env.set(pair.key, pair.value)
        return
    }
  }

  /** Whether a RUN could expand `name` to a declared value (safe to pass as a callback). */
  readonly isDeclared = (name: string): boolean => this.args.has(name) || this.env.has(name)
}
