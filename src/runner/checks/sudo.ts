/**
 * sudo: `sudo -n true` tells four states apart (verified on Debian 12): 127 not installed;
 * 1 + "password is required": no grant; 1 + "no new privileges": a grant that
 * allowPrivilegeEscalation: false blocks today but that a different pod spec would open; 0 works.
 */
import type { CheckResult, LiveCheck } from './check.js'

export type SudoState = 'absent' | 'no-grant' | 'blocked-by-no-new-privs' | 'works' | 'unknown'

export function classifySudo(result: { code: number; stderr: string }): SudoState {
  if (result.code === 127) return 'absent'
  if (result.code === 0) return 'works'
  if (/no new privileges/i.test(result.stderr)) return 'blocked-by-no-new-privs'
  if (
    /password is required|not in the sudoers|may not run sudo|not allowed to/i.test(result.stderr)
  )
    return 'no-grant'
  return 'unknown'
}

export const sudoCheck: LiveCheck = {
  id: 'sudo',
  title: 'sudo',
  async check(context) {
    const probe = await context.run('sudo', ['-n', 'true'])
    const state = classifySudo(probe)
    const expected = context.expected.sudo
    const result = (status: CheckResult['status'], reason: string, fix?: string): CheckResult => ({
      id: 'sudo',
      title: 'sudo',
      status,
      reason,
      ...(fix !== undefined && { fix }),
      details: { state, exitCode: probe.code, expected }
    })
    const removeSudo = 'remove sudo from the image (apt-get purge sudo) and its sudoers grants'
    switch (state) {
      case 'works':
        return [result('fail', '`sudo -n true` succeeded: the job can become root', removeSudo)]
      case 'blocked-by-no-new-privs':
        return [
          result(
            expected === 'any' ? 'pass' : 'warn',
            'sudoers grants the user root, blocked today only by no_new_privs (allowPrivilegeEscalation: false)',
            removeSudo
          )
        ]
      case 'no-grant':
        return [
          result(
            expected === 'absent' ? 'warn' : 'pass',
            'sudo is installed but grants nothing to this user',
            expected === 'absent' ? removeSudo : undefined
          )
        ]
      case 'absent':
        return [result('pass', 'sudo is not installed')]
      default:
        return [
          result(
            'warn',
            `sudo -n true exited ${probe.code}: ${probe.stderr.trim().split('\n')[0] ?? ''}`,
            'run sudo -n true in the runner to see why'
          )
        ]
    }
  }
}
