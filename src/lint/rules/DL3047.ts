import { commandsOf, hasFlag } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

/** Options that replace or silence wget's default progress output. */
const quietFlags = [
  'progress',
  'q',
  'quiet',
  'o',
  'output-file',
  'a',
  'append-output',
  'no-verbose'
]

/** wget's default progress bar writes thousands of lines into the build log. */
export const DL3047 = simpleRule(
  {
    code: 'DL3047',
    severity: 'info',
    message: 'Give wget --progress=dot:giga, -q or -nv, or its progress bar floods the build log'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) =>
        command.name !== 'wget' || hasFlag(command, ...quietFlags) || command.args.includes('-nv')
    ),
  { onbuild: true }
)
