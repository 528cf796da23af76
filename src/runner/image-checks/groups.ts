/** groups (image): the resolved user is in no privileged group of the final /etc/group. */
import { privilegedGroupsFor } from '../checks/groups.js'
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'

export const imageGroupsCheck: ImageCheck = {
  id: 'groups',
  title: 'Privileged groups',
  check({ expected, user }) {
    if (user.uid === undefined) return []
    const privileged = privilegedGroupsFor(expected)
    const names = user.groups.map((group) => group.name)
    const found = user.groups
      .filter((group) => privileged.includes(group.name) || group.gid === 0)
      .map((group) => group.name)
    const details = { groups: names, privileged }
    if (found.length > 0) {
      return [
        checkResult(
          'groups',
          'Privileged groups',
          'fail',
          `${user.name ?? user.uid} is in privileged group${found.length > 1 ? 's' : ''} ${found.join(', ')}`,
          `remove the membership in the Dockerfile (gpasswd -d ${user.name ?? 'USER'} ${found[0]})`,
          details
        )
      ]
    }
    return [
      checkResult(
        'groups',
        'Privileged groups',
        'pass',
        `groups: ${names.join(', ') || '(none)'}`,
        undefined,
        details
      )
    ]
  }
}
