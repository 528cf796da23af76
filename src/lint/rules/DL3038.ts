import { commandsOf, hasArgs, hasFlag } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

const managers = ['dnf', 'microdnf']
const installs = ['install', 'groupinstall', 'localinstall']

/** Without -y, dnf stops to ask for a confirmation that nobody can give during a build. */
export const DL3038 = simpleRule(
  {
    code: 'DL3038',
    severity: 'warning',
    message: 'Add -y to dnf install (dnf install -y <package>) so the build never waits for input'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) => !hasArgs(command, managers, installs) || hasFlag(command, 'y', 'assumeyes')
    ),
  { onbuild: true }
)
