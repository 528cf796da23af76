/**
 * The lint pass over one parsed Dockerfile: every rule sees every instruction in order (and,
 * for ONBUILD-aware rules, a second instance sees the ONBUILD triggers), then pragmas,
 * severity overrides and `ignored` are applied as hadolint applies them.
 */
import type { Dockerfile } from '../dockerfile/model.js'
import { parseShell } from '../dockerfile/shell.js'
import type { Finding } from './finding.js'
import { isSuppressed, parsePragmas } from './pragmas.js'
import type { LintInstruction, Rule, RuleSettings } from './rule.js'
import type { Severity } from './severity.js'

export interface LintSettings extends RuleSettings {
  /** Codes dropped from the results. */
  ignored: ReadonlySet<string>
  /** Severity per code, replacing the rule's default (also turns on rules that are off). */
  overrides: ReadonlyMap<string, Severity>
  /** Ignore the `ignore` pragmas (inline, stage and global). */
  disableIgnorePragma: boolean
}

export const defaultSettings: LintSettings = {
  ignored: new Set(),
  overrides: new Map(),
  disableIgnorePragma: false,
  trustedRegistries: [],
  labelSchema: {},
  strictLabels: false
}

/** A failure before severities are settled. */
export interface RawFailure {
  code: string
  line: number
  column: number
  message: string
  severity: Severity
}

function withShell(instruction: LintInstruction): LintInstruction {
  if (instruction.trigger) withShell(instruction.trigger)
  if (instruction.script !== undefined && instruction.shell === undefined) {
    instruction.shell = parseShell(instruction.script)
  }
  return instruction
}

/** Instructions and comments in file order; comments inside an instruction belong to it. */
export function instructionStream(dockerfile: Dockerfile): LintInstruction[] {
  const stream: LintInstruction[] = []
  const instructions = dockerfile.instructions
  let next = 0
  for (const comment of dockerfile.comments) {
    // Both lists are in line order: emit the instructions before this comment, then decide
    // whether the comment sits inside the last of them (a comment within a continuation).
    while (next < instructions.length && (instructions[next]?.line ?? 0) < comment.line) {
      stream.push(withShell(instructions[next++] as LintInstruction))
    }
    const previous = instructions[next - 1]
    if (previous && comment.line <= previous.endLine) continue
    stream.push({
      keyword: '#',
      line: comment.line,
      endLine: comment.line,
      column: 1,
      flags: [],
      text: comment.text,
      words: [],
      json: undefined,
      heredocs: [],
      pairs: [],
      scriptLine: comment.line,
      scriptColumn: 1
    })
  }
  while (next < instructions.length) stream.push(withShell(instructions[next++] as LintInstruction))
  return stream
}

/** Runs the rules; returns failures with the rules' own severities, before pragmas. */
export function runRules(
  stream: readonly LintInstruction[],
  rules: readonly Rule[],
  settings: RuleSettings
): RawFailure[] {
  const failures: RawFailure[] = []
  for (const rule of rules) {
    const context = {
      settings,
      report(line: number, message?: string) {
        failures.push({
          code: rule.meta.code,
          line,
          column: 1,
          message: message ?? rule.meta.message,
          severity: rule.meta.severity
        })
      }
    }
    const instance = rule.create(context)
    for (const instruction of stream) instance.check(instruction)
    instance.end?.()
    if (rule.onbuild) {
      const triggers = rule.create(context)
      for (const instruction of stream) if (instruction.trigger) triggers.check(instruction.trigger)
      triggers.end?.()
    }
  }
  return failures
}

/**
 * Lints one parsed Dockerfile. A parse error is one DL1000 finding that no pragma or setting
 * removes, and no rule runs on that file, as in hadolint. Results are sorted by line.
 */
export function lintDockerfile(
  dockerfile: Dockerfile,
  rules: readonly Rule[],
  settings: LintSettings = defaultSettings,
  /** Failures found outside the rules (ShellCheck's), filtered the same way. */
  external: readonly RawFailure[] = []
): Finding[] {
  if (dockerfile.error) {
    const { line, column, message } = dockerfile.error
    return [{ file: dockerfile.file, line, column, code: 'DL1000', severity: 'error', message }]
  }
  const stream = instructionStream(dockerfile)
  const failures = [...runRules(stream, rules, settings), ...external]
  const pragmas = settings.disableIgnorePragma
    ? undefined
    : parsePragmas(dockerfile.comments, dockerfile.instructions)
  const fromLines = dockerfile.instructions
    .filter((instruction) => instruction.keyword === 'FROM')
    .map((instruction) => instruction.line)
  const findings: Finding[] = []
  for (const failure of failures) {
    if (pragmas && isSuppressed(pragmas, fromLines, failure.code, failure.line)) continue
    const severity = settings.overrides.get(failure.code) ?? failure.severity
    if (severity === 'ignore' || settings.ignored.has(failure.code)) continue
    findings.push({ file: dockerfile.file, ...failure, severity })
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column)
}
