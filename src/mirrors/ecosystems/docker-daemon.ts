/**
 * Docker Engine: daemon.json, merged (every key we do not set is kept — mtu, storage-driver, …).
 * `registry-mirrors` mirrors Docker Hub only, and dockerd pulls from a mirror anonymously, so
 * only mirrors.containers["docker.io"] goes in; `proxies` (Engine ≥ 23) carries the proxy.
 * image mode: /etc/docker/daemon.json. job mode: rootless dockerd's ~/.config/docker/daemon.json
 * (a rootful dockerd's file is the host's, out of a job's reach).
 */
import { join } from 'node:path'
import { UserError } from '../../errors.js'
import type { MirrorConfig, ProxyConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { isLoopbackHost } from '../../util/loopback.js'

export interface DaemonJsonSettings {
  registryMirrors?: readonly string[]
  proxy?: ProxyConfig
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A mirror host[:port][/path] as dockerd wants it: a URL (http:// for loopback test mirrors). */
export function dockerMirrorUrl(mirror: string): string {
  return `${isLoopbackHost(mirror) ? 'http' : 'https'}://${mirror}`
}

export function mergeDaemonJson(
  existing: string | undefined,
  settings: DaemonJsonSettings,
  source = 'daemon.json'
): string {
  let config: Record<string, unknown> = {}
  if (existing !== undefined && existing.trim() !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(existing)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new UserError(`${source}: not valid JSON (${reason}); fix it or start without it`)
    }
    if (!isRecord(parsed)) throw new UserError(`${source}: expected a JSON object`)
    config = parsed
  }
  if (settings.registryMirrors !== undefined && settings.registryMirrors.length > 0)
    config['registry-mirrors'] = [...settings.registryMirrors]
  const proxy = settings.proxy
  if (proxy !== undefined) {
    const current = config.proxies
    if (current !== undefined && !isRecord(current))
      throw new UserError(`${source}: "proxies" must be an object`)
    config.proxies = {
      ...current,
      ...(proxy.http !== undefined && { 'http-proxy': proxy.http }),
      ...(proxy.https !== undefined && { 'https-proxy': proxy.https }),
      ...(proxy.noProxy.length > 0 && { 'no-proxy': proxy.noProxy.join(',') })
    }
  }
  return `${JSON.stringify(config, null, 2)}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const registries = config.mirrors.containers ?? {}
  const hub = registries['docker.io'] ?? []
  const proxy =
    config.proxy !== undefined && (config.proxy.http ?? config.proxy.https) !== undefined
      ? config.proxy
      : undefined
  const others = Object.keys(registries).filter((registry) => registry !== 'docker.io')
  if (hub.length === 0 && proxy === undefined && others.length === 0) return undefined
  const result = emptyPlan('docker-daemon')
  if (others.length > 0) {
    result.notes.push(
      `dockerd's registry-mirrors mirrors Docker Hub only: ${others.join(', ')} are not mirrored for docker pull (BuildKit, containerd and podman mirror any registry)`
    )
  }
  if (hub.length === 0 && proxy === undefined) return result
  const path =
    target.mode === 'job'
      ? join(target.env.XDG_CONFIG_HOME ?? join(target.home, '.config'), 'docker', 'daemon.json')
      : '/etc/docker/daemon.json'
  const settings: DaemonJsonSettings = {
    ...(hub.length > 0 && { registryMirrors: hub.map(dockerMirrorUrl) }),
    ...(proxy !== undefined && { proxy })
  }
  result.files.push({
    path,
    description:
      target.mode === 'job' ? 'rootless dockerd daemon.json' : 'dockerd daemon.json (merged)',
    render: (existing) => mergeDaemonJson(existing, settings, path)
  })
  if (hub.length > 0) {
    result.notes.push(
      'dockerd pulls from registry-mirrors anonymously (credentials and client certificates are ignored for mirrors): the Docker Hub cache must be readable without login'
    )
  }
  if (proxy !== undefined)
    result.notes.push('daemon.json "proxies" needs Docker Engine 23.0 or later')
  result.notes.push(
    target.mode === 'job'
      ? 'daemon.json under ~/.config/docker applies to rootless dockerd only, after a restart (systemctl --user restart docker); a rootful dockerd keeps the host configuration'
      : 'dockerd reads daemon.json at start: the image must start dockerd after this file is in place'
  )
  return result
}

export const dockerDaemonEcosystem: Ecosystem = { name: 'docker-daemon', plan }
