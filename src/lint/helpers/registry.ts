/**
 * Image registries for DL3026 (`trustedRegistries`): which registry an image reference names,
 * and whether a registry matches an allow-list pattern.
 */

/** Docker Hub's names: an image without a registry comes from there. */
const dockerHub = ['docker.io', 'hub.docker.com'] as const

/**
 * The registry of an image reference, or undefined for Docker Hub's short form. As Docker
 * reads references, the first path component is a registry when it contains `.` or `:` or is
 * `localhost` (`ghcr.io/x`, `localhost:5000/x`); `library/debian` has none.
 */
export function registryOf(image: string): string | undefined {
  const slash = image.indexOf('/')
  if (slash < 0) return undefined
  const first = image.slice(0, slash)
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined
}

/** `*` matches all, `*.example.com` a suffix, `registry.example.*` a prefix, else exact. */
export function matchesRegistry(pattern: string, registry: string): boolean {
  if (pattern === '*') return true
  if (pattern.startsWith('*')) return registry.endsWith(pattern.slice(1))
  if (pattern.endsWith('*')) return registry.startsWith(pattern.slice(0, -1))
  return registry === pattern
}

/** Whether an image may be used: `scratch` always; a Docker Hub image if Docker Hub is trusted. */
export function isTrustedImage(image: string, trusted: readonly string[]): boolean {
  const registry = registryOf(image)
  if (registry === undefined) {
    if (image === 'scratch') return true
    return dockerHub.some((hub) => trusted.some((pattern) => matchesRegistry(pattern, hub)))
  }
  return trusted.some((pattern) => matchesRegistry(pattern, registry))
}
