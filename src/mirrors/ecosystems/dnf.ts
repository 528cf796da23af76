/**
 * dnf / yum (RHEL, UBI, Fedora), image mode only: dnf needs root. The mirror repositories go into
 * a .repo file of our own; the base's repo files are left alone (their names differ per
 * distribution and subscription-manager regenerates redhat.repo), so the plan says how to use the
 * mirror only. The proxy is set in /etc/dnf/dnf.conf [main], merged into the base's file (edited
 * only when the base has it: writing a fresh one would drop the base's gpgcheck and the like).
 */
import type { DnfRepo, MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { mergeIniSection } from '../formats/ini.js'
import { inNoProxy } from './apt.js'

export const dnfRepoPath = '/etc/yum.repos.d/runnerkit.repo'
export const dnfConfPath = '/etc/dnf/dnf.conf'

export interface DnfRepoOptions {
  credentials?: { username: string; password: string }
  /** Hosts reached without the proxy (their repos get `proxy=`, the documented "no proxy"). */
  noProxy?: readonly string[]
  proxied?: boolean
}

export function renderDnfRepos(repos: readonly DnfRepo[], options: DnfRepoOptions = {}): string {
  const lines = [
    '# runnerkit mirror-config: mirror repositories. The base image’s own .repo files are not',
    '# changed; dnf --disablerepo=* --enablerepo=<these ids> uses the mirror only.'
  ]
  for (const repo of repos) {
    lines.push(
      '',
      `[${repo.id}]`,
      `name=${repo.id} (runnerkit mirror)`,
      `baseurl=${repo.baseurl}`,
      'enabled=1',
      // Without gpgkey, dnf checks against keys already imported (and fails loudly if none is).
      'gpgcheck=1'
    )
    if (repo.gpgkey !== undefined) lines.push(`gpgkey=${repo.gpgkey}`)
    if (
      options.proxied === true &&
      inNoProxy(new URL(repo.baseurl).hostname, options.noProxy ?? [])
    )
      lines.push('proxy=')
    if (options.credentials !== undefined) {
      lines.push(
        `username=${options.credentials.username}`,
        `password=${options.credentials.password}`
      )
    }
  }
  return `${lines.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const repos = config.mirrors.dnf
  if (repos === undefined || repos.length === 0) return undefined
  const result = emptyPlan('dnf')
  if (target.mode === 'job') {
    result.notes.push(
      'dnf needs root: job mode writes nothing for it (configure the image with runnerkit mirrors render)'
    )
    return result
  }
  const proxyUrl = config.proxy?.https ?? config.proxy?.http
  let credentials: DnfRepoOptions['credentials']
  const reference = config.credentials.dnf
  if (reference !== undefined) {
    const username = credentialValue(target, 'dnf', 'username', reference.username)
    const password = credentialValue(target, 'dnf', 'password', reference.password)
    if (username !== undefined && password !== undefined) {
      credentials = { username, password }
      result.secrets.push(password)
    }
  }
  result.files.push({
    path: dnfRepoPath,
    description: 'dnf mirror repositories',
    ...(credentials !== undefined && { secret: true, mode: 0o600 }),
    render: () =>
      renderDnfRepos(repos, {
        ...(credentials !== undefined && { credentials }),
        noProxy: config.proxy?.noProxy ?? [],
        proxied: proxyUrl !== undefined
      })
  })
  if (proxyUrl !== undefined) {
    result.files.push({
      path: dnfConfPath,
      description: 'dnf proxy ([main] proxy=)',
      ifExists: true,
      render: (existing) =>
        mergeIniSection(existing, 'main', { proxy: proxyUrl }, { file: dnfConfPath })
    })
    if (config.proxy?.https !== undefined && config.proxy.http !== undefined) {
      if (config.proxy.https !== config.proxy.http)
        result.notes.push(
          `dnf has one proxy for every scheme: it uses proxy.https (${config.proxy.https})`
        )
    }
  }
  result.notes.push(
    `dnf: the base image's repositories stay enabled next to ${repos.map((repo) => repo.id).join(', ')}; to install from the mirror only, run dnf --disablerepo='*' --enablerepo=${repos.map((repo) => repo.id).join(',')} … (or set enabled=0 in the base's .repo files)`
  )
  return result
}

export const dnfEcosystem: Ecosystem = { name: 'dnf', plan }
