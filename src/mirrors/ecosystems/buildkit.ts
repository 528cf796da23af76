/**
 * BuildKit: `[registry."<registry>"] mirrors = [...]` for every mirrored registry (unlike dockerd,
 * BuildKit mirrors any registry), the company CA per mirror (added to the system roots), and
 * `http = true` for loopback test mirrors. Merged into an existing buildkitd.toml: other tables
 * and keys are kept (comments are not — the file is rewritten from its parsed form).
 * job mode: buildx's default config for new builders, $BUILDX_CONFIG/buildkitd.default.toml, else
 * $DOCKER_CONFIG/buildx/buildkitd.default.toml, else ~/.docker/buildx/buildkitd.default.toml.
 * image mode: /etc/buildkit/buildkitd.toml (rootful buildkitd in the image).
 */
import { join } from 'node:path'
import { parse, stringify } from 'smol-toml'
import { UserError } from '../../errors.js'
import type { MirrorConfig } from '../config.js'
import { caPaths } from '../ca.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { isLoopbackHost } from '../../util/loopback.js'
import { mirrorHost } from './containers.js'

export interface BuildkitSettings {
  registries: Record<string, readonly string[]>
  /** CA file path inside the builder's view (the company CA alone; BuildKit appends it). */
  caFile?: string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function mergeBuildkitdToml(
  existing: string | undefined,
  settings: BuildkitSettings,
  source = 'buildkitd.toml'
): string {
  let config: Record<string, unknown> = {}
  if (existing !== undefined && existing.trim() !== '') {
    try {
      config = parse(existing)
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      throw new UserError(`${source}: not valid TOML (${reason}); fix it or start without it`)
    }
  }
  const current = config.registry ?? {}
  if (!isRecord(current)) throw new UserError(`${source}: "registry" must be a table`)
  const registry: Record<string, unknown> = { ...current }
  const table = (name: string): Record<string, unknown> => {
    const value = registry[name] ?? {}
    if (!isRecord(value)) throw new UserError(`${source}: registry."${name}" must be a table`)
    const copy = { ...value }
    registry[name] = copy
    return copy
  }
  for (const [name, mirrors] of Object.entries(settings.registries)) {
    table(name).mirrors = [...mirrors]
    for (const mirror of mirrors) {
      const host = mirrorHost(mirror)
      if (isLoopbackHost(host)) table(host).http = true
      else if (settings.caFile !== undefined) {
        const entry = table(host)
        const list = Array.isArray(entry.ca) ? (entry.ca as unknown[]) : []
        entry.ca = list.includes(settings.caFile) ? list : [...list, settings.caFile]
      }
    }
  }
  config.registry = registry
  return `${stringify(config).trim()}\n`
}

/** Where buildx looks for the default buildkitd config of new builders (job mode). */
export function buildxDefaultConfigPath(target: Pick<Target, 'home' | 'env'>): string {
  const { BUILDX_CONFIG: buildx, DOCKER_CONFIG: docker } = target.env
  if (buildx !== undefined && buildx !== '') return join(buildx, 'buildkitd.default.toml')
  if (docker !== undefined && docker !== '') return join(docker, 'buildx', 'buildkitd.default.toml')
  return join(target.home, '.docker', 'buildx', 'buildkitd.default.toml')
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const registries = config.mirrors.containers
  if (registries === undefined || Object.keys(registries).length === 0) return undefined
  const result = emptyPlan('buildkit')
  const path =
    target.mode === 'job' ? buildxDefaultConfigPath(target) : '/etc/buildkit/buildkitd.toml'
  const settings: BuildkitSettings = {
    registries,
    ...(config.ca !== undefined && { caFile: caPaths(target).ca })
  }
  result.files.push({
    path,
    description:
      target.mode === 'job' ? 'buildx default buildkitd config' : 'buildkitd.toml (merged)',
    render: (existing) => mergeBuildkitdToml(existing, settings, path)
  })
  result.notes.push(
    target.mode === 'job'
      ? 'BuildKit: the mirrors apply to buildx builders created after this step without their own --buildkitd-config (docker/setup-buildx-action without buildkitd-config); the docker driver uses dockerd’s registry-mirrors instead'
      : 'BuildKit: /etc/buildkit/buildkitd.toml is read by a rootful buildkitd in this image; buildx builders read ~/.docker/buildx/buildkitd.default.toml (job mode writes it)'
  )
  if (config.proxy !== undefined) {
    result.notes.push(
      'BuildKit has no proxy setting in buildkitd.toml: buildx passes the client’s proxy variables to new docker-container builders (or give driver-opts env.http_proxy=…)'
    )
  }
  return result
}

export const buildkitEcosystem: Ecosystem = { name: 'buildkit', plan }
