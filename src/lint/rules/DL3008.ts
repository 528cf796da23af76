import { argumentsOf, commandsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** Option values of apt-get that are not package names. */
const valueFlags = ['t', 'target-release']

/** A package is pinned with `=version`, is a path (`./x.deb`) or a release (`pkg/bookworm`). */
const isPinned = (pkg: string) => pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb')

/** Unpinned apt packages make the same Dockerfile build different images over time. */
export const DL3008: Rule = simpleRule(
  {
    code: 'DL3008',
    severity: 'warning',
    message:
      'Pin apt package versions (apt-get install <package>=<version>) so rebuilds are reproducible'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) {
      if (command.name !== 'apt-get' || !hasArgs(command, 'apt-get', ['install'])) continue
      for (const arg of argumentsOf(command, valueFlags))
        if (arg !== 'install' && !isPinned(arg)) return false
    }
    return true
  },
  { onbuild: true }
)
