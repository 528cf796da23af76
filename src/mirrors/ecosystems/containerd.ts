/**
 * containerd (Kubernetes nodes, nerdctl), image mode only: one hosts.toml per mirrored registry
 * under /etc/containerd/certs.d/<registry>/, with the registry as `server` and each mirror as a
 * `[host."…"]` for pull and resolve, tried in order. The file is ours whole (a base's hosts.toml
 * for the same registry is replaced). containerd reads these only when its CRI registry
 * config_path points at /etc/containerd/certs.d (2.x default; 1.x needs it set).
 */
import type { MirrorConfig } from '../config.js'
import { caPaths } from '../ca.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { isLoopbackHost } from '../../util/loopback.js'

export const containerdCertsDir = '/etc/containerd/certs.d'

/** The upstream endpoint containerd falls back to after the mirrors. */
export function containerdServer(registry: string): string {
  return registry === 'docker.io' ? 'https://registry-1.docker.io' : `https://${registry}`
}

const quote = (text: string) => JSON.stringify(text)

export function renderHostsToml(
  registry: string,
  mirrors: readonly string[],
  caFile?: string
): string {
  const lines = [
    `# runnerkit mirror-config: mirrors for ${registry}, tried in order, then the server.`,
    `server = ${quote(containerdServer(registry))}`
  ]
  for (const mirror of mirrors) {
    const loopback = isLoopbackHost(mirror)
    // A mirror with a path is the API root; containerd appends /v2 unless override_path is set.
    lines.push(
      '',
      `[host.${quote(`${loopback ? 'http' : 'https'}://${mirror}`)}]`,
      '  capabilities = ["pull", "resolve"]'
    )
    if (!loopback && caFile !== undefined) lines.push(`  ca = ${quote(caFile)}`)
  }
  return `${lines.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const registries = config.mirrors.containers
  if (registries === undefined || Object.keys(registries).length === 0) return undefined
  // containerd is node-level: nothing for a job to write.
  if (target.mode === 'job') return undefined
  const result = emptyPlan('containerd')
  const caFile = config.ca !== undefined ? caPaths(target).ca : undefined
  for (const [registry, mirrors] of Object.entries(registries)) {
    result.files.push({
      path: `${containerdCertsDir}/${registry}/hosts.toml`,
      description: `containerd hosts.toml for ${registry}`,
      render: () => renderHostsToml(registry, mirrors, caFile)
    })
  }
  result.notes.push(
    `containerd reads ${containerdCertsDir}/<registry>/hosts.toml only with config_path = "${containerdCertsDir}" under [plugins."io.containerd.grpc.v1.cri".registry] (containerd 1.x, where it is unset by default) or [plugins."io.containerd.cri.v1.images".registry] (2.x, the default there); mirrors serve pull and resolve only`
  )
  return result
}

export const containerdEcosystem: Ecosystem = { name: 'containerd', plan }
