import { StageTracker } from '../helpers/stages.js'
import type { LintInstruction, Rule } from '../rule.js'

/** Shells that understand `-o pipefail`. */
const pipefailShells = new Set(['bash', 'zsh', 'ash'])
/** Non-POSIX shells (PowerShell, cmd) have no pipefail and are left alone. */
const nonPosixPrefixes = ['pwsh', 'powershell', 'cmd']

/** The SHELL's words, as hadolint reads them: exec form, or the text split like a shell would. */
function shellWords(instruction: LintInstruction): string[] {
  return (
    instruction.json ??
    instruction.text
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => word.replace(/^(["'])(.*)\1$/, '$2'))
  )
}

/** The SHELL makes a failing command on the left of a pipe fail the RUN, or is not POSIX. */
function isSafeShell(words: string[]): boolean {
  const [name = '', ...args] = words
  if (nonPosixPrefixes.some((prefix) => words.join(' ').startsWith(prefix))) return true
  const basename = name.slice(name.lastIndexOf('/') + 1)
  const hasO = args.some(
    (arg) => arg.startsWith('-') && !arg.startsWith('--') && arg.slice(1).includes('o')
  )
  return pipefailShells.has(basename) && hasO && args.includes('pipefail')
}

/**
 * Without pipefail, `a | b` succeeds whenever b does, so a failed download piped into another
 * command goes unnoticed. The stage's SHELL decides (inherited by a stage built FROM another);
 * the `# hadolint shell=` pragma does not.
 */
export const DL4006: Rule = {
  meta: {
    code: 'DL4006',
    severity: 'warning',
    message:
      'Set SHELL ["/bin/bash", "-o", "pipefail", "-c"] before a RUN with a pipe, so a failure on the left of the pipe fails the build (with busybox /bin/sh, use /bin/ash)'
  },
  create(context) {
    const stages = new StageTracker()
    /** Per stage index: whether its SHELL at the end was safe. */
    const safeAtEnd: boolean[] = []
    let safe = false
    return {
      check(instruction) {
        switch (instruction.keyword) {
          case 'FROM': {
            if (stages.current) safeAtEnd[stages.current.index] = safe
            const parent = stages.check(instruction)?.parent
            safe = parent !== undefined && safeAtEnd[parent.index] === true
            break
          }
          case 'SHELL':
            safe = isSafeShell(shellWords(instruction))
            break
          case 'RUN':
            if (!safe && instruction.shell?.hasPipe) context.report(instruction.line)
            break
        }
      }
    }
  }
}
