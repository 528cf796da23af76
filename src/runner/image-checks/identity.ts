/** identity (image): config.User resolves to the expected user and UID, and is not root. */
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'

export const imageIdentityCheck: ImageCheck = {
  id: 'identity',
  title: 'User and UID',
  check({ image, expected, user }) {
    const spec = image.config.User ?? ''
    const details = { configUser: spec, uid: user.uid ?? null, name: user.name ?? null }
    const result = (status: 'pass' | 'warn' | 'fail', reason: string, fix?: string) =>
      checkResult('identity', 'User and UID', status, reason, fix, details)
    const fixUser = `end the Dockerfile with USER ${expected.uid} (numeric, so runAsNonRoot can verify it), the uid of ${expected.user}`
    if (user.problem !== undefined)
      return [
        result(
          'fail',
          `USER ${spec}: ${user.problem}`,
          `create it (useradd --uid ${expected.uid} ${expected.user}) before USER`
        )
      ]
    if (spec.trim() === '' || user.uid === 0) {
      return [
        result(
          'fail',
          spec.trim() === '' ? 'no USER: the image runs as root' : `USER ${spec} is root (uid 0)`,
          fixUser
        )
      ]
    }
    if (user.uid !== expected.uid) {
      return [result('fail', `USER ${spec} is uid ${user.uid}, expected ${expected.uid}`, fixUser)]
    }
    if (user.name !== undefined && user.name !== expected.user) {
      return [
        result(
          'fail',
          `uid ${user.uid} is ${user.name} in /etc/passwd, expected ${expected.user}`,
          `rename the user: usermod -l ${expected.user} ${user.name}`
        )
      ]
    }
    if (user.name === undefined) {
      return [
        result(
          'fail',
          `USER ${spec} has no /etc/passwd entry: HOME, ssh and git misbehave`,
          `useradd --uid ${expected.uid} ${expected.user}`
        )
      ]
    }
    if (!/^\d+(?::\d+)?$/.test(spec.trim())) {
      return [
        result(
          'warn',
          `USER ${spec} is a name: a pod with runAsNonRoot cannot verify it ("image has non-numeric user") unless runAsUser is set`,
          `USER ${user.uid}`
        )
      ]
    }
    return [result('pass', `USER ${spec} → ${user.name} (uid ${user.uid})`)]
  }
}
