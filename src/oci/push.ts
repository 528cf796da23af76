/**
 * Pushes an image from an OCI layout to a registry in the only order that never exposes a partial
 * image: every blob, then each platform's manifest by digest, then the index by digest, and only
 * then the tags. The manifest bytes are sent exactly as stored, so the digest a deployment pins
 * is the digest the build produced — and the registry's answer is checked against it.
 */
import { UserError } from '../errors.js'
import { blobPath, readBlob } from './layout.js'
import { isIndex, type Descriptor, type ImageIndex, type ImageManifest } from './media-types.js'
import type { RegistryClient } from './registry.js'
import type { RepositoryRef } from './reference.js'

export interface PushEvent {
  kind: 'blob-uploaded' | 'blob-present' | 'manifest' | 'tag'
  digest: string
  size?: number
  tag?: string
}

export interface PushOptions {
  client: RegistryClient
  layout: string
  /** The manifest or index to push, as index.json (or a parent index) describes it. */
  descriptor: Descriptor
  repository: RepositoryRef
  tags: readonly string[]
  onEvent?: (event: PushEvent) => void
}

export interface PushResult {
  digest: string
  mediaType: string
  blobsUploaded: number
  blobsPresent: number
  bytesUploaded: number
}

export async function pushFromLayout(options: PushOptions): Promise<PushResult> {
  const result: PushResult = {
    digest: options.descriptor.digest,
    mediaType: options.descriptor.mediaType,
    blobsUploaded: 0,
    blobsPresent: 0,
    bytesUploaded: 0
  }
  await pushManifestTree(options, options.descriptor, result)
  for (const tag of options.tags) {
    const bytes = await readBlob(options.layout, options.descriptor.digest)
    await putChecked(options, tag, bytes, options.descriptor)
    options.onEvent?.({ kind: 'tag', digest: options.descriptor.digest, tag })
  }
  return result
}

async function pushManifestTree(
  options: PushOptions,
  descriptor: Descriptor,
  result: PushResult
): Promise<void> {
  const bytes = await readBlob(options.layout, descriptor.digest)
  const document = JSON.parse(bytes.toString('utf8')) as ImageIndex | ImageManifest
  if (isIndex(descriptor.mediaType)) {
    for (const child of (document as ImageIndex).manifests) {
      await pushManifestTree(options, child, result)
    }
  } else {
    const manifest = document as ImageManifest
    for (const blob of [manifest.config, ...manifest.layers]) {
      await pushBlob(options, blob, result)
    }
  }
  await putChecked(options, descriptor.digest, bytes, descriptor)
  options.onEvent?.({ kind: 'manifest', digest: descriptor.digest, size: bytes.length })
}

async function pushBlob(options: PushOptions, blob: Descriptor, result: PushResult): Promise<void> {
  if (await options.client.blobExists(options.repository, blob.digest)) {
    result.blobsPresent++
    options.onEvent?.({ kind: 'blob-present', digest: blob.digest, size: blob.size })
    return
  }
  await options.client.uploadBlob(options.repository, blob.digest, {
    path: blobPath(options.layout, blob.digest)
  })
  result.blobsUploaded++
  result.bytesUploaded += blob.size
  options.onEvent?.({ kind: 'blob-uploaded', digest: blob.digest, size: blob.size })
}

async function putChecked(
  options: PushOptions,
  tagOrDigest: string,
  bytes: Buffer,
  descriptor: Descriptor
): Promise<void> {
  const stored = await options.client.putManifest(
    options.repository,
    tagOrDigest,
    bytes,
    descriptor.mediaType
  )
  if (stored !== descriptor.digest) {
    throw new UserError(
      `registry ${options.repository.registry} stored ${options.repository.repository}:${tagOrDigest} as ${stored}, not ${descriptor.digest}`
    )
  }
}
