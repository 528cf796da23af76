/**
 * docker: the classic builder of a Docker daemon (dind sidecars, rootful hosts). We force the
 * classic builder (DOCKER_BUILDKIT=0) so the result does not depend on whether buildx happens to
 * be installed, then `docker save` the image and convert it into the OCI layout ourselves.
 * The classic builder has no secrets, no cache export and no foreign platforms: those requests
 * are refused before building, naming buildah as the engine that has them.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { importDockerArchive } from '../../oci/archive.js'
import type { Engine, EngineBuildRequest, EngineBuildResult, EngineProbe } from './engine.js'
import { stepOf } from './engine.js'
import { runTool, spawnTool, ToolMissingError } from './process.js'

const capabilities = { secrets: false, foreignPlatforms: false, cacheFrom: true, cacheTo: false }

export const dockerEngine: Engine = {
  name: 'docker',
  probe,
  build
}

async function probe(env: NodeJS.ProcessEnv): Promise<EngineProbe> {
  const unavailable = (reason: string): EngineProbe => ({
    name: 'docker',
    available: false,
    reason,
    capabilities
  })
  try {
    const result = await spawnTool('docker', ['version', '--format', '{{.Server.Version}}'], {
      env
    })
    if (result.code !== 0) {
      const where = env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'
      return unavailable(`docker is installed but no daemon answers at ${where}`)
    }
    return { name: 'docker', available: true, version: result.stdout.trim(), capabilities }
  } catch (error) {
    if (error instanceof ToolMissingError) {
      return unavailable(
        'docker is not installed; install docker.io (apt-get) or docker-ce and run dockerd'
      )
    }
    throw error
  }
}

async function build(request: EngineBuildRequest, _probe: EngineProbe): Promise<EngineBuildResult> {
  const iidFile = join(request.workDir, `iid-${request.refName}`)
  const flags = ['build', '--iidfile', iidFile]
  if (request.file !== undefined) flags.push('--file', request.file)
  if (request.target !== undefined) flags.push('--target', request.target)
  for (const [key, value] of request.buildArgs) flags.push('--build-arg', `${key}=${value}`)
  for (const [key, value] of request.labels) flags.push('--label', `${key}=${value}`)
  if (request.pull) flags.push('--pull')
  if (request.noCache) flags.push('--no-cache')
  for (const source of request.cacheFrom) flags.push('--cache-from', source)
  if (request.network !== undefined) flags.push('--network', request.network)
  for (const tag of request.localTags) flags.push('--tag', tag)
  flags.push(request.context)
  const env = { ...request.env, DOCKER_BUILDKIT: '0' }
  await runTool('docker', flags, {
    env,
    onLine: (line) => {
      const step = stepOf(line)
      if (step !== undefined) request.onStep?.(step)
      request.onLine?.(line)
    }
  })
  const imageId = (await fs.readFile(iidFile, 'utf8')).trim()
  const archive = join(request.workDir, `${request.refName}.docker.tar`)
  await runTool('docker', ['save', '--output', archive, imageId], { env })
  try {
    const descriptor = await importDockerArchive(archive, request.layout, request.refName)
    return { descriptor, imageId }
  } finally {
    await fs.rm(archive, { force: true })
  }
}
