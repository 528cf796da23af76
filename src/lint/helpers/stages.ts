/**
 * Build stages, for rules that need to know which stage an instruction is in, what it was
 * built FROM, and whether a later stage or COPY --from uses it.
 */
import { parseFrom, type FromImage } from './from.js'
import type { LintInstruction } from '../rule.js'

export interface Stage {
  /** 0-based position among the FROMs. */
  index: number
  /** Line of its FROM. */
  line: number
  from: FromImage
  /** The stage's name (AS …), lower-cased as BuildKit compares them. */
  name?: string
  /** The earlier stage this one is built FROM, if any. */
  parent?: Stage
}

/** Follows FROM instructions; call `check` with every instruction in order. */
export class StageTracker {
  readonly stages: Stage[] = []
  current: Stage | undefined

  /** Returns the new stage when the instruction is a FROM. */
  check(instruction: LintInstruction): Stage | undefined {
    if (instruction.keyword !== 'FROM') return undefined
    const from = parseFrom(instruction)
    const name = from.alias?.toLowerCase()
    const parent = this.byName(from.image)
    const stage: Stage = {
      index: this.stages.length,
      line: instruction.line,
      from,
      ...(name ? { name } : {}),
      ...(parent ? { parent } : {})
    }
    this.stages.push(stage)
    this.current = stage
    return stage
  }

  /** An earlier stage by name (case-insensitive) or index. */
  byName(reference: string): Stage | undefined {
    const lower = reference.toLowerCase()
    return (
      this.stages.find((stage) => stage.name === lower) ??
      (/^\d+$/.test(reference) ? this.stages[Number(reference)] : undefined)
    )
  }
}
