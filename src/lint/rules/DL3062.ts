import { commandsOf, hasArgs, isFlag } from '../helpers/commands.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule } from '../rule.js'

const installVerbs = ['install', 'get']

/** `pkg@v1.2.3` is pinned, `pkg@latest` and `pkg@none` are not; local paths need no version. */
function isPinned(target: string): boolean {
  if (target === '.' || target.startsWith('/') || target.startsWith('.')) return true
  return target.includes('@') && !target.endsWith('@latest') && !target.endsWith('@none')
}

/** The packages a go command fetches: for `go run` only the first argument is a package. */
function packagesOf(command: ShellCommand): string[] {
  const args = command.args.filter((arg) => !isFlag(arg))
  if (hasArgs(command, 'go', ['run'])) return args.slice(0, 2).filter((arg) => arg !== 'run')
  if (hasArgs(command, 'go', installVerbs))
    return args.filter((arg) => arg !== 'install' && arg !== 'get' && arg !== 'tool')
  return []
}

/** Without @version, go fetches whatever the module's latest release is at build time. */
export const DL3062 = simpleRule(
  {
    code: 'DL3062',
    severity: 'warning',
    message: 'Pin Go module versions (go install <package>@<version>) so rebuilds are reproducible'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) => command.name !== 'go' || packagesOf(command).every(isPinned)
    ),
  { onbuild: true }
)
