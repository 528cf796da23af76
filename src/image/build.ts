/**
 * One build, any engine: each platform is built by the engine into an OCI layout, annotations
 * are written into the manifests, and a multi-platform build gets one OCI index over them. The
 * layout then holds exactly the bytes a push sends, so the digest is known before the push and
 * is the same whichever engine built the image.
 */
import { UserError } from '../errors.js'
import { formatPlatform, hostPlatform as hostPlatformOf } from '../oci/image-source.js'
import {
  readJsonBlob,
  resolveInLayout,
  tagInLayout,
  untagInLayout,
  writeBlob
} from '../oci/layout.js'
import {
  isIndex,
  mediaTypes,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from '../oci/media-types.js'
import { annotationsFor, samePlatform, type AnnotationSpec } from './annotations.js'
import type { EngineBuildRequest } from './engines/engine.js'
import type { ChosenEngine } from './engines/index.js'

export type BuildRequest = Omit<
  EngineBuildRequest,
  'platform' | 'refName' | 'onStep' | 'onLine'
> & {
  platforms: readonly string[]
  annotations: readonly AnnotationSpec[]
  /** The name the result gets in the layout's index.json. */
  refName: string
  onLine?: (line: string) => void
  /** A Dockerfile step started; `platform` is set for multi-platform builds. */
  onStep?: (step: string, platform?: string) => void
  /** A platform's build started (multi-platform builds). */
  onPlatform?: (platform: string) => void
}

export interface PlatformImage {
  platform: string
  /** The image manifest. */
  digest: string
  config: string
  layers: number
  /** Bytes a registry stores for it: manifest, config and compressed layers. */
  size: number
}

export interface BuiltImage {
  /** The manifest (one platform) or index (several), as named in the layout. */
  descriptor: Descriptor
  /** The engine's id of the (first) platform's image. */
  imageId: string
  platforms: PlatformImage[]
}

/** The runner's platform as `os/arch`, e.g. linux/amd64. */
export function hostPlatform(): string {
  return formatPlatform(hostPlatformOf())
}

const platformPattern = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/

export function parsePlatforms(entries: readonly string[]): string[] {
  const platforms = entries
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '')
  for (const platform of platforms) {
    if (!platformPattern.test(platform)) {
      throw new UserError(`platform '${platform}' is not os/arch[/variant], e.g. linux/arm64`)
    }
  }
  const duplicate = platforms.find((platform, index) => platforms.indexOf(platform) !== index)
  if (duplicate !== undefined) throw new UserError(`platform '${duplicate}' is listed twice`)
  return platforms
}

/** Refuses, before any build, what the chosen engine cannot do. */
export function checkCapabilities(chosen: ChosenEngine, request: BuildRequest): void {
  const { capabilities, name } = chosen.probe
  const refuse = (what: string) => {
    throw new UserError(`engine ${name} cannot ${what}; use engine buildah (or podman), which can`)
  }
  if (request.secrets.length > 0 && !capabilities.secrets)
    refuse('mount build secrets (its classic builder has no --secret)')
  if (request.cacheTo.length > 0 && !capabilities.cacheTo) refuse('export a build cache (cache-to)')
  if (request.cacheFrom.length > 0 && !capabilities.cacheFrom)
    refuse('import a build cache (cache-from)')
  const foreign = request.platforms.find((platform) => !samePlatform(platform, hostPlatform()))
  if (foreign !== undefined && !capabilities.foreignPlatforms) {
    refuse(
      `build for ${foreign} (its classic builder builds for the host's platform, ${hostPlatform()}, only)`
    )
  }
}

export async function buildImage(chosen: ChosenEngine, request: BuildRequest): Promise<BuiltImage> {
  checkCapabilities(chosen, request)
  const platforms = request.platforms.length > 0 ? request.platforms : [undefined]
  const built: Array<{ platform: string | undefined; descriptor: Descriptor; imageId: string }> = []
  const multi = platforms.length > 1
  for (const platform of platforms) {
    if (multi && platform !== undefined) request.onPlatform?.(platform)
    const refName = multi
      ? `${request.refName}--${(platform ?? '').replaceAll('/', '-')}`
      : request.refName
    const result = await chosen.engine.build(
      {
        ...request,
        ...(platform !== undefined && { platform }),
        refName,
        // Local names would point at whichever platform was built last.
        localTags: multi ? [] : request.localTags,
        onStep: (step) => request.onStep?.(step, multi ? platform : undefined)
      },
      chosen.probe
    )
    built.push({ platform, descriptor: result.descriptor, imageId: result.imageId })
  }

  const images: PlatformImage[] = []
  const children: Descriptor[] = []
  for (const { platform, descriptor } of built) {
    const manifest = await readJsonBlob<ImageManifest>(request.layout, descriptor.digest)
    const config = await readJsonBlob<{ architecture?: string; os?: string; variant?: string }>(
      request.layout,
      manifest.config.digest
    )
    const actualPlatform = [config.os ?? 'linux', config.architecture ?? 'unknown', config.variant]
      .filter((part) => part !== undefined && part !== '')
      .join('/')
    if (
      platform !== undefined &&
      !samePlatform(actualPlatform, platform) &&
      !platform.startsWith(`${actualPlatform}/`)
    ) {
      throw new UserError(
        `engine ${chosen.probe.name} was asked for ${platform} but built ${actualPlatform}`
      )
    }
    const annotated = await annotateManifest(
      request.layout,
      descriptor,
      manifest,
      annotationsFor(request.annotations, 'manifest', actualPlatform)
    )
    children.push({
      mediaType: annotated.mediaType,
      digest: annotated.digest,
      size: annotated.size,
      platform: {
        architecture: config.architecture ?? 'unknown',
        os: config.os ?? 'linux',
        ...(config.variant !== undefined && config.variant !== '' && { variant: config.variant })
      },
      ...withAnnotations(annotationsFor(request.annotations, 'manifest-descriptor', actualPlatform))
    })
    images.push({
      platform: actualPlatform,
      digest: annotated.digest,
      config: manifest.config.digest,
      layers: manifest.layers.length,
      size:
        annotated.size +
        manifest.config.size +
        manifest.layers.reduce((sum, layer) => sum + layer.size, 0)
    })
  }

  let descriptor: Descriptor
  if (!multi) {
    const child = children[0] as Descriptor
    descriptor = { mediaType: child.mediaType, digest: child.digest, size: child.size }
  } else {
    const index: ImageIndex = {
      schemaVersion: 2,
      mediaType: mediaTypes.ociIndex,
      manifests: children,
      ...withAnnotations(annotationsFor(request.annotations, 'index'))
    }
    const blob = await writeBlob(request.layout, Buffer.from(JSON.stringify(index)))
    descriptor = { mediaType: mediaTypes.ociIndex, ...blob }
    for (const { platform } of built) {
      await untagInLayout(
        request.layout,
        `${request.refName}--${(platform ?? '').replaceAll('/', '-')}`
      )
    }
  }
  await tagInLayout(
    request.layout,
    { ...descriptor, ...withAnnotations(annotationsFor(request.annotations, 'index-descriptor')) },
    request.refName
  )
  return {
    descriptor: await resolveInLayout(request.layout, request.refName),
    imageId: built[0]?.imageId ?? '',
    platforms: images
  }
}

/** Adds annotations to an image manifest; without any, the engine's bytes are kept as they are. */
async function annotateManifest(
  layout: string,
  descriptor: Descriptor,
  manifest: ImageManifest,
  annotations: Record<string, string>
): Promise<Descriptor> {
  if (Object.keys(annotations).length === 0) return descriptor
  if (isIndex(descriptor.mediaType) || descriptor.mediaType !== mediaTypes.ociManifest) {
    throw new UserError(
      `annotations need an OCI image manifest; the engine produced ${descriptor.mediaType}`
    )
  }
  const annotated: ImageManifest = {
    ...manifest,
    annotations: { ...(manifest.annotations ?? {}), ...annotations }
  }
  const blob = await writeBlob(layout, Buffer.from(JSON.stringify(annotated)))
  return { mediaType: descriptor.mediaType, ...blob }
}

function withAnnotations(annotations: Record<string, string>): {
  annotations?: Record<string, string>
} {
  return Object.keys(annotations).length > 0 ? { annotations } : {}
}
