/**
 * Image tarballs. A `docker save` archive (legacy `<id>/layer.tar` layers or the Docker 25
 * `blobs/sha256/` ones) is imported into an OCI layout as an OCI image; an oci-archive (a tar of
 * an OCI layout) is read into a layout and written from one. Archives are streamed: a layer is
 * never held in memory, so tars of many GB are fine.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto'
import { createReadStream, promises as fs } from 'node:fs'
import { basename, dirname, join, posix } from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip, createGzip, type Gunzip } from 'node:zlib'
import tarStream from 'tar-stream'
import { UserError, messageOf } from '../errors.js'
import { streamToNewFile } from '../util/atomic-write.js'
import {
  blobPath,
  initLayout,
  readIndex,
  readJsonBlob,
  refNameAnnotation,
  tagInLayout,
  writeBlob
} from './layout.js'
import {
  isImageManifest,
  isIndex,
  mediaTypes,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from './media-types.js'
import { digestPattern } from './reference.js'

type TarHeader = tarStream.Header
type TarPack = tarStream.Pack

/** manifest.json, an image config, index.json: metadata, read whole; anything bigger is wrong. */
const maxMetadataSize = 64 * 1024 * 1024
const layoutMarker = JSON.stringify({ imageLayoutVersion: '1.0.0' })
const blobEntryPattern = /^blobs\/sha256\/([a-f0-9]{64})$/

// ---------------------------------------------------------------------------------------------
// docker save archives

interface DockerManifestEntry {
  Config?: unknown
  RepoTags?: unknown
  Layers?: unknown
}

interface ImageConfig {
  architecture?: unknown
  os?: unknown
  variant?: unknown
  rootfs?: { diff_ids?: unknown }
}

interface EntryInfo {
  type: TarHeader['type']
  linkname: string
}

interface StagedLayer {
  /** A temporary file in the layout's blob folder holding the blob's bytes. */
  temporary: string
  digest: string
  size: number
  mediaType: string
  /** sha256 of the uncompressed layer: what the config's rootfs.diff_ids lists. */
  diffId: string
  /** sha256 of the entry's bytes as stored in the archive. */
  entryDigest: string
}

/**
 * Imports the first image of a `docker save` archive into an OCI layout: the config is kept
 * byte for byte (its digest is Docker's image id), each layer is gzip-compressed (layers already
 * gzip-compressed in the archive are kept as they are), and the OCI manifest is named `refName`
 * in index.json. Returns the manifest's descriptor.
 */
export async function importDockerArchive(
  file: string,
  layout: string,
  refName?: string
): Promise<Descriptor> {
  await initLayout(layout)

  // First pass: manifest.json, and what the archive holds (manifest.json may come last).
  const entries = new Map<string, EntryInfo>()
  let manifestBytes: Buffer | undefined
  await forEachEntry(file, async (header, entry) => {
    const name = normalizeEntryName(header.name)
    entries.set(name, { type: header.type, linkname: header.linkname ?? '' })
    if (name === 'manifest.json' && header.type === 'file') {
      manifestBytes = await readEntry(file, name, header, entry)
    }
  })
  if (manifestBytes === undefined) {
    throw new UserError(`${file} is not a docker save archive: it has no manifest.json`)
  }
  const image = parseDockerManifest(file, manifestBytes)
  const configName = resolveEntry(file, entries, image.config, 'the image config')
  const layerNames = image.layers.map((layer) => resolveEntry(file, entries, layer, 'layer'))

  // Second pass: the config and the layers, in whatever order the tar holds them.
  const wanted = new Set(layerNames)
  const staged = new Map<string, StagedLayer>()
  const blobs = join(layout, 'blobs', 'sha256')
  let configBytes: Buffer | undefined
  try {
    await forEachEntry(file, async (header, entry) => {
      const name = normalizeEntryName(header.name)
      if (header.type !== 'file') return
      if (name === configName) {
        configBytes = await readEntry(file, name, header, entry)
      } else if (wanted.has(name) && !staged.has(name)) {
        staged.set(name, await stageLayer(file, name, blobs, entry))
      }
    })
    if (configBytes === undefined) {
      throw new UserError(`${file}: the image config ${image.config} could not be read`)
    }
    const configDigest = sha256Of(configBytes)
    checkEntryDigest(file, configName, configDigest)
    const config = parseConfig(file, image.config, configBytes)

    const diffIds = config.rootfs?.diff_ids
    if (!Array.isArray(diffIds) || diffIds.length !== layerNames.length) {
      throw new UserError(
        `${file}: the image config lists ${Array.isArray(diffIds) ? diffIds.length : 'no'} rootfs.diff_ids but manifest.json lists ${layerNames.length} layers`
      )
    }
    const layers: Descriptor[] = []
    for (const [position, name] of layerNames.entries()) {
      const layer = staged.get(name)
      if (layer === undefined) {
        throw new UserError(`${file}: layer ${image.layers[position]} could not be read`)
      }
      checkEntryDigest(file, name, layer.entryDigest)
      if (layer.diffId !== diffIds[position]) {
        throw new UserError(
          `${file}: layer ${image.layers[position]} does not match the image config (its content hashes to ${layer.diffId}, rootfs.diff_ids[${position}] is ${String(diffIds[position])})`
        )
      }
      layers.push({ mediaType: layer.mediaType, digest: layer.digest, size: layer.size })
    }

    for (const layer of staged.values()) {
      await fs.rename(layer.temporary, blobPath(layout, layer.digest))
    }
    await writeBlob(layout, configBytes)
    const manifest: ImageManifest = {
      schemaVersion: 2,
      mediaType: mediaTypes.ociManifest,
      config: { mediaType: mediaTypes.ociConfig, digest: configDigest, size: configBytes.length },
      layers
    }
    const manifestJson = Buffer.from(JSON.stringify(manifest))
    const manifestDigest = sha256Of(manifestJson)
    await writeBlob(layout, manifestJson)

    const descriptor: Descriptor = {
      mediaType: mediaTypes.ociManifest,
      digest: manifestDigest,
      size: manifestJson.length
    }
    const platform = platformOf(config)
    if (platform !== undefined) descriptor.platform = platform
    await tagInLayout(layout, descriptor, refName)
    return descriptor
  } finally {
    for (const layer of staged.values()) await fs.rm(layer.temporary, { force: true })
  }
}

function parseDockerManifest(file: string, bytes: Buffer): { config: string; layers: string[] } {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new UserError(`${file}: manifest.json is not valid JSON`)
  }
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new UserError(`${file}: manifest.json lists no images`)
  }
  const first = parsed[0] as DockerManifestEntry | null
  const config = first?.Config
  const layers = first?.Layers
  if (
    typeof config !== 'string' ||
    !Array.isArray(layers) ||
    !layers.every((layer): layer is string => typeof layer === 'string')
  ) {
    throw new UserError(`${file}: the first image in manifest.json has no Config or Layers`)
  }
  return { config, layers }
}

function parseConfig(file: string, name: string, bytes: Buffer): ImageConfig {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new UserError(`${file}: the image config ${name} is not valid JSON`)
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UserError(`${file}: the image config ${name} is not a JSON object`)
  }
  return parsed
}

function platformOf(config: ImageConfig): Descriptor['platform'] {
  const { architecture, os, variant } = config
  if (typeof architecture !== 'string' || typeof os !== 'string') return undefined
  return typeof variant === 'string' && variant !== ''
    ? { architecture, os, variant }
    : { architecture, os }
}

/**
 * The archive entry a manifest.json path names, following the symlinks `docker save` writes
 * for a layer that appears twice.
 */
function resolveEntry(
  file: string,
  entries: Map<string, EntryInfo>,
  path: string,
  what: string
): string {
  let name = normalizeEntryName(path)
  for (let hops = 0; hops < 16; hops++) {
    const entry = entries.get(name)
    if (entry === undefined) {
      throw new UserError(`${file}: ${what} ${path} named in manifest.json is missing`)
    }
    if (entry.type === 'file') return name
    if (entry.type === 'symlink' || entry.type === 'link') {
      const target =
        entry.type === 'symlink'
          ? posix.normalize(posix.join(posix.dirname(name), entry.linkname))
          : normalizeEntryName(entry.linkname)
      if (target.startsWith('/') || target === '..' || target.startsWith('../')) {
        throw new UserError(`${file}: ${what} ${path} links outside the archive`)
      }
      name = target
      continue
    }
    throw new UserError(`${file}: ${what} ${path} is not a regular file`)
  }
  throw new UserError(`${file}: ${what} ${path} is a link loop`)
}

/** Entries named `blobs/sha256/<hex>` or `<hex>.json` must hash to their name. */
function checkEntryDigest(file: string, name: string, digest: string): void {
  const hex = blobEntryPattern.exec(name)?.[1] ?? /^([a-f0-9]{64})\.json$/.exec(name)?.[1]
  if (hex !== undefined && digest !== `sha256:${hex}`) {
    throw new UserError(`${file}: ${name} is corrupt (its bytes hash to ${digest})`)
  }
}

/**
 * Streams one layer into a temporary file in the blob folder: an uncompressed layer is gzipped
 * on the way, a gzipped one kept as it is; either way its uncompressed content is hashed.
 */
async function stageLayer(
  file: string,
  name: string,
  directory: string,
  entry: AsyncIterable<unknown>
): Promise<StagedLayer> {
  const iterator = entry[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let headLength = 0
  while (headLength < 4) {
    const next = await iterator.next()
    if (next.done === true) break
    const chunk = next.value as Buffer
    head.push(chunk)
    headLength += chunk.length
  }
  const prefix = Buffer.concat(head)
  async function* content(): AsyncGenerator<Buffer> {
    if (prefix.length > 0) yield prefix
    for (;;) {
      const next = await iterator.next()
      if (next.done === true) return
      yield next.value as Buffer
    }
  }
  if (prefix.subarray(0, 4).equals(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]))) {
    throw new UserError(`${file}: layer ${name} is zstd-compressed, which is not supported`)
  }
  const gzipped = prefix[0] === 0x1f && prefix[1] === 0x8b

  const temporary = join(directory, `.incoming-${randomBytes(6).toString('hex')}`)
  const stored = createHash('sha256')
  const diff = createHash('sha256')
  let size = 0
  async function* count(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      stored.update(chunk)
      size += chunk.length
      yield chunk
    }
  }
  try {
    if (gzipped) {
      const gunzip = createGunzip()
      await streamToNewFile(temporary, (sink) =>
        pipeline(content, inflateInto(gunzip, diff), count, sink)
      )
    } else {
      await streamToNewFile(temporary, (sink) =>
        pipeline(content, hashInto(diff), createGzip(), count, sink)
      )
    }
  } catch (error) {
    await fs.rm(temporary, { force: true })
    const code = (error as { code?: unknown }).code
    if (gzipped && typeof code === 'string' && code.startsWith('Z_')) {
      throw new UserError(`${file}: layer ${name} is not valid gzip (${messageOf(error)})`)
    }
    throw error
  }
  const storedDigest = `sha256:${stored.digest('hex')}`
  const diffId = `sha256:${diff.digest('hex')}`
  return {
    temporary,
    digest: storedDigest,
    size,
    mediaType: mediaTypes.ociLayerGzip,
    diffId,
    entryDigest: gzipped ? storedDigest : diffId
  }
}

function hashInto(hash: Hash) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      hash.update(chunk)
      yield chunk
    }
  }
}

/** Passes bytes through unchanged while feeding them to `gunzip`, whose output is hashed. */
function inflateInto(gunzip: Gunzip, hash: Hash) {
  return async function* (source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    let failure: Error | undefined
    const ended = new Promise<void>((resolve, reject) => {
      gunzip.on('data', (chunk: Buffer) => hash.update(chunk))
      gunzip.on('end', resolve)
      gunzip.on('error', (error) => {
        failure = error
        reject(error)
      })
    })
    ended.catch(() => undefined)
    for await (const chunk of source) {
      if (failure !== undefined) throw failure
      if (!gunzip.write(chunk)) {
        await Promise.race([new Promise((resolve) => gunzip.once('drain', resolve)), ended])
      }
      yield chunk
    }
    gunzip.end()
    await ended
  }
}

// ---------------------------------------------------------------------------------------------
// oci-archives

/**
 * Extracts an oci-archive (a tar of an OCI layout) into `layout`, checking each blob's digest
 * as it streams, and adds the archive's index.json entries to the layout's index.json.
 * Returns those entries.
 */
export async function readOciArchive(file: string, layout: string): Promise<Descriptor[]> {
  await initLayout(layout)
  const blobs = join(layout, 'blobs', 'sha256')
  let marker: Buffer | undefined
  let indexBytes: Buffer | undefined
  await forEachEntry(file, async (header, entry) => {
    const name = safeEntryName(file, header.name)
    if (header.type !== 'file' && header.type !== 'directory') {
      throw new UserError(
        `${file}: entry ${header.name} is a ${header.type}; an OCI archive holds only files and directories`
      )
    }
    if (header.type === 'directory' || name === '') return
    if (name === 'oci-layout') {
      marker = await readEntry(file, name, header, entry)
    } else if (name === 'index.json') {
      indexBytes = await readEntry(file, name, header, entry)
    } else if (name.startsWith('blobs/')) {
      const hex = blobEntryPattern.exec(name)?.[1]
      if (hex === undefined) {
        throw new UserError(`${file}: entry ${header.name} is not a sha256 blob`)
      }
      await storeVerifiedBlob(file, blobs, `sha256:${hex}`, entry)
    }
    // Anything else (docker save's manifest.json and repositories, say) is not part of the layout.
  })
  if (marker === undefined) {
    throw new UserError(`${file} is not an OCI archive: it has no oci-layout file`)
  }
  let version: unknown
  try {
    version = (JSON.parse(marker.toString('utf8')) as { imageLayoutVersion?: unknown })
      .imageLayoutVersion
  } catch {
    version = undefined
  }
  if (typeof version !== 'string') {
    throw new UserError(`${file}: its oci-layout file has no imageLayoutVersion`)
  }
  if (indexBytes === undefined) {
    throw new UserError(`${file} is not an OCI archive: it has no index.json`)
  }
  let index: ImageIndex
  try {
    index = JSON.parse(indexBytes.toString('utf8')) as ImageIndex
  } catch {
    throw new UserError(`${file}: its index.json is not valid JSON`)
  }
  if (!Array.isArray(index.manifests)) {
    throw new UserError(`${file}: its index.json has no "manifests" list`)
  }
  await reachableBlobs(layout, index.manifests, `${file}`)
  for (const descriptor of index.manifests) {
    await tagInLayout(layout, descriptor, descriptor.annotations?.[refNameAnnotation])
  }
  return index.manifests
}

/**
 * Writes `layout` as an oci-archive: oci-layout, index.json and every blob reachable from it,
 * in sorted order with zeroed times and owners, so the same layout gives the same bytes. With
 * `descriptors`, index.json lists just those. The file appears only once it is complete.
 */
export async function writeOciArchive(
  layout: string,
  file: string,
  descriptors?: Descriptor[]
): Promise<void> {
  const index: ImageIndex =
    descriptors === undefined
      ? await readIndex(layout)
      : { schemaVersion: 2, mediaType: mediaTypes.ociIndex, manifests: descriptors }
  const blobs = await reachableBlobs(layout, index.manifests, `OCI layout ${layout}`)
  const digests = [...blobs.keys()].sort()

  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const pack = tarStream.pack()
  async function* packed(): AsyncGenerator<Buffer> {
    for await (const chunk of pack) yield chunk as Buffer
  }
  const produce = async (): Promise<void> => {
    await addEntry(pack, directoryHeader('blobs/'))
    await addEntry(pack, directoryHeader('blobs/sha256/'))
    for (const digest of digests) {
      const name = `blobs/sha256/${digest.slice('sha256:'.length)}`
      const size = blobs.get(digest) ?? 0
      const hash = createHash('sha256')
      await addEntry(
        pack,
        fileHeader(name, size),
        tap(createReadStream(blobPath(layout, digest)), hash)
      )
      const actual = `sha256:${hash.digest('hex')}`
      if (actual !== digest) {
        throw new UserError(
          `OCI layout ${layout}: blob ${digest} is corrupt (its bytes hash to ${actual})`
        )
      }
    }
    const indexJson = Buffer.from(JSON.stringify(index))
    await addEntry(pack, fileHeader('index.json', indexJson.length), [indexJson])
    const marker = Buffer.from(layoutMarker)
    await addEntry(pack, fileHeader('oci-layout', marker.length), [marker])
    pack.finalize()
  }
  try {
    await Promise.all([
      produce().catch((error: unknown) => {
        pack.destroy(error instanceof Error ? error : new Error(String(error)))
        throw error
      }),
      streamToNewFile(temporary, (sink) => pipeline(packed, sink))
    ])
    const handle = await fs.open(temporary, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temporary, file)
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
}

const epoch = new Date(0)
const commonHeader = {
  mtime: epoch,
  uid: 0,
  gid: 0,
  uname: '',
  gname: '',
  linkname: '',
  devmajor: 0,
  devminor: 0
}

function directoryHeader(name: string): TarHeader {
  return { ...commonHeader, name, type: 'directory', mode: 0o755, size: 0 }
}

function fileHeader(name: string, size: number): TarHeader {
  return { ...commonHeader, name, type: 'file', mode: 0o644, size }
}

async function* tap(source: AsyncIterable<unknown>, hash: Hash): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk as Buffer)
    yield chunk as Buffer
  }
}

/** Adds one entry to a tar being packed, waiting for the tar to take all of it. */
async function addEntry(
  pack: TarPack,
  header: TarHeader,
  content: AsyncIterable<Buffer> | Iterable<Buffer> = []
): Promise<void> {
  let sink: ReturnType<TarPack['entry']> | undefined
  const done = new Promise<void>((resolve, reject) => {
    sink = pack.entry(header, (error) => (error ? reject(error) : resolve()))
  })
  done.catch(() => undefined)
  const target = sink as ReturnType<TarPack['entry']>
  for await (const chunk of content) {
    if (!target.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const settle = (error?: Error): void => {
          target.off('drain', onDrain)
          target.off('close', onClose)
          target.off('error', onError)
          if (error === undefined) resolve()
          else reject(error)
        }
        const onDrain = (): void => settle()
        const onClose = (): void => settle(new Error('tar entry closed before it was written'))
        const onError = (error: unknown): void =>
          settle(error instanceof Error ? error : new Error(String(error)))
        target.on('drain', onDrain)
        target.on('close', onClose)
        target.on('error', onError)
      })
    }
  }
  target.end(null)
  await done
}

/** Every blob reachable from `roots` (manifests, indexes, configs, layers) with its size. */
async function reachableBlobs(
  layout: string,
  roots: Descriptor[],
  what: string
): Promise<Map<string, number>> {
  const found = new Map<string, number>()
  const visit = async (descriptor: Descriptor): Promise<void> => {
    const digest = descriptor?.digest
    if (typeof digest !== 'string' || !digestPattern.test(digest)) {
      throw new UserError(`${what}: '${String(digest)}' is not a sha256 digest`)
    }
    if (found.has(digest)) return
    let size: number
    try {
      size = (await fs.stat(blobPath(layout, digest))).size
    } catch {
      // Foreign (non-distributable) layers live at their URLs, not in the layout.
      if (descriptor.urls !== undefined && descriptor.urls.length > 0) return
      throw new UserError(`${what}: blob ${digest} is missing`)
    }
    if (size !== descriptor.size) {
      throw new UserError(
        `${what}: blob ${digest} is ${size} bytes but its descriptor says ${descriptor.size}`
      )
    }
    found.set(digest, size)
    const mediaType = typeof descriptor.mediaType === 'string' ? descriptor.mediaType : ''
    if (isIndex(mediaType)) {
      const index = await readJsonBlob<ImageIndex>(layout, digest)
      for (const child of Array.isArray(index.manifests) ? index.manifests : []) await visit(child)
    } else if (isImageManifest(mediaType)) {
      const manifest = await readJsonBlob<ImageManifest>(layout, digest)
      await visit(manifest.config)
      for (const layer of Array.isArray(manifest.layers) ? manifest.layers : []) await visit(layer)
    }
  }
  for (const root of roots) await visit(root)
  return found
}

async function storeVerifiedBlob(
  file: string,
  directory: string,
  digest: string,
  entry: AsyncIterable<unknown>
): Promise<void> {
  const temporary = join(directory, `.incoming-${randomBytes(6).toString('hex')}`)
  const hash = createHash('sha256')
  try {
    await streamToNewFile(temporary, (sink) => pipeline(tap(entry, hash), sink))
    const actual = `sha256:${hash.digest('hex')}`
    if (actual !== digest) {
      throw new UserError(`${file}: blob ${digest} is corrupt (its bytes hash to ${actual})`)
    }
    await fs.rename(temporary, join(directory, digest.slice('sha256:'.length)))
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
}

// ---------------------------------------------------------------------------------------------
// reading tars

/**
 * Calls `visit` for each entry of the tar `file` (gzip-compressed or not) in order. An entry
 * `visit` does not read is skipped. Errors in the tar itself become one-line UserErrors.
 */
async function forEachEntry(
  file: string,
  visit: (header: TarHeader, entry: AsyncIterable<unknown>) => Promise<void>
): Promise<void> {
  const gzipped = await startsWithGzipMagic(file)
  const raw = createReadStream(file)
  const input: Readable = gzipped ? raw.pipe(createGunzip()) : raw
  const extract = tarStream.extract()
  let readError: Error | undefined
  let gunzipError: Error | undefined
  raw.on('error', (error) => {
    readError ??= error
    extract.destroy(error)
  })
  if (input !== raw) {
    input.on('error', (error) => {
      gunzipError ??= error
      extract.destroy(error)
    })
  }
  let tarError: Error | undefined
  extract.on('error', (error: Error) => {
    tarError ??= error
  })
  input.pipe(extract)

  let count = 0
  let failure: unknown
  try {
    for await (const entry of extract) {
      count++
      await visit(entry.header, entry)
      entry.resume()
    }
  } catch (error) {
    failure = error
  } finally {
    raw.destroy()
    input.destroy()
  }
  if (failure instanceof UserError) throw failure
  // A failure reading the tar can reach `visit` (through the entry) before it is reported here.
  if (failure !== undefined) await new Promise((resolve) => setImmediate(resolve))
  if (readError !== undefined) {
    throw new UserError(`cannot read ${file}: ${readError.message}`)
  }
  if (gunzipError !== undefined) {
    throw new UserError(`${file} is not a valid gzip-compressed tar (${gunzipError.message})`)
  }
  if (tarError !== undefined) {
    throw new UserError(`${file} is not a valid tar archive (${tarError.message})`)
  }
  if (failure !== undefined)
    throw failure instanceof Error ? failure : new Error(messageOf(failure))
  if (count === 0) throw new UserError(`${file} is not a tar archive: it holds no entries`)
}

async function startsWithGzipMagic(file: string): Promise<boolean> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'r')
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${messageOf(error)}`)
  }
  try {
    const head = Buffer.alloc(2)
    const { bytesRead } = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${messageOf(error)}`)
  } finally {
    await handle.close()
  }
}

/** Reads a small entry (manifest.json, a config, index.json) whole. */
async function readEntry(
  file: string,
  name: string,
  header: TarHeader,
  entry: AsyncIterable<unknown>
): Promise<Buffer> {
  if (header.size > maxMetadataSize) {
    throw new UserError(`${file}: ${name} is ${header.size} bytes, too big for image metadata`)
  }
  const chunks: Buffer[] = []
  for await (const chunk of entry) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** `./a/b/` → `a/b`: the form manifest.json and the layout use. */
function normalizeEntryName(name: string): string {
  let normalized = name
  while (normalized.startsWith('./')) normalized = normalized.slice(2)
  while (normalized.endsWith('/')) normalized = normalized.slice(0, -1)
  return normalized === '.' ? '' : normalized
}

/** An entry name that stays inside the folder it is extracted into, normalized. */
function safeEntryName(file: string, name: string): string {
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').includes('..')
  ) {
    throw new UserError(`${file}: entry ${JSON.stringify(name)} points outside the archive`)
  }
  return normalizeEntryName(name)
}

function sha256Of(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}
