import { commandsOf } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** `cd` lasts only for its RUN; WORKDIR sets the directory for every later instruction too. */
export const DL3003: Rule = simpleRule(
  {
    code: 'DL3003',
    severity: 'warning',
    message: 'Use WORKDIR to change directory instead of cd in RUN'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) if (command.name === 'cd') return false
    return true
  }
)
