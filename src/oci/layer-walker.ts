/**
 * Rebuilds an image's merged filesystem as metadata, streaming each layer once, in order,
 * without extracting anything: compression is sniffed from the magic bytes (gzip, zstd or a
 * plain tar, whatever the media type says), the tar is parsed as it flows, and OCI whiteouts
 * are applied (image-spec `layer.md`). Only the bodies of the few files asked for are kept, so
 * memory grows with the number of entries, never with the bytes. Each layer's uncompressed
 * bytes are hashed on the way and must match the config's rootfs.diff_ids.
 */
import { createHash } from 'node:crypto'
import { posix } from 'node:path'
import { Readable, Transform, pipeline } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { Decompress } from 'fzstd'
import tarStream from 'tar-stream'
import { UserError, messageOf } from '../errors.js'
import type { ImageSource } from './image-source.js'

export interface FsEntry {
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'
  /** Permission bits, with setuid (0o4000), setgid (0o2000) and sticky (0o1000). */
  mode: number
  uid: number
  gid: number
  size: number
  /** A symlink's target as written; a hardlink's target path, normalised ('usr/bin/x'). */
  linkname?: string
}

export interface ImageFilesystem {
  /** Every path of the merged image, normalised: 'etc/passwd', no leading '/' or './'. */
  entries: Map<string, FsEntry>
  /** Bodies of the kept files (keepContent and at most maxContentBytes), by path. */
  content: Map<string, Buffer>
}

export interface WalkOptions {
  /** Whether to keep the body of the regular file at `path` ('etc/passwd'). */
  keepContent: (path: string) => boolean
  /** Bodies larger than this are not kept. Default 1 MiB. */
  maxContentBytes?: number
}

const defaultMaxContentBytes = 1024 * 1024
const maxLinkHops = 40
const whiteoutPrefix = '.wh.'
const opaqueMarker = '.wh..wh..opq'

interface LayerChange {
  opaque: string[]
  whiteouts: string[]
  added: Array<{ path: string; entry: FsEntry; body?: Buffer }>
}

export async function walkLayers(
  source: ImageSource,
  options: WalkOptions
): Promise<ImageFilesystem> {
  const tree = new MergedTree()
  const maxContentBytes = options.maxContentBytes ?? defaultMaxContentBytes
  const diffIds = source.config.rootfs.diff_ids
  for (const [index, layer] of source.layers.entries()) {
    const expected = diffIds[index]
    const what = `image ${source.reference}: layer ${index + 1} of ${source.layers.length} (${layer.digest})`
    const raw = await source.openLayer(index)
    const { change, diffId } = await readLayer(raw, what, options.keepContent, maxContentBytes)
    if (diffId !== expected) {
      throw new UserError(
        `${what} does not match the image config: its content hashes to ${diffId}, rootfs.diff_ids[${index}] is ${String(expected)}; the image is corrupt, rebuild or re-pull it`
      )
    }
    tree.apply(change)
  }
  return { entries: tree.entries, content: tree.content }
}

/**
 * The entry `path` names in the merged image, following symlinks (absolute and relative, in
 * any component: bin/sudo → usr/bin/sudo) and hardlinks; undefined when it does not exist or a
 * link dangles or loops.
 */
export function resolvePath(filesystem: ImageFilesystem, path: string): FsEntry | undefined {
  const real = realPath(filesystem, path)
  return real === undefined ? undefined : filesystem.entries.get(real)
}

/**
 * The path `path` ends at once every symlink and hardlink is followed ('bin/sudo' →
 * 'usr/bin/sudo'): the key of its entry and, for a kept file, of its content.
 */
export function realPath(filesystem: ImageFilesystem, path: string): string | undefined {
  let pending = splitPath(path)
  let resolved: string[] = []
  let hops = 0
  while (pending.length > 0) {
    const component = pending.shift() as string
    if (component === '..') {
      resolved.pop()
      continue
    }
    const candidate = [...resolved, component].join('/')
    const entry = filesystem.entries.get(candidate)
    if (entry === undefined) return undefined
    if (entry.type === 'symlink') {
      if (++hops > maxLinkHops) return undefined
      const target = entry.linkname ?? ''
      if (target.startsWith('/')) resolved = []
      pending = [...splitPath(target), ...pending]
      continue
    }
    if (entry.type === 'hardlink' && entry.linkname !== undefined) {
      const target = filesystem.entries.get(entry.linkname)
      if (target !== undefined) {
        if (++hops > maxLinkHops) return undefined
        resolved = []
        pending = [...splitPath(entry.linkname), ...pending]
        continue
      }
    }
    if (pending.length > 0 && entry.type !== 'directory') return undefined
    resolved.push(component)
  }
  return resolved.length === 0 ? undefined : resolved.join('/')
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part !== '' && part !== '.')
}

/** `./usr//bin/` → `usr/bin`; `..` cannot climb above the root. */
export function normalizeLayerPath(name: string): string {
  const normalized = posix.normalize(`/${name}`)
  return normalized === '/' ? '' : normalized.replace(/^\/+/, '').replace(/\/+$/, '')
}

// ---------------------------------------------------------------------------------------------
// one layer

async function readLayer(
  raw: Readable,
  what: string,
  keepContent: (path: string) => boolean,
  maxContentBytes: number
): Promise<{ change: LayerChange; diffId: string }> {
  const change: LayerChange = { opaque: [], whiteouts: [], added: [] }
  const hash = createHash('sha256')
  const extract = tarStream.extract()
  let tarError: Error | undefined
  const parsed = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, body, next) => {
      // A tar cut short errors the entry stream too; the extract's error is the one reported.
      body.on('error', () => undefined)
      try {
        const kept = onEntry(change, header, keepContent, maxContentBytes)
        if (kept === undefined) {
          body.on('end', () => next())
          body.resume()
          return
        }
        const chunks: Buffer[] = []
        body.on('data', (chunk: unknown) => chunks.push(chunk as Buffer))
        body.on('end', () => {
          kept.body = Buffer.concat(chunks)
          next()
        })
      } catch (error) {
        next(error instanceof Error ? error : new Error(String(error)))
      }
    })
    extract.on('finish', () => resolve())
    extract.on('error', (error: Error) => {
      tarError ??= error
      reject(error)
    })
  })
  parsed.catch(() => undefined)

  let input: AsyncIterable<unknown> | undefined
  let compression = 'plain'
  try {
    const sniffed = await sniff(raw)
    compression = sniffed.compression
    input = sniffed.stream
    for await (const chunk of input) {
      const bytes = chunk as Buffer
      hash.update(bytes)
      if (!extract.write(bytes)) {
        await Promise.race([
          new Promise<void>((resolve) => extract.once('drain', () => resolve())),
          parsed
        ])
      }
      if (tarError !== undefined) break
    }
    if (tarError === undefined) extract.end(null)
    await parsed
  } catch (error) {
    raw.destroy()
    extract.destroy()
    if (error instanceof UserError) throw error
    if (tarError !== undefined) {
      throw new UserError(`${what} is not a valid tar (${tarError.message})`)
    }
    const code = (error as { code?: unknown }).code
    if (compression !== 'plain' && (typeof code === 'string' || typeof code === 'number')) {
      throw new UserError(`${what} is not valid ${compression} (${messageOf(error)})`)
    }
    throw new UserError(`${what} could not be read: ${messageOf(error)}`)
  }
  return { change, diffId: `sha256:${hash.digest('hex')}` }
}

/** Records one tar entry; returns the record whose body is to be kept, if it is. */
function onEntry(
  change: LayerChange,
  header: tarStream.Header,
  keepContent: (path: string) => boolean,
  maxContentBytes: number
): LayerChange['added'][number] | undefined {
  const path = normalizeLayerPath(header.name)
  if (path === '') return undefined
  const slash = path.lastIndexOf('/')
  const directory = slash === -1 ? '' : path.slice(0, slash)
  const base = path.slice(slash + 1)
  if (base.startsWith(whiteoutPrefix)) {
    if (base === opaqueMarker) change.opaque.push(directory)
    else if (!base.startsWith(`${whiteoutPrefix}${whiteoutPrefix}`)) {
      // `.wh..wh.*` other than the opaque marker are aufs bookkeeping: hidden, no effect.
      const name = base.slice(whiteoutPrefix.length)
      if (name !== '' && name !== '.' && name !== '..') {
        change.whiteouts.push(directory === '' ? name : `${directory}/${name}`)
      }
    }
    return undefined
  }
  const type = entryType(header.type)
  const entry: FsEntry = {
    type,
    mode: (header.mode ?? 0) & 0o7777,
    uid: header.uid ?? 0,
    gid: header.gid ?? 0,
    size: type === 'file' ? (header.size ?? 0) : 0
  }
  if (type === 'symlink') entry.linkname = header.linkname ?? ''
  if (type === 'hardlink') entry.linkname = normalizeLayerPath(header.linkname ?? '')
  const record: LayerChange['added'][number] = { path, entry }
  change.added.push(record)
  if (type === 'file' && entry.size <= maxContentBytes && keepContent(path)) return record
  return undefined
}

function entryType(type: tarStream.Header['type']): FsEntry['type'] {
  switch (type) {
    case 'file':
    case 'contiguous-file':
      return 'file'
    case 'directory':
      return 'directory'
    case 'symlink':
      return 'symlink'
    case 'link':
      return 'hardlink'
    default:
      return 'other'
  }
}

/** The layer's uncompressed bytes, whichever way they were stored. */
async function sniff(
  raw: Readable
): Promise<{ compression: string; stream: AsyncIterable<unknown> }> {
  const iterator = (raw as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let length = 0
  let ended = false
  while (length < 4 && !ended) {
    const next = await iterator.next()
    if (next.done === true) ended = true
    else {
      head.push(next.value)
      length += next.value.length
    }
  }
  const prefix = Buffer.concat(head)
  async function* bytes(): AsyncGenerator<Buffer> {
    if (prefix.length > 0) yield prefix
    if (ended) return
    for (;;) {
      const next = await iterator.next()
      if (next.done === true) return
      yield next.value
    }
  }
  if (prefix[0] === 0x1f && prefix[1] === 0x8b) {
    const gunzip = createGunzip({ chunkSize: 128 * 1024 })
    return {
      compression: 'gzip',
      stream: pipeline(Readable.from(bytes()), gunzip, () => undefined)
    }
  }
  if (prefix.length >= 4 && prefix.readUInt32LE(0) === 0xfd2fb528) {
    return {
      compression: 'zstd',
      stream: pipeline(Readable.from(bytes()), zstdDecompressor(), () => undefined)
    }
  }
  return { compression: 'plain', stream: bytes() }
}

/** fzstd's streaming decompressor as a Transform. */
function zstdDecompressor(): Transform {
  let decompress: Decompress | undefined
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decompress ??= new Decompress((data) => {
          if (data.length > 0) this.push(Buffer.from(data.buffer, data.byteOffset, data.length))
        })
        decompress.push(chunk)
        done()
      } catch (error) {
        done(zstdError(error))
      }
    },
    flush(done) {
      try {
        decompress?.push(new Uint8Array(0), true)
        done()
      } catch (error) {
        done(zstdError(error))
      }
    }
  })
}

function zstdError(error: unknown): Error {
  const wrapped = new Error(messageOf(error)) as Error & { code: string }
  wrapped.code = 'ZSTD_ERROR'
  return wrapped
}

// ---------------------------------------------------------------------------------------------
// the merged view

class MergedTree {
  readonly entries = new Map<string, FsEntry>()
  readonly content = new Map<string, Buffer>()
  /** Directory path ('' is the root) → the names of its children in `entries`. */
  private readonly children = new Map<string, Set<string>>()

  /**
   * One layer: its opaque directories lose their lower children, its whiteouts delete lower
   * paths with their subtrees, then its own entries go in (its whiteouts never touch them).
   */
  apply(change: LayerChange): void {
    for (const directory of change.opaque) {
      const names = this.children.get(directory)
      if (names === undefined) continue
      for (const name of [...names]) this.remove(directory === '' ? name : `${directory}/${name}`)
    }
    for (const path of change.whiteouts) this.remove(path)
    for (const { path, entry, body } of change.added) this.insert(path, entry, body)
  }

  private insert(path: string, entry: FsEntry, body: Buffer | undefined): void {
    const existing = this.entries.get(path)
    if (existing !== undefined) {
      // A directory over a directory keeps its children; anything else replaces what was there.
      if (!(existing.type === 'directory' && entry.type === 'directory')) this.remove(path)
    }
    this.ensureParents(path)
    if (entry.type === 'hardlink' && entry.linkname !== undefined) {
      const target = this.entries.get(entry.linkname)
      if (target !== undefined) entry.size = target.size
      const targetBody = this.content.get(entry.linkname)
      if (body === undefined && targetBody !== undefined) body = targetBody
    }
    this.entries.set(path, entry)
    this.link(path)
    if (body !== undefined) this.content.set(path, body)
    else this.content.delete(path)
  }

  /** Parents a tar leaves implicit exist as directories, as an extractor would create them. */
  private ensureParents(path: string): void {
    let slash = path.indexOf('/')
    while (slash !== -1) {
      const parent = path.slice(0, slash)
      const existing = this.entries.get(parent)
      if (existing === undefined || existing.type !== 'directory') {
        if (existing !== undefined) this.remove(parent)
        this.entries.set(parent, { type: 'directory', mode: 0o755, uid: 0, gid: 0, size: 0 })
        this.link(parent)
      }
      slash = path.indexOf('/', slash + 1)
    }
  }

  private link(path: string): void {
    const slash = path.lastIndexOf('/')
    const parent = slash === -1 ? '' : path.slice(0, slash)
    let names = this.children.get(parent)
    if (names === undefined) {
      names = new Set()
      this.children.set(parent, names)
    }
    names.add(slash === -1 ? path : path.slice(slash + 1))
  }

  /** Deletes a path and everything under it. */
  private remove(path: string): void {
    if (!this.entries.has(path)) return
    const stack = [path]
    while (stack.length > 0) {
      const current = stack.pop() as string
      this.entries.delete(current)
      this.content.delete(current)
      const names = this.children.get(current)
      if (names !== undefined) {
        for (const name of names) stack.push(`${current}/${name}`)
        this.children.delete(current)
      }
    }
    const slash = path.lastIndexOf('/')
    this.children.get(slash === -1 ? '' : path.slice(0, slash))?.delete(path.slice(slash + 1))
  }
}
