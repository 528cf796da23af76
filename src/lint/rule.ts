import type { Instruction } from '../dockerfile/model.js'
import type { ShellScript } from '../dockerfile/shell.js'
import type { Severity } from './severity.js'

/** A label type of hadolint's `label-schema`. */
export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email'

/** What rules may read of the configuration. */
export interface RuleSettings {
  /** DL3026: allowed registries: exact, `*`, `*.suffix` or `prefix*`. Empty turns the rule off. */
  trustedRegistries: readonly string[]
  /** DL3049–DL3058: required labels and their types. */
  labelSchema: Readonly<Record<string, LabelType>>
  /** DL3050: labels outside the schema are reported. */
  strictLabels: boolean
}

/**
 * An instruction as rules see it. Comments are in the stream too (keyword `#`, `text` the
 * comment), because some rules depend on them (DL1001 pragmas, DL3059 runs across comments).
 */
export interface LintInstruction extends Instruction {
  /** RUN in shell or exec form: the parsed script. */
  shell?: ShellScript
  trigger?: LintInstruction
}

export interface RuleMeta {
  code: string
  severity: Severity
  /** What is wrong and what to do, in runnerkit's words. */
  message: string
}

export interface RuleContext {
  settings: RuleSettings
  /** Reports a failure on a line; `message` replaces the rule's own (e.g. naming a label). */
  report(line: number, message?: string): void
}

export interface RuleInstance {
  check(instruction: LintInstruction): void
  /** Called after the last instruction: look-ahead rules report here. */
  end?(): void
}

export interface Rule {
  meta: RuleMeta
  /**
   * The rule also checks the instructions inside `ONBUILD`, with a second instance of its own
   * that sees only those (unwrapped), as hadolint's `onbuild` combinator does.
   */
  onbuild?: boolean
  create(context: RuleContext): RuleInstance
}

export function documentationUrl(code: string): string {
  return code.startsWith('SC')
    ? `https://www.shellcheck.net/wiki/${code}`
    : `https://github.com/hadolint/hadolint/wiki/${code}`
}

/**
 * A rule that judges each instruction on its own. `check` returns true when the instruction
 * is fine, false (or a message) when it fails.
 */
export function simpleRule(
  meta: RuleMeta,
  check: (instruction: LintInstruction, settings: RuleSettings) => boolean | string,
  options: { onbuild?: boolean } = {}
): Rule {
  return {
    meta,
    ...(options.onbuild ? { onbuild: true } : {}),
    create: (context) => ({
      check(instruction) {
        const verdict = check(instruction, context.settings)
        if (verdict === false) context.report(instruction.line)
        else if (typeof verdict === 'string') context.report(instruction.line, verdict)
      }
    })
  }
}
