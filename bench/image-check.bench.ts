/**
 * Image walk: the layer walker (openImage + walkLayers: stream, gunzip, hash, parse, apply
 * whiteouts, keep /etc bodies) against extracting the same layer blobs with `tar -xzf`, in the
 * same order, into a temporary folder. The image is an OCI layout of about 1 GB uncompressed in
 * 5 gzip layers: many small files and some large ones, filled by a deterministic pseudo-random
 * generator so gzip compresses it about as well as real binaries and text. Measured: median wall
 * time of 3 runs each, and the walk's peak RSS in a child process, for the 1 GB image and a
 * 250 MB one, to show that memory follows the number of entries, not the bytes.
 *
 * The generated layouts are cached under os.tmpdir()/runnerkit-bench-cache, keyed by size.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import tarStream from 'tar-stream'
import { openImage } from '../src/oci/image-source.js'
import { initLayout, blobPath, writeImage } from '../src/oci/layout.js'
import { walkLayers } from '../src/oci/layer-walker.js'
import { mediaTypes, type Descriptor } from '../src/oci/media-types.js'
import { machine, median, printTable } from './machine.js'

const MiB = 1024 * 1024
const runs = 3
const layerCount = 5
const cacheRoot = join(tmpdir(), 'runnerkit-bench-cache')
const keepContent = (path: string): boolean =>
  path === 'etc/passwd' ||
  path === 'etc/group' ||
  path === 'etc/shadow' ||
  path === 'etc/sudoers' ||
  path.startsWith('etc/sudoers.d/')

// ---------------------------------------------------------------------------------------------
// child mode: one walk, reported as JSON

if (process.argv[2] === '--walk') {
  const layout = process.argv[3] as string
  const started = performance.now()
  const source = await openImage(`oci:${layout}:bench`, {
    workDir: join(tmpdir(), `runnerkit-bench-walk-${process.pid}`)
  })
  const filesystem = await walkLayers(source, { keepContent })
  const ms = performance.now() - started
  await source.close()
  console.log(
    JSON.stringify({
      ms,
      maxRssKiB: process.resourceUsage().maxRSS,
      entries: filesystem.entries.size,
      kept: filesystem.content.size
    })
  )
  process.exit(0)
}

// ---------------------------------------------------------------------------------------------
// the image

/** xorshift32: fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1
  return () => {
    state ^= state << 13
    state >>>= 0
    state ^= state >>> 17
    state ^= state << 5
    state >>>= 0
    return state
  }
}

/**
 * File bodies: runs copied from a 16 KiB vocabulary of "words" (compressible, like text and
 * code) mixed with runs of raw pseudo-random bytes (like compressed assets). gzip -6 gets
 * about 2.5–3×, which is where real image layers are.
 */
function filler(seed: number): (size: number) => Buffer {
  const next = random(seed)
  const vocabulary = Buffer.alloc(16 * 1024)
  const letters = 'abcdefghijklmnopqrstuvwxyz_/.-=0123456789 \n'
  for (let index = 0; index < vocabulary.length; index++) {
    vocabulary[index] = letters.charCodeAt(next() % letters.length)
  }
  return (size: number) => {
    const body = Buffer.allocUnsafe(size)
    let offset = 0
    while (offset < size) {
      const roll = next()
      const length = Math.min(size - offset, 8 + (roll % 120))
      if (roll % 100 < 8) {
        // incompressible run
        for (let index = 0; index < length; index += 4) {
          const value = next()
          body[offset + index] = value & 0xff
          if (index + 1 < length) body[offset + index + 1] = (value >>> 8) & 0xff
          if (index + 2 < length) body[offset + index + 2] = (value >>> 16) & 0xff
          if (index + 3 < length) body[offset + index + 3] = (value >>> 24) & 0xff
        }
      } else {
        const start = next() % (vocabulary.length - length)
        vocabulary.copy(body, offset, start, start + length)
      }
      offset += length
    }
    return body
  }
}

interface PlannedEntry {
  name: string
  size: number
  type?: 'file' | 'directory'
  mode?: number
}

/** One layer's entries: about 40% of its bytes in small files, the rest in large ones. */
function planLayer(layer: number, bytes: number): PlannedEntry[] {
  const next = random(1000 + layer)
  const entries: PlannedEntry[] = []
  if (layer === 0) {
    entries.push({ name: 'etc/', size: 0, type: 'directory' })
    entries.push({ name: 'usr/bin/sudo', size: 200_000, mode: 0o4755 })
  }
  entries.push({ name: 'etc/passwd', size: 1200 + layer * 60 })
  entries.push({ name: 'etc/group', size: 700 + layer * 30 })
  if (layer > 0) {
    entries.push({ name: `usr/share/pkg${layer - 1}/.wh.dir0`, size: 0 })
    entries.push({ name: 'usr/bin/.wh.sudo', size: 0 })
  }
  let small = Math.floor(bytes * 0.4)
  let directory = 0
  let inDirectory = 0
  while (small > 0) {
    if (inDirectory === 0)
      entries.push({ name: `usr/share/pkg${layer}/dir${directory}/`, size: 0, type: 'directory' })
    const size = 256 + (next() % (16 * 1024))
    entries.push({ name: `usr/share/pkg${layer}/dir${directory}/file${inDirectory}.dat`, size })
    small -= size
    if (++inDirectory === 200) {
      inDirectory = 0
      directory++
    }
  }
  let large = bytes - Math.floor(bytes * 0.4)
  for (let index = 0; large > 0; index++) {
    const size = Math.min(large, 4 * MiB + (next() % (28 * MiB)))
    entries.push({ name: `opt/app${layer}/lib/big${index}.so`, size, mode: 0o755 })
    large -= size
  }
  return entries
}

async function writeLayer(
  layout: string,
  layer: number,
  bytes: number
): Promise<{ descriptor: Descriptor; diffId: string }> {
  const fill = filler(layer + 7)
  const pack = tarStream.pack()
  const producing = (async () => {
    for (const entry of planLayer(layer, bytes)) {
      const header = {
        name: entry.name,
        type: entry.type ?? 'file',
        mode: entry.mode ?? (entry.type === 'directory' ? 0o755 : 0o644),
        mtime: new Date(0),
        uid: 0,
        gid: 0
      }
      await new Promise<void>((resolve, reject) => {
        const done = (error?: Error | null): void => (error ? reject(error) : resolve())
        if (entry.type === 'directory') pack.entry(header, done).end(null)
        else pack.entry(header, fill(entry.size), done)
      })
    }
    pack.finalize()
  })()
  const diff = createHash('sha256')
  const stored = createHash('sha256')
  let size = 0
  const temporary = join(layout, `layer-${layer}.tmp`)
  await Promise.all([
    producing,
    pipeline(
      pack as unknown as NodeJS.ReadableStream,
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          diff.update(chunk)
          done(null, chunk)
        }
      }),
      createGzip({ level: 6 }),
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          stored.update(chunk)
          size += chunk.length
          done(null, chunk)
        }
      }),
      createWriteStream(temporary)
    )
  ])
  const digest = `sha256:${stored.digest('hex')}`
  const { renameSync } = await import('node:fs')
  renameSync(temporary, blobPath(layout, digest))
  return {
    descriptor: { mediaType: mediaTypes.ociLayerGzip, digest, size },
    diffId: `sha256:${diff.digest('hex')}`
  }
}

async function benchImage(
  totalMiB: number
): Promise<{ layout: string; layers: Descriptor[]; generatedMs?: number }> {
  const directory = join(cacheRoot, `image-${totalMiB}MiB-v2`)
  const layout = join(directory, 'layout')
  const marker = join(directory, 'complete.json')
  if (existsSync(marker)) {
    const { layers } = JSON.parse((await import('node:fs')).readFileSync(marker, 'utf8')) as {
      layers: Descriptor[]
    }
    return { layout, layers }
  }
  rmSync(directory, { recursive: true, force: true })
  mkdirSync(directory, { recursive: true })
  const started = performance.now()
  await initLayout(layout)
  const layers: Descriptor[] = []
  const diffIds: string[] = []
  for (let layer = 0; layer < layerCount; layer++) {
    const { descriptor, diffId } = await writeLayer(
      layout,
      layer,
      Math.floor((totalMiB * MiB) / layerCount)
    )
    layers.push(descriptor)
    diffIds.push(diffId)
  }
  await writeImage(
    layout,
    {
      architecture: 'amd64',
      os: 'linux',
      config: { User: 'runner', Env: ['PATH=/usr/bin:/bin'] },
      rootfs: { type: 'layers', diff_ids: diffIds }
    },
    layers,
    'bench'
  )
  writeFileSync(marker, JSON.stringify({ layers }))
  return { layout, layers, generatedMs: performance.now() - started }
}

// ---------------------------------------------------------------------------------------------
// measuring

interface WalkRun {
  ms: number
  maxRssKiB: number
  entries: number
  kept: number
}

const self = fileURLToPath(import.meta.url)

function walkOnce(layout: string): WalkRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--walk', layout], {
    encoding: 'utf8',
    maxBuffer: 16 * MiB
  })
  if (result.status !== 0) throw new Error(`walk failed:\n${result.stderr}`)
  const line = result.stdout.trim().split('\n').pop() ?? ''
  return JSON.parse(line) as WalkRun
}

function tarOnce(layout: string, layers: Descriptor[]): number {
  const target = mkdtempSync(join(tmpdir(), 'runnerkit-bench-tar-'))
  try {
    const started = performance.now()
    for (const layer of layers) {
      const result = spawnSync('tar', ['-xzf', blobPath(layout, layer.digest), '-C', target], {
        stdio: ['ignore', 'ignore', 'pipe']
      })
      if (result.status !== 0) throw new Error(`tar -xzf failed: ${String(result.stderr)}`)
    }
    return performance.now() - started
  } finally {
    rmSync(target, { recursive: true, force: true })
  }
}

const sizes = [1024, 256]
const rows: Array<[string, string]> = [['machine', machine()]]
const summary: Record<string, unknown> = { bench: 'image-walk', machine: machine() }
for (const totalMiB of sizes) {
  const { layout, layers, generatedMs } = await benchImage(totalMiB)
  const compressed = layers.reduce((sum, layer) => sum + layer.size, 0)
  // One warm-up of each, so both read the blobs from the page cache.
  walkOnce(layout)
  tarOnce(layout, layers)
  const walks: WalkRun[] = []
  const tars: number[] = []
  for (let run = 0; run < runs; run++) {
    walks.push(walkOnce(layout))
    tars.push(tarOnce(layout, layers))
  }
  const walkMs = median(walks.map((run) => run.ms))
  const tarMs = median(tars)
  const rssMiB = Math.max(...walks.map((run) => run.maxRssKiB)) / 1024
  const ratio = walkMs / tarMs
  const label = `${totalMiB} MiB image`
  rows.push(
    [
      label,
      `${layers.length} gzip layers, ${(compressed / MiB).toFixed(0)} MiB compressed, ${walks[0]?.entries ?? 0} entries${generatedMs !== undefined ? ` (generated in ${(generatedMs / 1000).toFixed(1)} s)` : ' (cached)'}`
    ],
    ['  walkLayers, median of 3', `${(walkMs / 1000).toFixed(2)} s`],
    ['  tar -xzf of the same blobs, median of 3', `${(tarMs / 1000).toFixed(2)} s`],
    ['  walk / tar', `${ratio.toFixed(2)}× (target ≤ 1.25×)`],
    ['  walk peak RSS (child process)', `${rssMiB.toFixed(0)} MiB`]
  )
  summary[`walkMs${totalMiB}`] = Math.round(walkMs)
  summary[`tarMs${totalMiB}`] = Math.round(tarMs)
  summary[`ratio${totalMiB}`] = Number(ratio.toFixed(2))
  summary[`peakRssMiB${totalMiB}`] = Math.round(rssMiB)
  summary[`entries${totalMiB}`] = walks[0]?.entries ?? 0
}
printTable(rows)
console.log(JSON.stringify(summary))
