import { commandsOf, hasArgs, hasFlag } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

const installs = ['install', 'groupinstall', 'localinstall']

/** Without -y, yum stops to ask for a confirmation that nobody can give during a build. */
export const DL3030 = simpleRule(
  {
    code: 'DL3030',
    severity: 'warning',
    message: 'Add -y to yum install (yum install -y <package>) so the build never waits for input'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) => !hasArgs(command, 'yum', installs) || hasFlag(command, 'y', 'assumeyes')
    ),
  { onbuild: true }
)
