/** home (image): the user's home directory from passwd exists and belongs to the user. */
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'
import { relative } from './image-check.js'

export const imageHomeCheck: ImageCheck = {
  id: 'home',
  title: 'Home directory',
  check({ image, user }) {
    if (user.uid === undefined || user.home === undefined) return []
    const home = user.home
    const entry = image.entry(relative(home))
    const details = { home, owner: entry?.uid ?? null }
    if (entry === undefined || entry.type !== 'directory') {
      return [
        checkResult(
          'home',
          'Home directory',
          'fail',
          `home ${home} does not exist in the image`,
          `useradd --create-home, or install -d -o ${user.uid} ${home}`,
          details
        )
      ]
    }
    if (entry.uid !== user.uid) {
      return [
        checkResult(
          'home',
          'Home directory',
          'fail',
          `home ${home} belongs to uid ${entry.uid}, not ${user.uid}`,
          `chown ${user.uid}:${user.gid ?? user.uid} ${home} in the Dockerfile`,
          details
        )
      ]
    }
    return [
      checkResult(
        'home',
        'Home directory',
        'pass',
        `home ${home} owned by uid ${user.uid}`,
        undefined,
        details
      )
    ]
  }
}
