import { commandsOf, hasArgs, hasFlag } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

const asking = ['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']

/** zypper asks for confirmation unless told not to, and a build has nobody to answer it. */
export const DL3034 = simpleRule(
  {
    code: 'DL3034',
    severity: 'warning',
    message:
      'Make zypper non-interactive (zypper install -y <package>, or -n) so the build never waits for input'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) =>
        !hasArgs(command, 'zypper', asking) ||
        hasFlag(command, 'n', 'non-interactive', 'no-confirm', 'y')
    ),
  { onbuild: true }
)
