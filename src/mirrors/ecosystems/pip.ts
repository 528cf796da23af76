/**
 * pip: `[global] index-url` (and `cert`, the trust bundle, when a CA is configured) in pip.conf —
 * job mode the user file (~/.config/pip/pip.conf, or under XDG_CONFIG_HOME when the job sets
 * it), image mode /etc/pip.conf, which pip reads after /etc/xdg/pip/pip.conf so it wins over it
 * (mirrors.md §1, verified with `pip config debug`).
 *
 * No PIP_INDEX_URL: the environment beats every pip.conf, including a virtualenv's own, and the
 * user file is read by every pip of the user already (setup-python does not touch pip's config).
 * The file also reaches processes that do not inherit the job's environment.
 *
 * Credentials go to ~/.netrc (0600), which pip and requests read for the index host, so the
 * index URL in pip.conf never holds them; in image mode the netrc edit is marked secret, which
 * the image renderer refuses (a credential baked into a layer is readable by anyone who pulls
 * it). uv reads the same ~/.netrc.
 */
import { isAbsolute, join } from 'node:path'
import { UserError } from '../../errors.js'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { mergeNetrc } from '../formats/netrc.js'
import { isLoopbackHost } from '../../util/loopback.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { mergeIniSection, pipKey, type IniValue } from '../formats/ini.js'

/** The user's config folder: XDG_CONFIG_HOME when the job sets it (absolute), else ~/.config. */
export function userConfigHome(target: Target): string {
  const xdg = target.mode === 'job' ? target.env.XDG_CONFIG_HOME : undefined
  return xdg !== undefined && isAbsolute(xdg) ? xdg : join(target.home, '.config')
}

export function pipConfPath(target: Target): string {
  return target.mode === 'job' ? join(userConfigHome(target), 'pip', 'pip.conf') : '/etc/pip.conf'
}

export const pipEcosystem: Ecosystem = {
  name: 'pip',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const index = config.mirrors.pypi
    if (index === undefined) return undefined
    const plan = emptyPlan('pip')
    const url = new URL(index)
    const path = pipConfPath(target)
    const values: Record<string, IniValue> = { 'index-url': index }
    if (target.caBundle !== undefined) values.cert = target.caBundle
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
      // pip ignores a plain-http index unless its host is trusted; for https hosts trusted-host
      // would switch certificate checks off, so it is never set for them.
      values['trusted-host'] = { add: [url.host] }
      plan.notes.push(
        `mirrors.pypi is plain http: pip uses it only because trusted-host lists ${url.host}; packages travel unencrypted`
      )
    }
    plan.files.push({
      path,
      description: target.mode === 'job' ? 'pip user config' : 'pip system config',
      render: (existing) =>
        mergeIniSection(existing, 'global', values, { normalizeKey: pipKey, file: path })
    })
    plan.notes.push(
      `pip: ${path} sets the index; PIP_INDEX_URL, --index-url (command line or requirements file) and a virtualenv's pip.conf still win, and extra-index-url entries are still asked`
    )
    const ref = config.credentials.pypi
    if (ref?.username !== undefined) {
      const netrc = join(target.home, '.netrc')
      if (target.mode === 'image') {
        plan.files.push({
          path: netrc,
          secret: true,
          mode: 0o600,
          description: 'netrc credentials for the PyPI mirror',
          render: () => {
            throw new UserError(
              'credentials.pypi: image mode would bake the credential into a layer; pass it at build time as a build secret'
            )
          }
        })
      } else {
        const login = credentialValue(target, 'pypi', 'username', ref.username)!
        const password = credentialValue(target, 'pypi', 'password', ref.password)!
        for (const [part, value] of [
          ['username', login],
          ['password', password]
        ] as const) {
          if (/[\s"\\]/.test(value)) {
            throw new UserError(
              `credentials.pypi.${part}: the value holds whitespace, a quote or a backslash, which .netrc cannot carry for every pip; use a token without them`
            )
          }
        }
        plan.secrets.push(password)
        plan.files.push({
          path: netrc,
          secret: true,
          mode: 0o600,
          description: 'netrc credentials for the PyPI mirror (pip, uv)',
          render: (existing) => mergeNetrc(existing, url.hostname, login, password)
        })
      }
    }
    return plan
  }
}
