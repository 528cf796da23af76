/** home: HOME exists, belongs to the user, is writable, and is the home passwd names. */
import { parsePasswd } from '../accounts.js'
import type { CheckResult, LiveCheck } from './check.js'

export const homeCheck: LiveCheck = {
  id: 'home',
  title: 'Home directory',
  async check(context) {
    const home = context.env.HOME ?? ''
    const passwdHome = parsePasswd((await context.readFile('/etc/passwd')) ?? '').find(
      (entry) => entry.uid === context.uid
    )?.home
    const result = (status: CheckResult['status'], reason: string, fix?: string): CheckResult => ({
      id: 'home',
      title: 'Home directory',
      status,
      reason,
      ...(fix !== undefined && { fix }),
      details: { home, passwdHome: passwdHome ?? null }
    })
    if (home === '')
      return [result('fail', 'HOME is not set', "set HOME to the user's home directory")]
    const stat = await context.stat(home)
    if (stat === undefined || !stat.isDirectory) {
      return [
        result(
          'fail',
          `HOME ${home} does not exist`,
          `create it in the image: install -d -o ${context.uid} ${home}`
        )
      ]
    }
    if (stat.uid !== context.uid) {
      return [
        result(
          'fail',
          `HOME ${home} belongs to uid ${stat.uid}, not ${context.uid}`,
          `chown ${context.uid}:${context.gid} ${home} in the image`
        )
      ]
    }
    if (!(await context.writable(home))) {
      return [result('fail', `HOME ${home} is not writable`, `chmod u+w ${home}`)]
    }
    const results: CheckResult[] = []
    if (passwdHome !== undefined && passwdHome !== home) {
      results.push(
        result(
          'warn',
          `HOME is ${home} but /etc/passwd says ${passwdHome}: tools that read passwd (ssh, git) look elsewhere`,
          `make them agree: usermod -d ${home} or set HOME=${passwdHome}`
        )
      )
    }
    if ((stat.mode & 0o002) !== 0) {
      results.push(result('warn', `HOME ${home} is world-writable`, `chmod o-w ${home}`))
    }
    return results.length > 0 ? results : [result('pass', `HOME ${home}, owned and writable`)]
  }
}
