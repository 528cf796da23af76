/**
 * Go modules. GOPROXY is `<mirror>,off`: every public module comes from the mirror, and a module
 * the mirror lacks fails at once instead of falling through to a direct VCS fetch that the
 * network would block anyway (or that would silently bypass the mirror where it does not).
 * Private prefixes (go-private) become GOPRIVATE and GONOSUMDB, which the go command fetches
 * directly — GOPRIVATE implies GONOPROXY, so `,off` does not stop them. GOSUMDB stays
 * sum.golang.org: the go command asks the mirror first (<GOPROXY>/sumdb/sum.golang.org/…) and
 * only goes to sum.golang.org itself when the mirror does not proxy it.
 *
 * job: the variables for later steps, and the same in the go env file (`go env -w` format, read
 * by go commands that do not inherit the job's environment). image: ENV lines; Go ≥ 1.21 also
 * reads $GOROOT/go.env, but GOROOT moves with every toolchain setup-go installs, so ENV it is.
 * Credentials: Go reads ~/.netrc for the proxy host (the only place it takes them from before
 * GOAUTH in 1.24), so that file holds them literally — 0600, job mode only.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import { mergeNetrc } from '../formats/netrc.js'
import type { Ecosystem, FileEdit, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'

/** Where `go env -w` writes: $GOENV, else $XDG_CONFIG_HOME/go/env, else ~/.config/go/env. */
export function goEnvFile(target: Target): string {
  const env = target.env
  if (env.GOENV !== undefined && env.GOENV !== '' && env.GOENV !== 'off') return env.GOENV
  const config =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== ''
      ? env.XDG_CONFIG_HOME
      : join(target.home, '.config')
  return join(config, 'go', 'env')
}

/** Sets KEY=value lines in a go env file; other lines are kept. */
export function mergeGoEnv(existing: string | undefined, values: Array<[string, string]>): string {
  const lines = (existing ?? '').split('\n').filter((line, index, all) => {
    return !(line === '' && index === all.length - 1)
  })
  for (const [key, value] of values) {
    const at = lines.findIndex((line) => line.startsWith(`${key}=`))
    if (at === -1) lines.push(`${key}=${value}`)
    else lines[at] = `${key}=${value}`
  }
  return `${lines.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const mirror = config.mirrors.go
  const privates = config.mirrors.goPrivate ?? []
  if (mirror === undefined && privates.length === 0) return undefined
  const plan = emptyPlan('go')
  const values: Array<[string, string]> = []
  if (mirror !== undefined) values.push(['GOPROXY', `${mirror.replace(/\/+$/, '')},off`])
  if (privates.length > 0) {
    values.push(['GOPRIVATE', privates.join(',')], ['GONOSUMDB', privates.join(',')])
  }
  plan.env.push(...values)
  if (target.mode === 'job') {
    plan.files.push({
      path: goEnvFile(target),
      render: (existing) => mergeGoEnv(existing, values),
      description: 'go env file (go env -w)'
    })
  } else {
    plan.notes.push(
      'go: the settings are ENV lines in the image, not $GOROOT/go.env, because setup-go installs toolchains with their own GOROOT'
    )
  }
  const credentials = config.credentials.go
  if (mirror !== undefined && credentials?.username !== undefined) {
    if (target.mode === 'image') {
      plan.notes.push(
        'credentials.go: Go reads mirror credentials only from ~/.netrc, which would bake them into the image; they are left out — supply a netrc as a build secret or in job mode'
      )
    } else {
      const username = credentialValue(target, 'go', 'username', credentials.username)!
      const password = credentialValue(target, 'go', 'password', credentials.password)!
      plan.secrets.push(password)
      const host = new URL(mirror).hostname
      const edit: FileEdit = {
        path: join(target.home, '.netrc'),
        render: (existing) => mergeNetrc(existing, host, username, password),
        secret: true,
        description: 'netrc (Go module mirror credentials)'
      }
      plan.files.push(edit)
    }
  }
  if (mirror !== undefined) {
    plan.notes.push(
      'go: GOPROXY ends in ",off": a module the mirror does not have fails instead of being fetched from its VCS; GOSUMDB stays sum.golang.org (fetched through the mirror when it proxies the checksum database)'
    )
  }
  return plan
}

export const goEcosystem: Ecosystem = { name: 'go', plan }
