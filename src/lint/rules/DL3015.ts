import { commandsOf, hasArgs, hasFlag } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** Recommended packages are not needed to run the software and make the image bigger. */
export const DL3015: Rule = simpleRule(
  {
    code: 'DL3015',
    severity: 'info',
    message:
      'Add --no-install-recommends to apt-get install so only the packages you asked for are installed'
  },
  (instruction) => {
    for (const command of commandsOf(instruction))
      if (
        command.name === 'apt-get' &&
        hasArgs(command, 'apt-get', ['install']) &&
        !hasFlag(command, 'no-install-recommends') &&
        !command.args.includes('APT::Install-Recommends=false')
      )
        return false
    return true
  },
  { onbuild: true }
)
