import { commandsOf, flagsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule, type Rule } from '../rule.js'

const yesFlags = new Set(['y', 'yes', 'assume-yes', 'qq'])

/** Whether apt-get answers its own prompts: `-y`, or quiet level 2 (`-qq`, `-q=2`), implies it. */
function answersYes(args: readonly string[], flags: readonly string[]): boolean {
  return (
    flags.some((flag) => yesFlags.has(flag)) ||
    flags.filter((flag) => flag === 'q').length >= 2 ||
    flags.filter((flag) => flag === 'quiet').length >= 2 ||
    args.includes('-q=2') ||
    args.includes('--quiet=2')
  )
}

/** Without `-y`, apt-get stops at its confirmation prompt, and a build has no one to answer it. */
export const DL3014: Rule = simpleRule(
  {
    code: 'DL3014',
    severity: 'warning',
    message:
      'Pass -y to apt-get install (apt-get install -y <package>) so it does not wait for input'
  },
  (instruction) => {
    for (const command of commandsOf(instruction))
      if (
        command.name === 'apt-get' &&
        hasArgs(command, 'apt-get', ['install']) &&
        !answersYes(command.args, flagsOf(command))
      )
        return false
    return true
  },
  { onbuild: true }
)
