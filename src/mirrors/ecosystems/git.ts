/**
 * git. Each `prefix: mirror` pair becomes `[url "<mirror>"] insteadOf = <prefix>`, so clones
 * and fetches of https://github.com/… go to the mirror (pushes too, as git applies insteadOf
 * to push URLs unless pushInsteadOf says otherwise). job: the global config — $GIT_CONFIG_GLOBAL
 * when the job sets it, else ~/.gitconfig, which git reads whenever GIT_CONFIG_GLOBAL is unset
 * (next to $XDG_CONFIG_HOME/git/config); merged, so [user], includes and the rest stay.
 * image: /etc/gitconfig.
 *
 * actions/checkout stores its token as http.https://github.com/.extraheader: that header is
 * for github.com and does not follow the rewrite, so the mirror never sees the token — and
 * needs its own credentials. Those come from a credential helper that reads the variables by
 * name when git runs; no secret is written. The CA is GIT_SSL_CAINFO, set centrally.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { addGitConfigValues, type GitConfigValue } from '../formats/gitconfig.js'

export function gitGlobalConfig(target: Target): string {
  if (target.mode === 'image') return '/etc/gitconfig'
  const global = target.env.GIT_CONFIG_GLOBAL
  return global !== undefined && global !== '' ? global : join(target.home, '.gitconfig')
}

export function gitValues(
  rewrites: Record<string, string>,
  credentials?: { username: string; password: string }
): GitConfigValue[] {
  const values: GitConfigValue[] = Object.entries(rewrites).map(([prefix, mirror]) => ({
    section: 'url',
    subsection: mirror,
    key: 'insteadOf',
    value: prefix
  }))
  if (credentials !== undefined) {
    const helper = `!f() { test "$1" = get || return 0; echo "username=\${${credentials.username}}"; echo "password=\${${credentials.password}}"; }; f`
    for (const mirror of new Set(Object.values(rewrites))) {
      const origin = new URL(mirror).origin
      values.push({ section: 'credential', subsection: origin, key: 'helper', value: helper })
    }
  }
  return values
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const rewrites = config.mirrors.git
  if (rewrites === undefined || Object.keys(rewrites).length === 0) return undefined
  const plan = emptyPlan('git')
  const reference = config.credentials.git
  let credentials: { username: string; password: string } | undefined
  if (reference?.username !== undefined && reference.password !== undefined) {
    credentials = { username: reference.username, password: reference.password }
    if (target.mode === 'job') {
      credentialValue(target, 'git', 'username', reference.username)
      plan.secrets.push(credentialValue(target, 'git', 'password', reference.password)!)
    }
    plan.notes.push(
      `git: a credential helper answers for the mirror with $${reference.username} / $${reference.password}: give those variables to the steps that run git`
    )
  }
  const values = gitValues(rewrites, credentials)
  plan.files.push({
    path: gitGlobalConfig(target),
    render: (existing) => addGitConfigValues(existing, values),
    description: target.mode === 'job' ? 'git global config (url.insteadOf)' : 'git system config'
  })
  plan.notes.push(
    "git: actions/checkout's token header is bound to https://github.com/ and is not sent to the mirror; the mirror needs its own access"
  )
  return plan
}

export const gitEcosystem: Ecosystem = { name: 'git', plan }
