import { commandsOf, hasArgs } from '../helpers/commands.js'
import { cleansAfterInstall } from '../helpers/packages-b.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule } from '../rule.js'

const installs = ['install']
const cleans = ['clean', 'all']
const cacheRemovals = ['-rf', '/var/cache/yum/*']
const isInstall = (command: ShellCommand) => hasArgs(command, 'yum', installs)
const isClean = (command: ShellCommand) =>
  hasArgs(command, 'yum', cleans) || hasArgs(command, 'rm', cacheRemovals)

/** yum's package cache stays in the layer unless the same RUN removes it after installing. */
export const DL3032 = simpleRule(
  {
    code: 'DL3032',
    severity: 'warning',
    message:
      "Run 'yum clean all' after yum install in the same RUN so its cache stays out of the image"
  },
  (instruction) => cleansAfterInstall(commandsOf(instruction), isInstall, isClean),
  { onbuild: true }
)
