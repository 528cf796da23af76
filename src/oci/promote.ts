/**
 * Promote: put the manifest a source reference resolves to under new tags, unchanged, so the
 * digest that was tested is the digest that ships. Within one repository it is manifest PUTs
 * only; into another repository, blobs are mounted (copied when a mount is refused) and child
 * manifests pushed by digest before any tag is written.
 */
import { UserError } from '../errors.js'
import {
  isIndex,
  isImageManifest,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from './media-types.js'
import {
  formatReference,
  formatRepository,
  isValidTag,
  parseReference,
  parseRepository,
  sameRepository,
  type ImageReference,
  type RepositoryRef
} from './reference.js'
import type { Manifest, RegistryClient } from './registry.js'

export interface BlobCopyEvent {
  digest: string
  size: number
  from: string
  to: string
  /** Why it was copied rather than mounted. */
  reason: 'mount-refused' | 'other-registry'
}

export interface PromoteOptions {
  client: RegistryClient
  /** `name@sha256:…`, or `name:tag` (resolved to its digest first). */
  source: string | ImageReference
  tags: readonly string[]
  /** Another repository (same or other registry); the source's repository when omitted. */
  destination?: string | RepositoryRef
  /**
   * Refuse to move a tag that already points at another digest: every tag (true), or those a
   * predicate picks (e.g. full versions only, so `1.2` and `latest` still move).
   */
  immutable?: boolean | ((tag: string) => boolean)
  /** Reported for each blob that had to go through this process instead of being mounted. */
  onBlobCopy?: (event: BlobCopyEvent) => void
  /**
   * Resolve the source, read its manifest and make the immutable-tag check, then stop: nothing
   * is written, and every request asks only for pull access, so a read-only token will do.
   */
  dryRun?: boolean
}

export interface PromoteResult {
  digest: string
  mediaType: string
  /** The destination repository, `registry/repository`. */
  repository: string
  tags: string[]
  /** `registry/repository:tag` for each tag written (or, in a dry run, that would be). */
  references: string[]
  /** Tags that already pointed at the digest. */
  unchanged: string[]
  blobsMounted: number
  blobsCopied: number
  blobsPresent: number
}

export async function promote(options: PromoteOptions): Promise<PromoteResult> {
  const { client } = options
  const source =
    typeof options.source === 'string' ? parseReference(options.source) : options.source
  const destination: RepositoryRef =
    options.destination === undefined
      ? { registry: source.registry, repository: source.repository }
      : typeof options.destination === 'string'
        ? parseRepository(options.destination)
        : options.destination
  const tags = [...new Set(options.tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))]
  if (tags.length === 0) throw new UserError('promote: give at least one tag to write')
  for (const tag of tags) {
    if (!isValidTag(tag)) {
      throw new UserError(
        `promote: tag '${tag}' must be up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`
      )
    }
  }

  const digest = source.digest ?? (await resolveDigest(client, source))
  const sourceByDigest: ImageReference = {
    registry: source.registry,
    repository: source.repository,
    digest
  }
  const manifest = await client.getManifest(sourceByDigest)

  const unchanged = await checkImmutableTags(client, destination, tags, digest, options.immutable)
  if (options.dryRun === true) {
    return {
      digest,
      mediaType: manifest.mediaType,
      repository: formatRepository(destination),
      tags,
      references: tags.map((tag) => `${formatRepository(destination)}:${tag}`),
      unchanged,
      blobsMounted: 0,
      blobsCopied: 0,
      blobsPresent: 0
    }
  }

  const counts = { blobsMounted: 0, blobsCopied: 0, blobsPresent: 0 }
  if (!sameRepository(sourceByDigest, destination)) {
    const copier = new ContentCopier(
      client,
      sourceByDigest,
      destination,
      counts,
      options.onBlobCopy
    )
    await copier.copyManifestContent(manifest)
    await client.putManifest(destination, digest, manifest.bytes, manifest.mediaType)
  }

  const references: string[] = []
  for (const tag of tags) {
    const written = await client.putManifest(destination, tag, manifest.bytes, manifest.mediaType)
    if (written !== digest) {
      throw new UserError(
        `promote: ${formatRepository(destination)}:${tag} was stored as ${written}, not ${digest}`
      )
    }
    references.push(`${formatRepository(destination)}:${tag}`)
  }
  return {
    digest,
    mediaType: manifest.mediaType,
    repository: formatRepository(destination),
    tags,
    references,
    unchanged,
    ...counts
  }
}

/**
 * Refuses before anything is written when an immutable tag already points at another digest.
 * Returns the immutable tags that already point at `digest`.
 */
export async function checkImmutableTags(
  client: RegistryClient,
  destination: RepositoryRef,
  tags: readonly string[],
  digest: string,
  immutable: PromoteOptions['immutable']
): Promise<string[]> {
  const unchanged: string[] = []
  const isImmutable = typeof immutable === 'function' ? immutable : () => immutable === true
  for (const tag of tags.filter(isImmutable)) {
    const current = await client.headManifest({ ...destination, tag })
    if (current === undefined) continue
    if (current.digest === digest) {
      unchanged.push(tag)
      continue
    }
    throw new UserError(
      `promote: tag ${formatRepository(destination)}:${tag} already points at ${current.digest}, not ${digest}; immutable tags are not moved (use a new tag, or turn immutable off)`
    )
  }
  return unchanged
}

async function resolveDigest(client: RegistryClient, source: ImageReference): Promise<string> {
  const head = await client.headManifest(source)
  if (head === undefined) {
    throw new UserError(
      `promote: source ${formatReference(source)} does not exist (check the name and tag)`
    )
  }
  return head.digest
}

class ContentCopier {
  private readonly done = new Set<string>()

  constructor(
    private readonly client: RegistryClient,
    private readonly source: RepositoryRef,
    private readonly destination: RepositoryRef,
    private readonly counts: Pick<PromoteResult, 'blobsMounted' | 'blobsCopied' | 'blobsPresent'>,
    private readonly onBlobCopy?: (event: BlobCopyEvent) => void
  ) {}

  /** Makes everything the manifest references exist in the destination (not the manifest itself). */
  async copyManifestContent(manifest: Manifest): Promise<void> {
    const parsed = parseManifest(manifest)
    if ('manifests' in parsed) {
      for (const child of parsed.manifests) {
        if (this.done.has(child.digest)) continue
        this.done.add(child.digest)
        const childManifest = await this.client.getManifest({
          ...this.source,
          digest: child.digest
        })
        await this.copyManifestContent(childManifest)
        await this.client.putManifest(
          this.destination,
          child.digest,
          childManifest.bytes,
          childManifest.mediaType
        )
      }
      return
    }
    for (const blob of [parsed.config, ...parsed.layers]) {
      // Foreign layers live at their URLs, outside the registry.
      if (blob.urls !== undefined && blob.urls.length > 0) continue
      await this.copyBlob(blob)
    }
  }

  private async copyBlob(blob: Descriptor): Promise<void> {
    if (this.done.has(blob.digest)) return
    this.done.add(blob.digest)
    if (await this.client.blobExists(this.destination, blob.digest)) {
      this.counts.blobsPresent++
      return
    }
    const sameRegistry = this.source.registry === this.destination.registry
    if (sameRegistry && (await this.client.mountBlob(this.source, this.destination, blob.digest))) {
      this.counts.blobsMounted++
      return
    }
    this.onBlobCopy?.({
      digest: blob.digest,
      size: blob.size,
      from: formatRepository(this.source),
      to: formatRepository(this.destination),
      reason: sameRegistry ? 'mount-refused' : 'other-registry'
    })
    await this.client.copyBlob(this.source, this.destination, blob.digest, blob.size)
    this.counts.blobsCopied++
  }
}

function parseManifest(manifest: Manifest): ImageIndex | ImageManifest {
  let parsed: unknown
  try {
    parsed = JSON.parse(manifest.bytes.toString('utf8'))
  } catch {
    throw new UserError(`manifest ${manifest.digest} is not JSON; it cannot be promoted`)
  }
  const mediaType = manifest.mediaType
  if (isIndex(mediaType) && Array.isArray((parsed as ImageIndex).manifests))
    return parsed as ImageIndex
  if (isImageManifest(mediaType) && Array.isArray((parsed as ImageManifest).layers))
    return parsed as ImageManifest
  throw new UserError(
    `manifest ${manifest.digest} has media type '${mediaType}', which promote does not handle`
  )
}
