/**
 * What every build engine offers: build one platform of a Dockerfile and leave the result in an
 * OCI layout under a reference name. Pushing, indexes and annotations happen after, in one place
 * for every engine (src/image/build.ts), so the digest the user gets never depends on the engine.
 */
import type { Descriptor } from '../../oci/media-types.js'

export type EngineName = 'buildah' | 'podman' | 'docker'

export const engineNames: readonly EngineName[] = ['buildah', 'podman', 'docker']

/** What an engine can do; a request that needs more fails before any build starts. */
export interface EngineCapabilities {
  secrets: boolean
  /** Builds for a platform other than the host's (with qemu-user-static for RUN steps). */
  foreignPlatforms: boolean
  cacheFrom: boolean
  cacheTo: boolean
}

export interface EngineProbe {
  name: EngineName
  available: boolean
  /** Why it cannot be used, when it cannot. */
  reason?: string
  version?: string
  /** Set when the default storage driver does not work here and vfs does (buildah, podman). */
  storageDriver?: string
  capabilities: EngineCapabilities
}

export interface BuildSecretFile {
  id: string
  /** A file only this process can read; values from the environment are written to one first. */
  file: string
}

export interface EngineBuildRequest {
  context: string
  file?: string
  target?: string
  buildArgs: ReadonlyArray<[string, string]>
  labels: ReadonlyArray<[string, string]>
  /** `os/arch[/variant]`; omitted: the host's. */
  platform?: string
  /** Always pull the newest base image, even when one is stored. */
  pull: boolean
  noCache: boolean
  cacheFrom: readonly string[]
  cacheTo: readonly string[]
  secrets: readonly BuildSecretFile[]
  network?: string
  /** Local names for the result (single-platform builds), so later steps can run it. */
  localTags: readonly string[]
  /** The environment of the engine process: auth file, registries.conf, DOCKER_CONFIG. */
  env: NodeJS.ProcessEnv
  /** Scratch space for iid files and archives, removed by the caller. */
  workDir: string
  /** Where the result goes, and under which ref.name. */
  layout: string
  refName: string
  onLine?: (line: string) => void
  /** Something the user should know that does not stop the build (a retried failure). */
  onWarning?: (message: string) => void
  /** A Dockerfile step started (`STEP 2/5: RUN …`). */
  onStep?: (step: string) => void
}

export interface EngineBuildResult {
  /** The image as stored in the layout (an image manifest). */
  descriptor: Descriptor
  /** The engine's own id of the image (its config digest). */
  imageId: string
}

export interface Engine {
  readonly name: EngineName
  probe(env: NodeJS.ProcessEnv): Promise<EngineProbe>
  build(request: EngineBuildRequest, probe: EngineProbe): Promise<EngineBuildResult>
}

/** Step lines: buildah/podman `[1/2] STEP 3/5: RUN …`, Docker's classic builder `Step 3/5 : RUN …`. */
const stepLine = /^(\[\d+\/\d+\] )?(?:STEP|Step) (\d+)\/(\d+) ?: (.*)$/

export function stepOf(line: string): string | undefined {
  const match = stepLine.exec(line)
  if (match === null) return undefined
  return `${match[1] ?? ''}Step ${match[2]}/${match[3]}: ${match[4]}`
}
