import { commandsOf, hasArgs } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { cleansAfterInstall } from '../helpers/packages-b.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule } from '../rule.js'

const installs = ['install', 'in']
const cleans = ['clean', 'cc']
const isInstall = (command: ShellCommand) => hasArgs(command, 'zypper', installs)
const isClean = (command: ShellCommand) => hasArgs(command, 'zypper', cleans)

/** zypper's package cache stays in the layer unless the same RUN cleans it after installing. */
export const DL3036 = simpleRule(
  {
    code: 'DL3036',
    severity: 'warning',
    message:
      "Run 'zypper clean' after zypper install in the same RUN so its cache stays out of the image"
  },
  (instruction) =>
    cleansAfterInstall(commandsOf(instruction), isInstall, isClean) ||
    hasCacheOrTmpfsMountWith(instruction, '/var/cache/zypp'),
  { onbuild: true }
)
