import { commandsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

const distUpgrades = ['dist-upgrade', 'dup']

/**
 * A dist-upgrade moves the whole base image to whatever the repositories hold today: pick a
 * newer base image instead.
 */
export const DL3035 = simpleRule(
  {
    code: 'DL3035',
    severity: 'warning',
    message: 'Do not run zypper dist-upgrade in a build; use a newer base image instead'
  },
  (instruction) =>
    !commandsOf(instruction).some((command) => hasArgs(command, 'zypper', distUpgrades)),
  { onbuild: true }
)
