import { argumentsOf, commandsOf } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** Options of npm install whose value is not a package. */
const valueFlags = ['loglevel', 'registry']

const gitPrefixes = ['git://', 'git+ssh://', 'git+http://', 'git+https://']
const pathPrefixes = ['/', './', '../', '~/']
const tarballSuffixes = ['.tar', '.tar.gz', '.tgz']

/**
 * Pinned: `name@version` (scope-aware: `@scope/name@1.2`), a git URL with `#ref`, a tarball or
 * a folder.
 */
function isPinned(pkg: string): boolean {
  if (gitPrefixes.some((prefix) => pkg.startsWith(prefix))) return pkg.includes('#')
  if (tarballSuffixes.some((suffix) => pkg.endsWith(suffix))) return true
  if (pathPrefixes.some((prefix) => pkg.startsWith(prefix))) return true
  if (!pkg.startsWith('@')) return pkg.includes('@')
  const slash = pkg.indexOf('/')
  return pkg.includes('@', slash < 0 ? 1 : slash)
}

/**
 * Unpinned npm packages make the same Dockerfile build different images over time. A bare
 * `npm install` installs what package.json and the lock file pin, so it is fine.
 */
export const DL3016: Rule = simpleRule(
  {
    code: 'DL3016',
    severity: 'warning',
    message:
      'Pin npm package versions (npm install <package>@<version>) so rebuilds are reproducible'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) {
      if (command.name !== 'npm' || !command.args.includes('install')) continue
      const args = argumentsOf(command, valueFlags)
      if (args[0] !== 'install') continue // `npm run install`, `npm exec … install`
      let start = 1
      while (args[start] === 'install') start++
      for (let index = start; index < args.length; index++)
        if (!isPinned(args[index] ?? '')) return false
    }
    return true
  },
  { onbuild: true }
)
