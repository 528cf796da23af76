/**
 * The OCI image layout on disk (image-spec `image-layout.md`): an `oci-layout` marker, an
 * `index.json` naming the images (by the `org.opencontainers.image.ref.name` annotation), and
 * content-addressed blobs under `blobs/sha256/`. Engines export their builds into one, the
 * pusher reads from one, and `oci-layout:` outputs are one.
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, promises as fs } from 'node:fs'
import { join } from 'node:path'
import { Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { UserError } from '../errors.js'
import { streamToNewFile, writeFileAtomic } from '../util/atomic-write.js'
import { mediaTypes, type Descriptor, type ImageIndex } from './media-types.js'
import { digestPattern } from './reference.js'

export const refNameAnnotation = 'org.opencontainers.image.ref.name'

const layoutMarker = JSON.stringify({ imageLayoutVersion: '1.0.0' })

export interface BlobRef {
  digest: string
  size: number
}

export function blobPath(layout: string, digest: string): string {
  if (!digestPattern.test(digest)) throw new UserError(`not a sha256 digest: '${digest}'`)
  return join(layout, 'blobs', 'sha256', digest.slice('sha256:'.length))
}

/** Creates the layout's skeleton when it is missing; an existing layout is kept as it is. */
export async function initLayout(layout: string): Promise<void> {
  await fs.mkdir(join(layout, 'blobs', 'sha256'), { recursive: true })
  const marker = join(layout, 'oci-layout')
  if (!(await exists(marker))) await writeFileAtomic(marker, layoutMarker)
  const index = join(layout, 'index.json')
  if (!(await exists(index))) {
    await writeFileAtomic(index, JSON.stringify(emptyIndex()))
  }
}

/** Stores bytes as a blob; an existing blob with that digest is left alone. */
export async function writeBlob(layout: string, bytes: Uint8Array): Promise<BlobRef> {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  const path = blobPath(layout, digest)
  if (!(await exists(path))) await writeFileAtomic(path, bytes)
  return { digest, size: bytes.length }
}

/**
 * Writes an image whose layers are already blobs of the layout: its config and OCI manifest,
 * named `refName` in index.json when given. Returns the manifest's descriptor.
 */
export async function writeImage(
  layout: string,
  config: object,
  layers: readonly Descriptor[],
  refName?: string
): Promise<Descriptor> {
  const configBlob = await writeBlob(layout, Buffer.from(JSON.stringify(config)))
  const manifest = await writeBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: mediaTypes.ociManifest,
        config: { mediaType: mediaTypes.ociConfig, ...configBlob },
        layers
      })
    )
  )
  const descriptor: Descriptor = { mediaType: mediaTypes.ociManifest, ...manifest }
  if (refName !== undefined) await tagInLayout(layout, descriptor, refName)
  return descriptor
}

/**
 * Streams a blob into the layout, hashing as it goes; the file appears under its digest only
 * once it is complete.
 */
export async function writeBlobStream(layout: string, source: Readable): Promise<BlobRef> {
  const directory = join(layout, 'blobs', 'sha256')
  const temporary = join(directory, `.incoming-${randomBytes(6).toString('hex')}`)
  const hash = createHash('sha256')
  let size = 0
  const hashing = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    }
  })
  try {
    await streamToNewFile(temporary, (sink) => pipeline(source, hashing, sink))
    const digest = `sha256:${hash.digest('hex')}`
    await fs.rename(temporary, blobPath(layout, digest))
    return { digest, size }
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
}

/** Reads a blob and checks that its bytes hash to its name. */
export async function readBlob(layout: string, digest: string): Promise<Buffer> {
  const path = blobPath(layout, digest)
  let bytes: Buffer
  try {
    bytes = await fs.readFile(path)
  } catch {
    throw new UserError(`OCI layout ${layout}: blob ${digest} is missing`)
  }
  const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  if (actual !== digest) {
    throw new UserError(
      `OCI layout ${layout}: blob ${digest} is corrupt (its bytes hash to ${actual})`
    )
  }
  return bytes
}

export function openBlob(layout: string, digest: string): Readable {
  return createReadStream(blobPath(layout, digest))
}

export async function readJsonBlob<T>(layout: string, digest: string): Promise<T> {
  const bytes = await readBlob(layout, digest)
  try {
    return JSON.parse(bytes.toString('utf8')) as T
  } catch {
    throw new UserError(`OCI layout ${layout}: blob ${digest} is not JSON`)
  }
}

export async function readIndex(layout: string): Promise<ImageIndex> {
  let text: string
  try {
    text = await fs.readFile(join(layout, 'index.json'), 'utf8')
  } catch {
    throw new UserError(`${layout} is not an OCI layout: it has no index.json`)
  }
  let index: ImageIndex
  try {
    index = JSON.parse(text) as ImageIndex
  } catch {
    throw new UserError(`${join(layout, 'index.json')} is not valid JSON`)
  }
  if (!Array.isArray(index.manifests)) {
    throw new UserError(`${join(layout, 'index.json')} has no "manifests" list`)
  }
  return index
}

/**
 * Names a manifest or index in the layout's index.json under `refName` (replacing what had that
 * name); without a name the descriptor is added unnamed.
 */
export async function tagInLayout(
  layout: string,
  descriptor: Descriptor,
  refName?: string
): Promise<void> {
  const index = await readIndex(layout)
  const entry: Descriptor = { ...descriptor }
  if (refName !== undefined) {
    entry.annotations = { ...(descriptor.annotations ?? {}), [refNameAnnotation]: refName }
  }
  const kept = index.manifests.filter((existing) =>
    refName === undefined
      ? existing.digest !== descriptor.digest ||
        existing.annotations?.[refNameAnnotation] !== undefined
      : existing.annotations?.[refNameAnnotation] !== refName
  )
  index.manifests = [...kept, entry]
  await writeFileAtomic(join(layout, 'index.json'), JSON.stringify(index))
}

/** Drops the index.json entry named `refName`; its blobs stay (other images may share them). */
export async function untagInLayout(layout: string, refName: string): Promise<void> {
  const index = await readIndex(layout)
  index.manifests = index.manifests.filter(
    (entry) => entry.annotations?.[refNameAnnotation] !== refName
  )
  await writeFileAtomic(join(layout, 'index.json'), JSON.stringify(index))
}

/**
 * The descriptor a layout reference names: the entry with that ref.name, or the only entry
 * when no name is given.
 */
export async function resolveInLayout(layout: string, refName?: string): Promise<Descriptor> {
  const index = await readIndex(layout)
  if (refName !== undefined && refName !== '') {
    const found = index.manifests.find(
      (entry) => entry.annotations?.[refNameAnnotation] === refName
    )
    if (found === undefined) {
      const names = index.manifests
        .map((entry) => entry.annotations?.[refNameAnnotation])
        .filter((name): name is string => name !== undefined)
      throw new UserError(
        `OCI layout ${layout} has no image named '${refName}'${names.length > 0 ? ` (it has: ${names.join(', ')})` : ''}`
      )
    }
    return found
  }
  if (index.manifests.length !== 1) {
    throw new UserError(
      `OCI layout ${layout} holds ${index.manifests.length} images: name one (oci:${layout}:NAME)`
    )
  }
  return index.manifests[0] as Descriptor
}

function emptyIndex(): ImageIndex {
  return { schemaVersion: 2, mediaType: mediaTypes.ociIndex, manifests: [] }
}

async function exists(path: string): Promise<boolean> {
  try {
    await fs.access(path)
    return true
  } catch {
    return false
  }
}
