/**
 * buildah and podman share one build front end (podman build is buildah inside), so their
 * command lines are built here once; each engine file names its binary and its differences.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { resolveInLayout } from '../../oci/layout.js'
import type {
  EngineBuildRequest,
  EngineBuildResult,
  EngineCapabilities,
  EngineName,
  EngineProbe
} from './engine.js'
import { stepOf } from './engine.js'
import { runTool, spawnTool, ToolFailedError, ToolMissingError } from './process.js'

export const containersCapabilities: EngineCapabilities = {
  secrets: true,
  foreignPlatforms: true,
  cacheFrom: true,
  cacheTo: true
}

const installHint: Record<'buildah' | 'podman', string> = {
  buildah: 'install buildah (apt-get install buildah, dnf install buildah)',
  podman: 'install podman (apt-get install podman, dnf install podman)'
}

/**
 * Finds the binary and a storage driver that works: the configured one (overlay on most hosts),
 * else vfs, which works everywhere, unprivileged pods included, at the cost of disk and speed.
 */
export async function probeContainersEngine(
  name: 'buildah' | 'podman',
  env: NodeJS.ProcessEnv
): Promise<EngineProbe> {
  const unavailable = (reason: string): EngineProbe => ({
    name,
    available: false,
    reason,
    capabilities: containersCapabilities
  })
  let version: string
  try {
    const result = await spawnTool(name, ['--version'], { env })
    if (result.code !== 0)
      return unavailable(`'${name} --version' failed: ${firstLine(result.stderr)}`)
    version = /version\s+(\S+)/.exec(result.stdout)?.[1] ?? result.stdout.trim()
  } catch (error) {
    if (error instanceof ToolMissingError)
      return unavailable(`${name} is not installed; ${installHint[name]}`)
    throw error
  }
  const info = await spawnTool(name, ['info'], { env })
  if (info.code === 0)
    return { name, available: true, version, capabilities: containersCapabilities }
  const vfs = await spawnTool(name, ['--storage-driver', 'vfs', 'info'], { env })
  if (vfs.code === 0) {
    return {
      name,
      available: true,
      version,
      storageDriver: 'vfs',
      capabilities: containersCapabilities
    }
  }
  return unavailable(`'${name} info' failed: ${firstLine(info.stderr)}`)
}

export async function containersBuild(
  name: EngineName & ('buildah' | 'podman'),
  request: EngineBuildRequest,
  probe: EngineProbe
): Promise<EngineBuildResult> {
  const global = probe.storageDriver !== undefined ? ['--storage-driver', probe.storageDriver] : []
  const iidFile = join(request.workDir, `iid-${request.refName}`)
  const args = [
    ...global,
    'build',
    ...containersBuildFlags(request),
    '--iidfile',
    iidFile,
    request.context
  ]
  await retryTransientReexecFailure(
    name,
    () =>
      runTool(name, args, {
        env: request.env,
        onLine: (line) => {
          const step = stepOf(line)
          if (step !== undefined) request.onStep?.(step)
          request.onLine?.(line)
        }
      }),
    request.onWarning
  )
  const imageId = (await fs.readFile(iidFile, 'utf8')).trim()
  // gzip, as every registry and runtime reads; the layout then holds the bytes a push sends.
  await runTool(
    name,
    [
      ...global,
      'push',
      '--compression-format',
      'gzip',
      imageId,
      `oci:${request.layout}:${request.refName}`
    ],
    { env: request.env, ...(request.onLine !== undefined && { onLine: request.onLine }) }
  )
  const descriptor = await resolveInLayout(request.layout, request.refName)
  return { descriptor, imageId: imageId.startsWith('sha256:') ? imageId : `sha256:${imageId}` }
}

/**
 * Before a RUN step, buildah and podman re-exec themselves from a sealed in-memory copy (the
 * CVE-2019-5736 defence). On recent kernels sealing that copy now and then fails with EBUSY
 * while the kernel still holds a transient reference to its pages, and the whole build stops
 * with "sealing memfd copy: Device or resource busy" although nothing is wrong with it. Such a
 * failure is retried once, saying so; any other failure is the build's own and is not.
 */
export async function retryTransientReexecFailure<T>(
  name: string,
  run: () => Promise<T>,
  onWarning?: (message: string) => void
): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof ToolFailedError) || !error.tail.some(isSealingRace)) throw error
    onWarning?.(
      `${name} failed to re-exec itself ("sealing memfd copy: Device or resource busy", a transient kernel condition, not the Dockerfile): building once more`
    )
    return await run()
  }
}

const isSealingRace = (line: string) => /sealing memfd copy: Device or resource busy/.test(line)

/** The `build` flags both engines read the same way. */
export function containersBuildFlags(request: EngineBuildRequest): string[] {
  const flags = ['--isolation', 'chroot', '--format', 'oci']
  if (request.file !== undefined) flags.push('--file', request.file)
  if (request.target !== undefined) flags.push('--target', request.target)
  if (request.platform !== undefined) flags.push('--platform', request.platform)
  for (const [key, value] of request.buildArgs) flags.push('--build-arg', `${key}=${value}`)
  for (const [key, value] of request.labels) flags.push('--label', `${key}=${value}`)
  if (request.pull) flags.push('--pull=always')
  if (request.noCache) flags.push('--no-cache')
  if (request.cacheFrom.length > 0 || request.cacheTo.length > 0) flags.push('--layers')
  for (const source of request.cacheFrom) flags.push('--cache-from', source)
  for (const destination of request.cacheTo) flags.push('--cache-to', destination)
  for (const secret of request.secrets) flags.push('--secret', `id=${secret.id},src=${secret.file}`)
  if (request.network !== undefined) flags.push('--network', request.network)
  for (const tag of request.localTags) flags.push('--tag', tag)
  return flags
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? 'no output'
  )
}
