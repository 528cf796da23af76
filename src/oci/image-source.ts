/**
 * Opens an image for static checks, wherever it is, with the containers-transports syntax:
 * `oci:DIR[:NAME]`, `oci-archive:FILE[:NAME]`, `docker-archive:FILE[:NAME|@INDEX]`,
 * `docker://REF` or a bare `REF` (a registry). What comes back is the image's manifest digest,
 * its parsed config and its layers, each opened as a stream of the blob's bytes as stored
 * (compressed or not). Nothing is run, no daemon is asked, no layer is recompressed: archive
 * layers are read in place from the tar (a gzip-compressed archive is inflated into `workDir`
 * once first).
 */
import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, promises as fs } from 'node:fs'
import { join, posix, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import tarStream from 'tar-stream'
import { UserError, messageOf } from '../errors.js'
import { streamToNewFile } from '../util/atomic-write.js'
import { blobPath, readBlob, readIndex, refNameAnnotation } from './layout.js'
import {
  bareMediaType,
  isImageManifest,
  isIndex,
  mediaTypes,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from './media-types.js'
import { digestPattern, formatReference, parseReference, type ImageReference } from './reference.js'
import { RegistryClient, sha256Digest, type RegistryCredentials } from './registry.js'

/** The image config JSON (OCI image-spec `config.md`, Docker's is a superset), as far as typed. */
export interface ImageConfig {
  architecture?: string
  os?: string
  variant?: string
  created?: string
  author?: string
  config?: {
    User?: string
    Env?: string[] | null
    Entrypoint?: string[] | null
    Cmd?: string[] | null
    WorkingDir?: string
    Labels?: Record<string, string> | null
    ExposedPorts?: Record<string, unknown> | null
    Volumes?: Record<string, unknown> | null
    StopSignal?: string
    /** A Docker extension. */
    Healthcheck?: { Test?: string[]; [key: string]: unknown } | null
    [key: string]: unknown
  }
  rootfs: { type?: string; diff_ids: string[] }
  history?: Array<{
    created?: string
    created_by?: string
    author?: string
    comment?: string
    empty_layer?: boolean
  }>
  [key: string]: unknown
}

export interface LayerDescriptor {
  digest: string
  size: number
  mediaType: string
}

export interface ImageSource {
  /** The reference as given, for messages. */
  reference: string
  /** The image manifest's digest; '' for a legacy docker-archive, which has no manifest. */
  manifestDigest: string
  configDigest: string
  /** `os/architecture[/variant]`, from the config. */
  platform: string
  config: ImageConfig
  layers: LayerDescriptor[]
  /** The bytes of layer `index` (0 = the bottom layer) as stored: compressed or not. */
  openLayer(index: number): Promise<Readable>
  /** Removes temporary files and closes connections this source opened. */
  close(): Promise<void>
}

export interface OpenImageOptions {
  /** `os/arch[/variant]`; picks the image from a multi-platform index. Default: this host's. */
  platform?: string
  client?: RegistryClient
  insecureRegistries?: string[]
  credentials?: Record<string, RegistryCredentials>
  /** A folder for temporary files (an inflated archive); the caller removes it. */
  workDir: string
}

interface Platform {
  os: string
  architecture: string
  variant?: string
}

/** manifest.json, index.json, a config: metadata read whole; anything bigger is wrong. */
const maxMetadataSize = 64 * 1024 * 1024

export async function openImage(
  reference: string,
  options: OpenImageOptions
): Promise<ImageSource> {
  const wanted =
    options.platform !== undefined && options.platform.trim() !== ''
      ? parsePlatform(options.platform)
      : hostPlatform()
  const explicit = options.platform !== undefined && options.platform.trim() !== ''
  const selection: Selection = { wanted, explicit }
  const colon = reference.indexOf(':')
  const transport = colon === -1 ? '' : reference.slice(0, colon)
  const rest = reference.slice(colon + 1)
  switch (transport) {
    case 'oci':
      return openOciLayout(reference, rest, selection)
    case 'oci-archive':
      return openOciArchive(reference, rest, selection, options.workDir)
    case 'docker-archive':
      return openDockerArchive(reference, rest, selection, options.workDir)
    case 'docker':
      if (!rest.startsWith('//')) {
        throw new UserError(`image ${reference}: write a registry image as docker://REF or REF`)
      }
      return openRegistry(reference, rest.slice(2), selection, options)
    case 'docker-daemon':
    case 'containers-storage':
      throw new UserError(
        `image ${reference}: the ${transport} transport needs a daemon; save the image with 'docker save' or 'podman save' and give docker-archive:FILE`
      )
    default:
      return openRegistry(reference, reference, selection, options)
  }
}

// ---------------------------------------------------------------------------------------------
// platforms

interface Selection {
  wanted: Platform
  /** The platform was asked for, not defaulted to the host's. */
  explicit: boolean
}

export function parsePlatform(text: string): Platform {
  const parts = text.trim().split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) {
    throw new UserError(`platform '${text}' must be os/arch[/variant], e.g. linux/amd64`)
  }
  const [os, architecture, variant] = parts as [string, string, string | undefined]
  return normalizePlatform({
    os: os.toLowerCase(),
    architecture: architecture.toLowerCase(),
    ...(variant !== undefined && { variant: variant.toLowerCase() })
  })
}

/** This machine's platform in OCI terms: linux/amd64 for Node's x64. */
export function hostPlatform(): Platform {
  const architecture =
    {
      x64: 'amd64',
      ia32: '386',
      arm64: 'arm64',
      arm: 'arm',
      ppc64: 'ppc64le',
      s390x: 's390x',
      riscv64: 'riscv64'
    }[process.arch as string] ?? process.arch
  return { os: 'linux', architecture }
}

export function formatPlatform(platform: Platform): string {
  return `${platform.os}/${platform.architecture}${platform.variant ? `/${platform.variant}` : ''}`
}

function normalizePlatform(platform: Platform): Platform {
  const architecture =
    { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64', i386: '386' }[platform.architecture] ??
    platform.architecture
  return { ...platform, architecture }
}

/** The variant an architecture has when none is written (containerd's rule). */
function defaultVariant(architecture: string): string | undefined {
  return { arm64: 'v8', arm: 'v7', amd64: 'v1' }[architecture]
}

function platformMatches(wanted: Platform, candidate: Platform): boolean {
  const normal = normalizePlatform(candidate)
  if (normal.os !== wanted.os || normal.architecture !== wanted.architecture) return false
  if (wanted.variant === undefined) return true
  const have = normal.variant ?? defaultVariant(normal.architecture)
  const want = wanted.variant ?? defaultVariant(wanted.architecture)
  return have === want
}

function isAttestation(descriptor: Descriptor): boolean {
  return (
    descriptor.annotations?.['vnd.docker.reference.type'] !== undefined ||
    (descriptor.platform?.os === 'unknown' && descriptor.platform.architecture === 'unknown')
  )
}

/** The manifest of an index for the wanted platform; the error lists the platforms there are. */
function pickPlatform(
  reference: string,
  manifests: Descriptor[],
  selection: Selection
): Descriptor {
  const candidates = manifests.filter((entry) => !isAttestation(entry))
  const matching = candidates.filter(
    (entry) => entry.platform !== undefined && platformMatches(selection.wanted, entry.platform)
  )
  // Without a variant asked for, prefer the architecture's default variant (arm → v7).
  const preferred =
    matching.find((entry) => {
      const variant = entry.platform?.variant
      return variant === undefined || variant === defaultVariant(selection.wanted.architecture)
    }) ?? matching[0]
  if (preferred !== undefined) return preferred
  const present = candidates
    .map((entry) => (entry.platform ? formatPlatform(entry.platform) : 'unknown'))
    .filter((name, position, all) => all.indexOf(name) === position)
  throw new UserError(
    `image ${reference} has no ${formatPlatform(selection.wanted)} image (it has: ${present.length > 0 ? present.join(', ') : 'none'}); choose one of those platforms`
  )
}

// ---------------------------------------------------------------------------------------------
// blob stores: where manifests, configs and layers come from

interface BlobStore {
  /** A small blob (a manifest, an index, a config), checked against its digest. */
  read(digest: string): Promise<Buffer>
  open(digest: string): Promise<Readable>
}

async function readJson<T>(reference: string, store: BlobStore, digest: string): Promise<T> {
  const bytes = await store.read(digest)
  try {
    return JSON.parse(bytes.toString('utf8')) as T
  } catch {
    throw new UserError(`image ${reference}: blob ${digest} is not valid JSON`)
  }
}

/**
 * From a layout's index.json (or a docker-archive's) to one image manifest: the entry named
 * `refName`, or the only one; an index on the way is resolved by platform.
 */
async function resolveFromIndex(
  reference: string,
  store: BlobStore,
  index: ImageIndex,
  refName: string | undefined,
  selection: Selection,
  how: string
): Promise<{ digest: string; manifest: ImageManifest }> {
  const entries = Array.isArray(index.manifests) ? index.manifests : []
  let descriptor: Descriptor
  if (refName !== undefined && refName !== '') {
    const found = entries.find((entry) => entry.annotations?.[refNameAnnotation] === refName)
    if (found === undefined) {
      const names = refNames(entries)
      throw new UserError(
        `image ${reference}: there is no image named '${refName}'${names.length > 0 ? ` (there are: ${names.join(', ')})` : ' (no image in it has a name)'}`
      )
    }
    descriptor = found
  } else if (entries.length === 1) {
    descriptor = entries[0] as Descriptor
  } else if (
    // Unnamed per-platform manifests (what `docker save` and buildx exports list) are one image.
    entries.length > 1 &&
    refNames(entries).length === 0 &&
    entries.every((entry) => isImageManifest(entry.mediaType) && entry.platform !== undefined)
  ) {
    descriptor = pickPlatform(reference, entries, selection)
  } else {
    const names = refNames(entries)
    throw new UserError(
      entries.length === 0
        ? `image ${reference}: it holds no image`
        : `image ${reference}: it holds ${entries.length} images; name one (${how}:NAME)${names.length > 0 ? `, one of: ${names.join(', ')}` : ''}`
    )
  }
  return resolveDescriptor(reference, store, descriptor, selection)
}

function refNames(entries: Descriptor[]): string[] {
  return entries
    .map((entry) => entry.annotations?.[refNameAnnotation])
    .filter((name): name is string => name !== undefined)
}

async function resolveDescriptor(
  reference: string,
  store: BlobStore,
  start: Descriptor,
  selection: Selection
): Promise<{ digest: string; manifest: ImageManifest }> {
  let descriptor = start
  for (let depth = 0; depth < 8; depth++) {
    checkDigest(reference, descriptor?.digest)
    const mediaType = typeof descriptor.mediaType === 'string' ? descriptor.mediaType : ''
    if (isIndex(mediaType)) {
      const index = await readJson<ImageIndex>(reference, store, descriptor.digest)
      if (!Array.isArray(index.manifests)) {
        throw new UserError(`image ${reference}: index ${descriptor.digest} has no manifests`)
      }
      descriptor = pickPlatform(reference, index.manifests, selection)
      continue
    }
    const document = await readJson<ImageManifest & ImageIndex>(reference, store, descriptor.digest)
    // A descriptor without a media type: the document says what it is.
    if (mediaType === '' && Array.isArray(document.manifests)) {
      descriptor = { ...descriptor, mediaType: document.mediaType ?? mediaTypes.ociIndex }
      continue
    }
    if (mediaType !== '' && !isImageManifest(mediaType)) {
      throw new UserError(
        `image ${reference}: ${descriptor.digest} is a ${mediaType}, not an image manifest`
      )
    }
    return { digest: descriptor.digest, manifest: document }
  }
  throw new UserError(`image ${reference}: its indexes nest too deep`)
}

function checkDigest(reference: string, digest: unknown): asserts digest is string {
  if (typeof digest !== 'string' || !digestPattern.test(digest)) {
    throw new UserError(`image ${reference}: '${String(digest)}' is not a sha256 digest`)
  }
}

/** A manifest, its config and its layers, checked and put together. */
async function assemble(
  reference: string,
  store: BlobStore,
  manifestDigest: string,
  manifest: ImageManifest,
  selection: Selection,
  close: () => Promise<void>
): Promise<ImageSource> {
  if (typeof manifest !== 'object' || manifest === null || manifest.config === undefined) {
    throw new UserError(
      `image ${reference}: manifest ${manifestDigest} is not an image manifest (schema 2)`
    )
  }
  checkDigest(reference, manifest.config.digest)
  if (!Array.isArray(manifest.layers)) {
    throw new UserError(`image ${reference}: manifest ${manifestDigest} has no layers list`)
  }
  const layers = manifest.layers.map((layer): LayerDescriptor => {
    checkDigest(reference, layer?.digest)
    return {
      digest: layer.digest,
      size: typeof layer.size === 'number' ? layer.size : 0,
      mediaType: typeof layer.mediaType === 'string' ? layer.mediaType : ''
    }
  })
  const configBytes = await store.read(manifest.config.digest)
  const config = parseConfig(reference, configBytes, layers.length)
  const platform = configPlatform(config)
  if (
    selection.explicit &&
    platform !== undefined &&
    !platformMatches(selection.wanted, platform)
  ) {
    throw new UserError(
      `image ${reference} is ${formatPlatform(platform)}, not ${formatPlatform(selection.wanted)}; leave the platform out or give ${formatPlatform(platform)}`
    )
  }
  return {
    reference,
    manifestDigest,
    configDigest: manifest.config.digest,
    platform: platform === undefined ? 'unknown' : formatPlatform(platform),
    config,
    layers,
    openLayer: async (index: number) => {
      const layer = layers[index]
      if (layer === undefined) {
        throw new RangeError(`image ${reference} has ${layers.length} layers, not ${index + 1}`)
      }
      return store.open(layer.digest)
    },
    close
  }
}

function configPlatform(config: ImageConfig): Platform | undefined {
  if (typeof config.os !== 'string' || typeof config.architecture !== 'string') return undefined
  return typeof config.variant === 'string' && config.variant !== ''
    ? { os: config.os, architecture: config.architecture, variant: config.variant }
    : { os: config.os, architecture: config.architecture }
}

/** Parses an image config and checks the fields checks rely on have the types they should. */
export function parseConfig(reference: string, bytes: Buffer, layerCount: number): ImageConfig {
  let parsed: unknown
  try {
    parsed = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new UserError(`image ${reference}: its config is not valid JSON`)
  }
  const bad = (what: string): never => {
    throw new UserError(`image ${reference}: its config is malformed (${what})`)
  }
  if (!isObject(parsed)) bad('not a JSON object')
  const config = parsed as Record<string, unknown>
  for (const key of ['architecture', 'os', 'variant', 'created', 'author']) {
    if (config[key] !== undefined && typeof config[key] !== 'string') bad(`${key} is not a string`)
  }
  const rootfs = config.rootfs
  if (!isObject(rootfs)) bad('it has no rootfs')
  const diffIds = (rootfs as Record<string, unknown>).diff_ids
  if (
    !Array.isArray(diffIds) ||
    diffIds.some((id) => typeof id !== 'string' || !digestPattern.test(id))
  ) {
    bad('rootfs.diff_ids is not a list of sha256 digests')
  }
  if ((diffIds as string[]).length !== layerCount) {
    throw new UserError(
      `image ${reference}: its config lists ${(diffIds as string[]).length} rootfs.diff_ids but the image has ${layerCount} layers`
    )
  }
  const run = config.config
  if (run !== undefined && run !== null) {
    if (!isObject(run)) bad('config is not an object')
    const fields = run as Record<string, unknown>
    for (const key of ['User', 'WorkingDir', 'StopSignal']) {
      if (fields[key] !== undefined && typeof fields[key] !== 'string') {
        bad(`config.${key} is not a string`)
      }
    }
    for (const key of ['Env', 'Entrypoint', 'Cmd']) {
      const value = fields[key]
      if (
        value !== undefined &&
        value !== null &&
        (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
      ) {
        bad(`config.${key} is not a list of strings`)
      }
    }
    const labels = fields.Labels
    if (
      labels !== undefined &&
      labels !== null &&
      (!isObject(labels) || Object.values(labels).some((value) => typeof value !== 'string'))
    ) {
      bad('config.Labels is not a map of strings')
    }
  } else if (run === null) {
    delete config.config
  }
  if (config.history !== undefined && config.history !== null && !Array.isArray(config.history)) {
    bad('history is not a list')
  }
  return config as unknown as ImageConfig
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// ---------------------------------------------------------------------------------------------
// oci:DIR[:NAME]

/** `PATH[:NAME]`, split at the first colon as containers/image does. */
function splitPathAndName(reference: string, rest: string): { path: string; name?: string } {
  const colon = rest.indexOf(':')
  const path = colon === -1 ? rest : rest.slice(0, colon)
  const name = colon === -1 ? undefined : rest.slice(colon + 1)
  if (path === '') throw new UserError(`image ${reference}: give a path after the transport`)
  return { path: resolve(path), ...(name !== undefined && name !== '' && { name }) }
}

async function openOciLayout(
  reference: string,
  rest: string,
  selection: Selection
): Promise<ImageSource> {
  const { path, name } = splitPathAndName(reference, rest)
  try {
    await fs.access(join(path, 'index.json'))
  } catch {
    throw new UserError(
      `image ${reference}: ${path} is not an OCI layout (it has no index.json); give the folder that holds oci-layout and index.json`
    )
  }
  const store: BlobStore = {
    read: (digest) => readBlob(path, digest),
    open: async (digest) => {
      const file = blobPath(path, digest)
      try {
        await fs.access(file)
      } catch {
        throw new UserError(`image ${reference}: blob ${digest} is missing from ${path}`)
      }
      return createReadStream(file, { highWaterMark: 1024 * 1024 })
    }
  }
  const index = await readIndex(path)
  const { digest, manifest } = await resolveFromIndex(
    reference,
    store,
    index,
    name,
    selection,
    `oci:${path}`
  )
  return assemble(reference, store, digest, manifest, selection, () => Promise.resolve())
}

// ---------------------------------------------------------------------------------------------
// archives: read in place

interface ArchiveEntry {
  type: tarStream.Header['type']
  linkname: string
  /** Where the entry's bytes start in the (uncompressed) tar file. */
  start: number
  size: number
}

interface IndexedArchive {
  /** The uncompressed tar: the archive itself, or its inflated copy in workDir. */
  file: string
  entries: Map<string, ArchiveEntry>
  temporary?: string
}

/** Lists a tar's entries with where their bytes are; a gzip-compressed tar is inflated first. */
async function indexArchive(
  reference: string,
  file: string,
  workDir: string
): Promise<IndexedArchive> {
  let head: Buffer
  try {
    const handle = await fs.open(file, 'r')
    try {
      head = Buffer.alloc(4)
      const { bytesRead } = await handle.read(head, 0, 4, 0)
      head = head.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw new UserError(`image ${reference}: cannot read ${file}: ${messageOf(error)}`)
  }
  let tar = file
  let temporary: string | undefined
  if (head[0] === 0x1f && head[1] === 0x8b) {
    await fs.mkdir(workDir, { recursive: true })
    temporary = join(workDir, `archive-${randomBytes(6).toString('hex')}.tar`)
    try {
      await streamToNewFile(temporary, (sink) =>
        pipeline(createReadStream(file), createGunzip(), sink)
      )
    } catch (error) {
      await fs.rm(temporary, { force: true })
      throw new UserError(
        `image ${reference}: ${file} is not a valid gzip-compressed tar (${messageOf(error)})`
      )
    }
    tar = temporary
  }
  try {
    const entries = await listTar(reference, tar)
    return { file: tar, entries, ...(temporary !== undefined && { temporary }) }
  } catch (error) {
    if (temporary !== undefined) await fs.rm(temporary, { force: true })
    throw error
  }
}

async function listTar(reference: string, file: string): Promise<Map<string, ArchiveEntry>> {
  const entries = new Map<string, ArchiveEntry>()
  const extract = tarStream.extract()
  const source = createReadStream(file, { highWaterMark: 1024 * 1024 })
  let failure: Error | undefined
  source.on('error', (error) => {
    failure ??= error
    extract.destroy(error)
  })
  extract.on('error', (error: Error) => {
    failure ??= error
  })
  source.pipe(extract)
  try {
    for await (const entry of extract) {
      const name = normalizeEntryName(entry.header.name)
      entries.set(name, {
        type: entry.header.type,
        linkname: entry.header.linkname ?? '',
        start: entry.offset + 512,
        size: entry.header.size ?? 0
      })
      entry.resume()
    }
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error))
  } finally {
    source.destroy()
  }
  if (failure !== undefined) {
    throw new UserError(`image ${reference}: ${file} is not a valid tar (${failure.message})`)
  }
  if (entries.size === 0) {
    throw new UserError(`image ${reference}: ${file} is not a tar archive: it holds no entries`)
  }
  return entries
}

/** `./a/b/` → `a/b`. */
function normalizeEntryName(name: string): string {
  const normalized = posix.normalize(`/${name}`).replace(/^\/+/, '').replace(/\/+$/, '')
  return normalized === '.' ? '' : normalized
}

/** The regular-file entry `path` names, following in-archive symlinks and hardlinks. */
function findEntry(
  reference: string,
  archive: IndexedArchive,
  path: string,
  what: string
): ArchiveEntry | undefined {
  let name = normalizeEntryName(path)
  for (let hops = 0; hops < 16; hops++) {
    const entry = archive.entries.get(name)
    if (entry === undefined) return undefined
    if (entry.type === 'file' || entry.type === 'contiguous-file') return entry
    if (entry.type === 'symlink') {
      name = entry.linkname.startsWith('/')
        ? normalizeEntryName(entry.linkname)
        : normalizeEntryName(posix.join(posix.dirname(name), entry.linkname))
      continue
    }
    if (entry.type === 'link') {
      name = normalizeEntryName(entry.linkname)
      continue
    }
    throw new UserError(`image ${reference}: ${what} ${path} is a ${entry.type}, not a file`)
  }
  throw new UserError(`image ${reference}: ${what} ${path} is a link loop`)
}

function openEntry(archive: IndexedArchive, entry: ArchiveEntry): Readable {
  if (entry.size === 0) return Readable.from([])
  return createReadStream(archive.file, {
    start: entry.start,
    end: entry.start + entry.size - 1,
    highWaterMark: 1024 * 1024
  })
}

async function readEntry(
  reference: string,
  archive: IndexedArchive,
  entry: ArchiveEntry,
  what: string
): Promise<Buffer> {
  if (entry.size > maxMetadataSize) {
    throw new UserError(`image ${reference}: ${what} is ${entry.size} bytes, too big for metadata`)
  }
  if (entry.size === 0) return Buffer.alloc(0)
  const handle = await fs.open(archive.file, 'r')
  try {
    const bytes = Buffer.alloc(entry.size)
    const { bytesRead } = await handle.read(bytes, 0, entry.size, entry.start)
    if (bytesRead !== entry.size) {
      throw new UserError(`image ${reference}: the archive is cut short inside ${what}`)
    }
    return bytes
  } finally {
    await handle.close()
  }
}

function archiveStore(reference: string, archive: IndexedArchive): BlobStore {
  const entryOf = (digest: string): ArchiveEntry => {
    checkDigest(reference, digest)
    const entry = findEntry(
      reference,
      archive,
      `blobs/sha256/${digest.slice('sha256:'.length)}`,
      'blob'
    )
    if (entry === undefined) throw new UserError(`image ${reference}: blob ${digest} is missing`)
    return entry
  }
  return {
    read: async (digest) => {
      const bytes = await readEntry(reference, archive, entryOf(digest), `blob ${digest}`)
      const actual = sha256Digest(bytes)
      if (actual !== digest) {
        throw new UserError(
          `image ${reference}: blob ${digest} is corrupt (its bytes hash to ${actual})`
        )
      }
      return bytes
    },
    open: (digest) => Promise.resolve(openEntry(archive, entryOf(digest)))
  }
}

function removeTemporary(archive: IndexedArchive): () => Promise<void> {
  return async () => {
    if (archive.temporary !== undefined) await fs.rm(archive.temporary, { force: true })
  }
}

async function withArchive<T>(
  archive: IndexedArchive,
  use: (archive: IndexedArchive) => Promise<T>
): Promise<T> {
  try {
    return await use(archive)
  } catch (error) {
    await removeTemporary(archive)()
    throw error
  }
}

// oci-archive:FILE[:NAME]

async function openOciArchive(
  reference: string,
  rest: string,
  selection: Selection,
  workDir: string
): Promise<ImageSource> {
  const { path, name } = splitPathAndName(reference, rest)
  const archive = await indexArchive(reference, path, workDir)
  return withArchive(archive, async () => {
    const indexEntry = findEntry(reference, archive, 'index.json', 'index.json')
    if (indexEntry === undefined) {
      throw new UserError(
        `image ${reference}: ${path} is not an OCI archive (it has no index.json)${archive.entries.has('manifest.json') ? '; it is a docker save archive: give docker-archive:' + path : ''}`
      )
    }
    const index = parseJson<ImageIndex>(
      reference,
      await readEntry(reference, archive, indexEntry, 'index.json'),
      'index.json'
    )
    const store = archiveStore(reference, archive)
    const { digest, manifest } = await resolveFromIndex(
      reference,
      store,
      index,
      name,
      selection,
      `oci-archive:${path}`
    )
    return assemble(reference, store, digest, manifest, selection, removeTemporary(archive))
  })
}

function parseJson<T>(reference: string, bytes: Buffer, what: string): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T
  } catch {
    throw new UserError(`image ${reference}: ${what} is not valid JSON`)
  }
}

// docker-archive:FILE[:NAME|@INDEX]

interface DockerManifestEntry {
  Config?: unknown
  RepoTags?: unknown
  Layers?: unknown
}

async function openDockerArchive(
  reference: string,
  rest: string,
  selection: Selection,
  workDir: string
): Promise<ImageSource> {
  const { path, name } = splitPathAndName(reference, rest)
  const archive = await indexArchive(reference, path, workDir)
  return withArchive(archive, async () => {
    const manifestEntry = findEntry(reference, archive, 'manifest.json', 'manifest.json')
    if (manifestEntry === undefined) {
      throw new UserError(
        `image ${reference}: ${path} is not a docker save archive (it has no manifest.json)${archive.entries.has('index.json') ? '; for an OCI archive give oci-archive:' + path : ''}`
      )
    }
    const images = parseJson<unknown>(
      reference,
      await readEntry(reference, archive, manifestEntry, 'manifest.json'),
      'manifest.json'
    )
    if (!Array.isArray(images) || images.length === 0) {
      throw new UserError(`image ${reference}: manifest.json lists no images`)
    }
    const image = pickDockerImage(reference, images as DockerManifestEntry[], name)
    if (typeof image.Config !== 'string') {
      throw new UserError(`image ${reference}: manifest.json names no Config`)
    }
    if (!Array.isArray(image.Layers) || image.Layers.some((layer) => typeof layer !== 'string')) {
      throw new UserError(`image ${reference}: manifest.json has no Layers list`)
    }
    const layerNames = image.Layers as string[]

    const configEntry = findEntry(reference, archive, image.Config, 'the image config')
    if (configEntry === undefined) {
      throw new UserError(`image ${reference}: the image config ${image.Config} is missing`)
    }
    const configBytes = await readEntry(reference, archive, configEntry, image.Config)
    const configDigest = sha256Digest(configBytes)
    const named = hexOfName(image.Config)
    if (named !== undefined && configDigest !== `sha256:${named}`) {
      throw new UserError(
        `image ${reference}: the image config ${image.Config} is corrupt (its bytes hash to ${configDigest})`
      )
    }
    const config = parseConfig(reference, configBytes, layerNames.length)

    const layerEntries: ArchiveEntry[] = []
    const layers: LayerDescriptor[] = []
    for (const [position, layerName] of layerNames.entries()) {
      const entry = findEntry(reference, archive, layerName, 'layer')
      if (entry === undefined) {
        throw new UserError(
          `image ${reference}: layer ${layerName} named in manifest.json is missing from the archive`
        )
      }
      layerEntries.push(entry)
      const magic = await readHead(archive, entry)
      const mediaType = isGzip(magic)
        ? mediaTypes.ociLayerGzip
        : isZstd(magic)
          ? mediaTypes.ociLayerZstd
          : mediaTypes.ociLayer
      const hex = hexOfName(layerName)
      const digest =
        hex !== undefined
          ? `sha256:${hex}`
          : mediaType === mediaTypes.ociLayer
            ? (config.rootfs.diff_ids[position] as string)
            : await hashEntry(archive, entry)
      layers.push({ digest, size: entry.size, mediaType })
    }

    const manifestDigest = await dockerManifestDigest(reference, archive, configDigest)
    const platform = configPlatform(config)
    if (
      selection.explicit &&
      platform !== undefined &&
      !platformMatches(selection.wanted, platform)
    ) {
      throw new UserError(
        `image ${reference} is ${formatPlatform(platform)}, not ${formatPlatform(selection.wanted)}; leave the platform out or give ${formatPlatform(platform)}`
      )
    }
    return {
      reference,
      manifestDigest,
      configDigest,
      platform: platform === undefined ? 'unknown' : formatPlatform(platform),
      config,
      layers,
      openLayer: (index: number) => {
        const entry = layerEntries[index]
        if (entry === undefined) {
          return Promise.reject(
            new RangeError(`image ${reference} has ${layers.length} layers, not ${index + 1}`)
          )
        }
        return Promise.resolve(openEntry(archive, entry))
      },
      close: removeTemporary(archive)
    }
  })
}

function pickDockerImage(
  reference: string,
  images: DockerManifestEntry[],
  name: string | undefined
): DockerManifestEntry {
  const tagsOf = (image: DockerManifestEntry): string[] =>
    Array.isArray(image.RepoTags)
      ? image.RepoTags.filter((tag): tag is string => typeof tag === 'string')
      : []
  const allTags = images.flatMap(tagsOf)
  if (name === undefined) {
    if (images.length === 1) return images[0] as DockerManifestEntry
    throw new UserError(
      `image ${reference}: the archive holds ${images.length} images; name one (docker-archive:FILE:NAME or docker-archive:FILE:@INDEX)${allTags.length > 0 ? `, one of: ${allTags.join(', ')}` : ''}`
    )
  }
  if (/^@\d+$/.test(name)) {
    const found = images[Number(name.slice(1))]
    if (found === undefined) {
      throw new UserError(
        `image ${reference}: the archive holds ${images.length} images, numbered from @0`
      )
    }
    return found
  }
  const wanted = canonicalTag(name)
  const found = images.find((image) => tagsOf(image).some((tag) => canonicalTag(tag) === wanted))
  if (found === undefined) {
    throw new UserError(
      `image ${reference}: the archive has no image tagged '${name}'${allTags.length > 0 ? ` (it has: ${allTags.join(', ')})` : ''}`
    )
  }
  return found
}

function canonicalTag(tag: string): string {
  try {
    return formatReference(parseReference(tag))
  } catch {
    return tag
  }
}

/** The hex digest in `blobs/sha256/<hex>`, `<hex>.json` or `<hex>.tar`, if the name is one. */
function hexOfName(name: string): string | undefined {
  const normalized = normalizeEntryName(name)
  return (
    /^blobs\/sha256\/([a-f0-9]{64})$/.exec(normalized)?.[1] ??
    /^([a-f0-9]{64})\.(?:json|tar)$/.exec(normalized)?.[1]
  )
}

async function readHead(archive: IndexedArchive, entry: ArchiveEntry): Promise<Buffer> {
  const length = Math.min(4, entry.size)
  if (length === 0) return Buffer.alloc(0)
  const handle = await fs.open(archive.file, 'r')
  try {
    const head = Buffer.alloc(length)
    await handle.read(head, 0, length, entry.start)
    return head
  } finally {
    await handle.close()
  }
}

async function hashEntry(archive: IndexedArchive, entry: ArchiveEntry): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of openEntry(archive, entry)) hash.update(chunk as Buffer)
  return `sha256:${hash.digest('hex')}`
}

function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b
}

function isZstd(head: Buffer): boolean {
  return head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528
}

/**
 * Docker ≥ 25 also writes an OCI index.json: the manifest there whose config is this image's
 * gives the manifest digest. A legacy archive has none: ''.
 */
async function dockerManifestDigest(
  reference: string,
  archive: IndexedArchive,
  configDigest: string
): Promise<string> {
  const indexEntry = findEntry(reference, archive, 'index.json', 'index.json')
  if (indexEntry === undefined) return ''
  const store = archiveStore(reference, archive)
  let index: ImageIndex
  try {
    index = JSON.parse(
      (await readEntry(reference, archive, indexEntry, 'index.json')).toString('utf8')
    ) as ImageIndex
  } catch {
    return ''
  }
  const queue = Array.isArray(index.manifests) ? [...index.manifests] : []
  for (let visited = 0; visited < 64 && queue.length > 0; visited++) {
    const descriptor = queue.shift() as Descriptor
    if (typeof descriptor?.digest !== 'string' || !digestPattern.test(descriptor.digest)) continue
    let document: ImageManifest & ImageIndex
    try {
      document = JSON.parse((await store.read(descriptor.digest)).toString('utf8')) as never
    } catch {
      continue
    }
    if (Array.isArray(document.manifests)) queue.push(...document.manifests)
    else if (document.config?.digest === configDigest) return descriptor.digest
  }
  return ''
}

// ---------------------------------------------------------------------------------------------
// docker://REF and REF

async function openRegistry(
  reference: string,
  text: string,
  selection: Selection,
  options: OpenImageOptions
): Promise<ImageSource> {
  let parsed: ImageReference
  try {
    parsed = parseReference(text)
  } catch (error) {
    throw new UserError(
      `image ${reference}: ${messageOf(error)} (or give oci:DIR, oci-archive:FILE or docker-archive:FILE)`
    )
  }
  const owned = options.client === undefined
  const client =
    options.client ??
    new RegistryClient({
      ...(options.insecureRegistries !== undefined && {
        insecureRegistries: options.insecureRegistries
      }),
      ...(options.credentials !== undefined && { credentials: options.credentials })
    })
  const close = (): Promise<void> => {
    if (owned) client.close()
    return Promise.resolve()
  }
  try {
    const store: BlobStore = {
      read: (digest) => client.getBlob(parsed, digest),
      open: (digest) => client.openBlob(parsed, digest)
    }
    const top = await client.getManifest(parsed)
    let current = { bytes: top.bytes, mediaType: bareMediaType(top.mediaType), digest: top.digest }
    for (let depth = 0; ; depth++) {
      if (depth >= 8) throw new UserError(`image ${reference}: its indexes nest too deep`)
      if (isIndex(current.mediaType)) {
        const index = parseJson<ImageIndex>(reference, current.bytes, 'the index')
        if (!Array.isArray(index.manifests)) {
          throw new UserError(`image ${reference}: index ${current.digest} has no manifests`)
        }
        const chosen = pickPlatform(reference, index.manifests, selection)
        checkDigest(reference, chosen.digest)
        const next = await client.getManifest({ ...parsed, digest: chosen.digest })
        current = {
          bytes: next.bytes,
          mediaType: bareMediaType(next.mediaType),
          digest: next.digest
        }
        continue
      }
      if (!isImageManifest(current.mediaType)) {
        throw new UserError(
          `image ${reference}: the registry sent a ${current.mediaType || 'manifest of unknown type'}, not an OCI or Docker schema 2 image manifest`
        )
      }
      break
    }
    const manifest = parseJson<ImageManifest>(reference, current.bytes, 'the manifest')
    return await assemble(reference, store, current.digest, manifest, selection, close)
  } catch (error) {
    await close()
    throw error
  }
}
