import { commandsOf } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

/** sudo needs a TTY and a sudoers setup, and hides who runs what; build steps run as USER. */
export const DL3004: Rule = simpleRule(
  {
    code: 'DL3004',
    severity: 'error',
    message:
      'Do not use sudo in RUN: it behaves unpredictably in builds; switch USER, or use a tool like gosu at run time'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) if (command.name === 'sudo') return false
    return true
  },
  { onbuild: true }
)
