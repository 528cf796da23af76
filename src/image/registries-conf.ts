/**
 * buildah and podman reach a registry over plain HTTP only when registries.conf marks it
 * insecure; unlike Docker they make no exception for loopback. For a build that pulls from or
 * pushes cache to such a registry we hand the engine a copy of the registries.conf it would have
 * read, plus `insecure = true` entries, through CONTAINERS_REGISTRIES_CONF. The drop-ins in
 * registries.conf.d (mirror-config's, the distribution's short names) still apply: the variable
 * replaces only the main file.
 */
import { promises as fs } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { writeFileAtomic } from '../util/atomic-write.js'

/** The main registries.conf the engine would read, or undefined when there is none. */
export async function currentRegistriesConf(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const candidates = [
    env.CONTAINERS_REGISTRIES_CONF,
    join(env.HOME ?? homedir(), '.config', 'containers', 'registries.conf'),
    '/etc/containers/registries.conf'
  ]
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue
    try {
      return await fs.readFile(candidate, 'utf8')
    } catch {
      continue
    }
  }
  return undefined
}

/** `[[registry]]` tables marking each host insecure, for hosts the base text does not mention. */
export function insecureRegistryEntries(base: string, hosts: readonly string[]): string {
  const entries: string[] = []
  for (const host of [...new Set(hosts)]) {
    const mentioned = new RegExp(`^\\s*location\\s*=\\s*["']${escapeRegExp(host)}["']`, 'm')
    if (mentioned.test(base)) continue
    entries.push(`[[registry]]\nlocation = "${host}"\ninsecure = true\n`)
  }
  return entries.join('\n')
}

/**
 * Writes the engine's registries.conf into `directory` and returns the environment that points
 * at it; an empty object when no host needs it, so the engine's own configuration is untouched.
 */
export async function insecureRegistriesEnv(
  hosts: readonly string[],
  directory: string,
  env: NodeJS.ProcessEnv
): Promise<NodeJS.ProcessEnv> {
  if (hosts.length === 0) return {}
  const base = (await currentRegistriesConf(env)) ?? ''
  const entries = insecureRegistryEntries(base, hosts)
  if (entries === '') return {}
  const path = join(directory, 'registries.conf')
  const text = `${base.trimEnd()}\n\n# Added by runnerkit for this build: plain-HTTP registries.\n${entries}`
  await writeFileAtomic(path, text.trimStart())
  return { CONTAINERS_REGISTRIES_CONF: path }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
