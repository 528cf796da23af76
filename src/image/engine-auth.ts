/**
 * Registry credentials for the engine process, which pulls base images and pushes cache itself:
 * an auth file (`{"auths": …}`, the format buildah, podman and docker all read) created 0600 in
 * the runner's temp directory, named to the engine through REGISTRY_AUTH_FILE (buildah, podman)
 * and DOCKER_CONFIG (docker). The caller removes it after the build, and the action's post step
 * removes it again in case the job was cancelled mid-build.
 */
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { RegistryCredentials } from '../oci/registry.js'
import { writeFileAtomic } from '../util/atomic-write.js'

export interface EngineAuth {
  env: NodeJS.ProcessEnv
  /** The directory holding the auth file, to remove after the build; undefined when none was written. */
  directory?: string
}

/**
 * An existing auth file is passed through as it is; credentials given as values are written to a
 * new file in `directory` (created 0700, the file 0600).
 */
export async function engineAuth(
  credentials: Readonly<Record<string, RegistryCredentials>>,
  existingFile: string | undefined,
  directory: string
): Promise<EngineAuth> {
  if (Object.keys(credentials).length === 0) {
    if (existingFile === undefined) return { env: {} }
    return {
      env: {
        REGISTRY_AUTH_FILE: existingFile,
        ...(basename(existingFile) === 'config.json' && { DOCKER_CONFIG: dirname(existingFile) })
      }
    }
  }
  await fs.mkdir(directory, { recursive: true, mode: 0o700 })
  await fs.chmod(directory, 0o700)
  // The given file's other entries stay usable; the values given as credentials win.
  const auths: Record<string, unknown> =
    existingFile !== undefined ? await existingAuths(existingFile) : {}
  for (const [registry, { username, password }] of Object.entries(credentials)) {
    auths[registry] = { auth: Buffer.from(`${username}:${password}`).toString('base64') }
  }
  const file = join(directory, 'config.json')
  await writeFileAtomic(file, JSON.stringify({ auths }), { mode: 0o600 })
  return { env: { REGISTRY_AUTH_FILE: file, DOCKER_CONFIG: directory }, directory }
}

export async function removeEngineAuth(auth: EngineAuth): Promise<void> {
  if (auth.directory !== undefined) await fs.rm(auth.directory, { recursive: true, force: true })
}

async function existingAuths(file: string): Promise<Record<string, unknown>> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as {
      auths?: Record<string, unknown>
    }
    return { ...(parsed.auths ?? {}) }
  } catch {
    return {}
  }
}
