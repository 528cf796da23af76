/** identity: the job runs as the expected user and UID, and not as root. */
import { parsePasswd } from '../accounts.js'
import type { CheckResult, LiveCheck } from './check.js'

export const identityCheck: LiveCheck = {
  id: 'identity',
  title: 'User and UID',
  async check(context) {
    const { expected } = context
    const passwd = parsePasswd((await context.readFile('/etc/passwd')) ?? '')
    const name = passwd.find((entry) => entry.uid === context.uid)?.name
    const shown = `${name ?? '(no passwd entry)'} (uid ${context.uid})`
    const result = (status: CheckResult['status'], reason: string, fix?: string): CheckResult => ({
      id: 'identity',
      title: 'User and UID',
      status,
      reason,
      ...(fix !== undefined && { fix }),
      details: { uid: context.uid, euid: context.euid, gid: context.gid, user: name ?? null }
    })
    if (context.euid === 0 || context.uid === 0) {
      return [
        result(
          'fail',
          `running as root (uid ${context.uid}, effective uid ${context.euid})`,
          `run the runner as ${expected.user} (USER ${expected.uid} in the image, runAsUser: ${expected.uid} in the pod)`
        )
      ]
    }
    if (name === undefined) {
      return [
        result(
          'fail',
          `uid ${context.uid} has no /etc/passwd entry: HOME, ssh and git misbehave`,
          `add ${expected.user} with uid ${expected.uid} to the image (useradd --uid ${expected.uid} ${expected.user})`
        )
      ]
    }
    if (context.uid !== expected.uid || name !== expected.user) {
      return [
        result(
          'fail',
          `running as ${shown}, expected ${expected.user} (uid ${expected.uid})`,
          `create the user as ${expected.user} with uid ${expected.uid}, or set expected-user/expected-uid to what you run`
        )
      ]
    }
    return [result('pass', `running as ${shown}`)]
  }
}
