import { argumentsOf, commandsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** Options of apk add whose value is not a package name. */
const valueFlags = ['t', 'virtual', 'repository', 'X']

/** Pinned with `=`, `~`, `<` or `>` (`curl=8.5.0-r0`, `git~2.43`, `py3>3.11`), or a local .apk. */
const isPinned = (pkg: string) =>
  pkg.includes('=') ||
  pkg.includes('~') ||
  pkg.includes('<') ||
  pkg.includes('>') ||
  pkg.endsWith('.apk')

/** Unpinned apk packages make the same Dockerfile build different images over time. */
export const DL3018: Rule = simpleRule(
  {
    code: 'DL3018',
    severity: 'warning',
    message: 'Pin apk package versions (apk add <package>=<version>) so rebuilds are reproducible'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) {
      if (command.name !== 'apk' || !hasArgs(command, 'apk', ['add'])) continue
      for (const arg of argumentsOf(command, valueFlags))
        if (arg !== 'add' && !isPinned(arg)) return false
    }
    return true
  },
  { onbuild: true }
)
