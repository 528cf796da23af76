import { commandsOf } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** apt's command line is meant for people and may change between releases; scripts need apt-get. */
export const DL3027: Rule = simpleRule(
  {
    code: 'DL3027',
    severity: 'warning',
    message:
      'Use apt-get or apt-cache instead of apt, whose interface is meant for interactive use and is not stable'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) if (command.name === 'apt') return false
    return true
  },
  { onbuild: true }
)
