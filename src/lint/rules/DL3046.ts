import { commandsOf, hasFlag, isFlag } from '../helpers/commands.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule } from '../rule.js'

/** The UIDs given with `-u <uid>`, `-ou <uid>`, `--uid <uid>` or `--uid=<uid>`. */
function uidsOf(command: ShellCommand): string[] {
  const uids: string[] = []
  command.args.forEach((arg, index) => {
    if (arg.startsWith('--uid=')) uids.push(arg.slice(6))
    else if (arg === '--uid' || (isFlag(arg) && !arg.startsWith('--') && arg.includes('u')))
      uids.push(command.args[index + 1] ?? '')
  })
  return uids
}

/**
 * useradd records every user in /var/log/lastlog and faillog, sparse files sized by the UID:
 * a large UID makes them gigabytes in the layer unless -l (--no-log-init) skips them.
 */
export const DL3046 = simpleRule(
  {
    code: 'DL3046',
    severity: 'warning',
    message:
      'Add -l (--no-log-init) to useradd with a high UID, or the log files it creates bloat the image'
  },
  (instruction) =>
    commandsOf(instruction).every(
      (command) =>
        command.name !== 'useradd' ||
        hasFlag(command, 'l', 'no-log-init') ||
        uidsOf(command).every((uid) => uid.length <= 5)
    ),
  { onbuild: true }
)
