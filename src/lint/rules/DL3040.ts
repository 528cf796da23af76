import { commandsOf, hasArgs } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { cleansAfterInstall } from '../helpers/packages-b.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule } from '../rule.js'

const managers = ['dnf', 'microdnf']
/** Subcommands that download packages into the cache (with their aliases). */
const installs = ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei']
const cleans = ['clean', 'all']
const cacheRemovals = ['-rf', '/var/cache/libdnf5*']
const removesCache = (command: ShellCommand) => hasArgs(command, 'rm', cacheRemovals)
/** Each tool is judged on its own: `microdnf clean all` does not clean up after `dnf install`. */
const tools = managers.map((manager) => ({
  isInstall: (command: ShellCommand) => hasArgs(command, manager, installs),
  isClean: (command: ShellCommand) => hasArgs(command, manager, cleans) || removesCache(command)
}))

/** dnf's package cache stays in the layer unless the same RUN cleans it after installing. */
export const DL3040 = simpleRule(
  {
    code: 'DL3040',
    severity: 'warning',
    message:
      "Run 'dnf clean all' after dnf install in the same RUN so its cache stays out of the image"
  },
  (instruction) => {
    const commands = commandsOf(instruction)
    if (commands.length === 0) return true
    const cleaned = tools.every(({ isInstall, isClean }) =>
      cleansAfterInstall(commands, isInstall, isClean)
    )
    return (
      cleaned ||
      hasCacheOrTmpfsMountWith(instruction, '/var/cache/libdnf5') ||
      hasCacheOrTmpfsMountWith(instruction, '.cache/libdnf5')
    )
  },
  { onbuild: true }
)
