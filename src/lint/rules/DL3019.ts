import { commandsOf, hasArgs, hasFlag } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { simpleRule, type Rule } from '../rule.js'

/**
 * Without `--no-cache`, apk keeps its index in /var/cache/apk and it ends up in the layer. A
 * BuildKit cache or tmpfs mount on that directory keeps it out as well.
 */
export const DL3019: Rule = simpleRule(
  {
    code: 'DL3019',
    severity: 'info',
    message:
      'Use apk add --no-cache so the package index is neither fetched with --update nor left in /var/cache/apk'
  },
  (instruction) => {
    for (const command of commandsOf(instruction))
      if (
        command.name === 'apk' &&
        hasArgs(command, 'apk', ['add']) &&
        !hasFlag(command, 'no-cache')
      )
        return hasCacheOrTmpfsMountWith(instruction, '/var/cache/apk')
    return true
  },
  { onbuild: true }
)
