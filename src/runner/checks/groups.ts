/**
 * groups: the user is in no privileged group. sudo, wheel and admin grant root through sudoers
 * or PAM; disk and shadow read what root reads; docker is root on whatever daemon owns the
 * socket, so it counts too when the engine is meant to be rootless.
 */
import { parseGroup } from '../accounts.js'
import type { LiveCheck } from './check.js'

export function privilegedGroupsFor(expected: {
  privilegedGroups: string[]
  rootless: boolean
}): string[] {
  return expected.rootless && !expected.privilegedGroups.includes('docker')
    ? [...expected.privilegedGroups, 'docker']
    : expected.privilegedGroups
}

export const groupsCheck: LiveCheck = {
  id: 'groups',
  title: 'Privileged groups',
  async check(context) {
    const groups = parseGroup((await context.readFile('/etc/group')) ?? '')
    const gids = [...new Set([context.gid, ...context.groups])]
    const names = gids.map((gid) => groups.find((group) => group.gid === gid)?.name ?? String(gid))
    const privileged = privilegedGroupsFor(context.expected)
    const found = names.filter((name, index) => privileged.includes(name) || gids[index] === 0)
    const details = { groups: names, privileged }
    if (found.length > 0) {
      return [
        {
          id: 'groups',
          title: 'Privileged groups',
          status: 'fail',
          reason: `member of privileged group${found.length > 1 ? 's' : ''} ${found.join(', ')}`,
          fix: `remove the user from ${found.join(', ')} in the image (gpasswd -d USER GROUP), or change the privileged-groups list if this is intended`,
          details
        }
      ]
    }
    return [
      {
        id: 'groups',
        title: 'Privileged groups',
        status: 'pass',
        reason: `groups: ${names.join(', ')}`,
        details
      }
    ]
  }
}
