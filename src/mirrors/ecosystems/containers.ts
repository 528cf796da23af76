/**
 * Podman, Buildah, Skopeo and CRI-O (containers/image): a registries.conf.d drop-in with one
 * [[registry]] per mirrored registry and its mirrors in order. Always a drop-in — a user
 * registries.conf would replace the system file and every system drop-in (short-name aliases
 * vanish). containers/image reads the user drop-in directory ~/.config/containers/registries.conf.d
 * for root too, after the system ones, so a later drop-in wins per prefix. Mirrors are used for
 * pulls only. The company CA goes per mirror host into certs.d, added to the system roots.
 */
import { join } from 'node:path'
import { UserError } from '../../errors.js'
import type { MirrorConfig } from '../config.js'
import { isLoopbackHost } from '../../util/loopback.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'

export const containersDropInName = '50-runnerkit-mirrors.conf'

/** host[:port] of a mirror given as host[:port][/path]. */
export function mirrorHost(mirror: string): string {
  return mirror.replace(/\/.*$/, '')
}

const quote = (text: string) => JSON.stringify(text)

export function renderRegistriesDropIn(registries: Record<string, readonly string[]>): string {
  const lines = [
    '# runnerkit mirror-config: registry mirrors, tried in order before the registry itself.',
    '# containers-registries.conf(5); mirrors serve pulls only. A drop-in on purpose: a user',
    '# registries.conf would replace /etc/containers/registries.conf and its drop-ins.'
  ]
  for (const [registry, mirrors] of Object.entries(registries)) {
    lines.push('', '[[registry]]', `prefix = ${quote(registry)}`, `location = ${quote(registry)}`)
    for (const mirror of mirrors) {
      lines.push('', '[[registry.mirror]]', `location = ${quote(mirror)}`)
      if (isLoopbackHost(mirror)) lines.push('insecure = true')
    }
  }
  return `${lines.join('\n')}\n`
}

/** auth.json with `auths[host].auth` set for each host; other entries and keys kept. */
export function mergeAuthJson(
  existing: string | undefined,
  hosts: readonly string[],
  username: string,
  password: string,
  source = 'auth.json'
): string {
  let config: Record<string, unknown> = {}
  if (existing !== undefined && existing.trim() !== '') {
    try {
      config = JSON.parse(existing) as Record<string, unknown>
    } catch (error) {
      throw new UserError(
        `${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`
      )
    }
    if (typeof config !== 'object' || config === null || Array.isArray(config))
      throw new UserError(`${source}: expected a JSON object`)
  }
  const auths = (config.auths ?? {}) as Record<string, unknown>
  if (typeof auths !== 'object' || Array.isArray(auths))
    throw new UserError(`${source}: "auths" must be an object`)
  const auth = Buffer.from(`${username}:${password}`).toString('base64')
  const next: Record<string, unknown> = { ...auths }
  for (const host of hosts) {
    const entry = next[host]
    next[host] = { ...(typeof entry === 'object' && entry !== null ? entry : {}), auth }
  }
  config.auths = next
  return `${JSON.stringify(config, null, 2)}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const registries = config.mirrors.containers
  if (registries === undefined || Object.keys(registries).length === 0) return undefined
  const result = emptyPlan('containers')
  const base =
    target.mode === 'job' ? join(target.home, '.config', 'containers') : '/etc/containers'
  result.files.push({
    path: join(base, 'registries.conf.d', containersDropInName),
    description: 'containers registries.conf drop-in (mirrors)',
    render: () => renderRegistriesDropIn(registries)
  })
  const hosts = [...new Set(Object.values(registries).flat().map(mirrorHost))]
  const ca = config.ca
  if (ca !== undefined) {
    for (const host of hosts) {
      result.files.push({
        path: join(base, 'certs.d', host, 'ca.crt'),
        description: `company CA for ${host} (containers)`,
        render: () => ca.pem
      })
    }
  }
  const reference = config.credentials.containers
  if (reference !== undefined) {
    const username = credentialValue(target, 'containers', 'username', reference.username)
    const password = credentialValue(target, 'containers', 'password', reference.password)
    if (username !== undefined && password !== undefined) {
      result.secrets.push(password)
      const configHome = target.env.XDG_CONFIG_HOME ?? join(target.home, '.config')
      const path =
        target.mode === 'job'
          ? join(configHome, 'containers', 'auth.json')
          : '/etc/containers/auth.json'
      result.files.push({
        path,
        description: 'containers registry credentials (mirror hosts)',
        secret: true,
        mode: 0o600,
        render: (existing) => mergeAuthJson(existing, hosts, username, password, path)
      })
    }
  }
  result.notes.push(
    'containers (podman, buildah, skopeo): mirrors are used for pulls only; pushes and skopeo inspect go to the registry itself'
  )
  if (target.mode === 'job') {
    result.notes.push(
      'containers: the mirrors are a drop-in in ~/.config/containers/registries.conf.d; never create ~/.config/containers/registries.conf — it replaces /etc/containers/registries.conf and all its drop-ins'
    )
  }
  return result
}

export const containersEcosystem: Ecosystem = { name: 'containers', plan }
