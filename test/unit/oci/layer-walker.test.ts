import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import { UserError } from '../../../src/errors.js'
import type { ImageSource } from '../../../src/oci/image-source.js'
import {
  normalizeLayerPath,
  realPath,
  resolvePath,
  walkLayers,
  type ImageFilesystem
} from '../../../src/oci/layer-walker.js'

interface TarEntry {
  name: string
  data?: Buffer | string
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo'
  linkname?: string
  mode?: number
  uid?: number
  gid?: number
}

/** A layer tar built in memory with tar-stream. */
async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const header = {
      name: entry.name,
      type,
      mtime: new Date(1e12),
      mode: entry.mode ?? (type === 'directory' ? 0o755 : 0o644),
      uid: entry.uid ?? 0,
      gid: entry.gid ?? 0,
      ...(entry.linkname !== undefined && { linkname: entry.linkname })
    }
    await new Promise<void>((resolve, reject) => {
      const callback = (error?: Error | null): void => (error ? reject(error) : resolve())
      if (type === 'file') pack.entry(header, Buffer.from(entry.data ?? ''), callback)
      else pack.entry(header, callback).end(null)
    })
  }
  pack.finalize()
  await collected
  return Buffer.concat(chunks)
}

/**
 * A zstd frame made of raw (stored) blocks: valid zstd that fzstd must decode, built without
 * a compressor so the unit tier needs nothing but Node.
 */
function zstdStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50])] // no FCS, 1 MiB window
  const blockSize = 128 * 1024
  for (let offset = 0; offset < data.length || offset === 0; offset += blockSize) {
    const block = data.subarray(offset, offset + blockSize)
    const last = offset + blockSize >= data.length ? 1 : 0
    const header = (block.length << 3) | last // block type 0: raw
    parts.push(Buffer.from([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), block)
    if (last) break
  }
  return Buffer.concat(parts)
}

type Compression = 'none' | 'gzip' | 'zstd'

function sha256(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

/** An ImageSource over in-memory layers, streamed in small chunks as a registry would. */
function sourceOf(
  tars: Buffer[],
  compression: Compression | Compression[] = 'none',
  diffIds = tars.map(sha256)
): ImageSource {
  const blobs = tars.map((tar, position) => {
    const how = Array.isArray(compression) ? (compression[position] ?? 'none') : compression
    return how === 'gzip' ? gzipSync(tar) : how === 'zstd' ? zstdStored(tar) : tar
  })
  return {
    reference: 'oci:/test:layers',
    manifestDigest: `sha256:${'0'.repeat(64)}`,
    configDigest: `sha256:${'1'.repeat(64)}`,
    platform: 'linux/amd64',
    config: { rootfs: { type: 'layers', diff_ids: diffIds } },
    layers: blobs.map((blob) => ({ digest: sha256(blob), size: blob.length, mediaType: '' })),
    openLayer: (index: number) => {
      const blob = blobs[index] as Buffer
      const chunks: Buffer[] = []
      for (let offset = 0; offset < blob.length; offset += 1000) {
        chunks.push(blob.subarray(offset, offset + 1000))
      }
      return Promise.resolve(Readable.from(chunks))
    },
    close: () => Promise.resolve()
  }
}

const keepEtc = (path: string): boolean => path.startsWith('etc/')

async function walk(
  tars: Buffer[],
  compression: Compression | Compression[] = 'none'
): Promise<ImageFilesystem> {
  return walkLayers(sourceOf(tars, compression), { keepContent: keepEtc })
}

function text(filesystem: ImageFilesystem, path: string): string | undefined {
  return filesystem.content.get(path)?.toString('utf8')
}

const passwdV1 = 'root:x:0:0:root:/root:/bin/bash\n'
const passwdV2 = `${passwdV1}runner:x:1000:1000::/home/runner:/bin/bash\n`

describe('walkLayers', () => {
  it('reads plain tar layers: types, modes, owners and kept bodies', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: './', type: 'directory' },
        { name: './etc/', type: 'directory' },
        { name: './etc/passwd', data: passwdV1 },
        { name: './home/runner/', type: 'directory', uid: 1000, gid: 1000, mode: 0o750 },
        { name: './tmp/', type: 'directory', mode: 0o1777 },
        { name: './usr/bin/tool', data: 'x'.repeat(10), mode: 0o755 },
        { name: './run/fifo', type: 'fifo' }
      ])
    ])
    expect([...filesystem.entries.keys()].sort()).toEqual([
      'etc',
      'etc/passwd',
      'home',
      'home/runner',
      'run',
      'run/fifo',
      'tmp',
      'usr',
      'usr/bin',
      'usr/bin/tool'
    ])
    expect(filesystem.entries.get('home/runner')).toEqual({
      type: 'directory',
      mode: 0o750,
      uid: 1000,
      gid: 1000,
      size: 0
    })
    expect(filesystem.entries.get('tmp')?.mode).toBe(0o1777)
    expect(filesystem.entries.get('usr/bin/tool')).toMatchObject({ type: 'file', size: 10 })
    expect(filesystem.entries.get('run/fifo')?.type).toBe('other')
    expect(text(filesystem, 'etc/passwd')).toBe(passwdV1)
    expect([...filesystem.content.keys()]).toEqual(['etc/passwd'])
  })

  it('reads gzip layers, sniffing the magic bytes rather than trusting a media type', async () => {
    const filesystem = await walk(
      [
        await tarOf([{ name: 'etc/passwd', data: passwdV1 }]),
        await tarOf([{ name: 'etc/group', data: 'root:x:0:\n' }])
      ],
      ['gzip', 'none']
    )
    expect(text(filesystem, 'etc/passwd')).toBe(passwdV1)
    expect(text(filesystem, 'etc/group')).toBe('root:x:0:\n')
  })

  it('reads zstd layers with fzstd', async () => {
    const big = Buffer.alloc(300_000, 'z')
    const filesystem = await walk(
      [
        await tarOf([
          { name: 'etc/passwd', data: passwdV1 },
          { name: 'opt/big.bin', data: big }
        ])
      ],
      'zstd'
    )
    expect(text(filesystem, 'etc/passwd')).toBe(passwdV1)
    expect(filesystem.entries.get('opt/big.bin')?.size).toBe(big.length)
  })

  it('deletes a file whited out by a later layer and hides the whiteout itself', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: 'usr/bin/sudo', data: 'sudo', mode: 0o4755 },
        { name: 'usr/bin/passwd', data: 'passwd', mode: 0o4755 }
      ]),
      await tarOf([{ name: 'usr/bin/.wh.sudo' }])
    ])
    expect(filesystem.entries.has('usr/bin/sudo')).toBe(false)
    expect(filesystem.entries.has('usr/bin/passwd')).toBe(true)
    expect([...filesystem.entries.keys()].some((path) => path.includes('.wh.'))).toBe(false)
  })

  it('deletes a whited-out directory with its whole subtree', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: 'opt/app/', type: 'directory' },
        { name: 'opt/app/bin/run', data: 'run' },
        { name: 'opt/app/etc/conf', data: 'conf' },
        { name: 'opt/application', data: 'not under opt/app' }
      ]),
      await tarOf([{ name: 'opt/.wh.app' }])
    ])
    expect([...filesystem.entries.keys()].sort()).toEqual(['opt', 'opt/application'])
  })

  it('applies an opaque directory before the same layer adds to it, hiding lower children only', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: 'etc/sudoers.d/', type: 'directory', mode: 0o750 },
        { name: 'etc/sudoers.d/runner', data: 'runner ALL=(ALL) NOPASSWD:ALL\n' },
        { name: 'etc/sudoers.d/old/nested', data: 'x' },
        { name: 'etc/sudoersX', data: 'a sibling, not a child' }
      ]),
      // The re-added entry comes before the marker in the tar: order inside a layer is irrelevant.
      await tarOf([
        { name: 'etc/sudoers.d/', type: 'directory', mode: 0o755 },
        { name: 'etc/sudoers.d/README', data: 'new\n' },
        { name: 'etc/sudoers.d/.wh..wh..opq' }
      ])
    ])
    expect(
      [...filesystem.entries.keys()].filter((path) => path.startsWith('etc/sudoers')).sort()
    ).toEqual(['etc/sudoers.d', 'etc/sudoers.d/README', 'etc/sudoersX'])
    expect(filesystem.entries.get('etc/sudoers.d')?.mode).toBe(0o755)
    expect(text(filesystem, 'etc/sudoers.d/README')).toBe('new\n')
    expect(filesystem.content.has('etc/sudoers.d/runner')).toBe(false)
  })

  it('does not apply a whiteout to an entry of its own layer', async () => {
    const filesystem = await walk([
      await tarOf([{ name: 'etc/motd', data: 'old\n' }]),
      await tarOf([{ name: 'etc/motd', data: 'new\n' }, { name: 'etc/.wh.motd' }])
    ])
    expect(text(filesystem, 'etc/motd')).toBe('new\n')
  })

  it('keeps the body of the latest layer that writes a file', async () => {
    const filesystem = await walk(
      [
        await tarOf([{ name: 'etc/passwd', data: passwdV1 }]),
        await tarOf([{ name: 'usr/share/doc', data: 'unrelated' }]),
        await tarOf([{ name: 'etc/passwd', data: passwdV2, mode: 0o600 }])
      ],
      'gzip'
    )
    expect(text(filesystem, 'etc/passwd')).toBe(passwdV2)
    expect(filesystem.entries.get('etc/passwd')).toMatchObject({
      mode: 0o600,
      size: passwdV2.length
    })
  })

  it('drops a kept body when a later layer whites the file out or replaces it with a link', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: 'etc/shadow', data: 'root:*:1::::::\n' },
        { name: 'etc/sudoers', data: '%sudo ALL=(ALL:ALL) NOPASSWD:ALL\n' }
      ]),
      await tarOf([
        { name: 'etc/.wh.shadow' },
        { name: 'etc/sudoers', type: 'symlink', linkname: '/dev/null' }
      ])
    ])
    expect(filesystem.content.has('etc/shadow')).toBe(false)
    expect(filesystem.entries.has('etc/shadow')).toBe(false)
    expect(filesystem.content.has('etc/sudoers')).toBe(false)
    expect(filesystem.entries.get('etc/sudoers')).toMatchObject({
      type: 'symlink',
      linkname: '/dev/null'
    })
  })

  it('keeps setuid, setgid and sticky bits', async () => {
    const filesystem = await walk([
      await tarOf([
        { name: 'usr/bin/passwd', data: 'p', mode: 0o4755 },
        { name: 'usr/bin/wall', data: 'w', mode: 0o2755, gid: 5 },
        { name: 'tmp/', type: 'directory', mode: 0o1777 }
      ])
    ])
    expect(filesystem.entries.get('usr/bin/passwd')?.mode).toBe(0o4755)
    expect(filesystem.entries.get('usr/bin/wall')).toMatchObject({ mode: 0o2755, gid: 5 })
    expect(filesystem.entries.get('tmp')?.mode).toBe(0o1777)
  })

  it('replacing a directory with a file removes the directory subtree', async () => {
    const filesystem = await walk([
      await tarOf([{ name: 'opt/tool/bin/x', data: 'x' }]),
      await tarOf([{ name: 'opt/tool', type: 'symlink', linkname: '/usr/lib/tool' }])
    ])
    expect([...filesystem.entries.keys()].sort()).toEqual(['opt', 'opt/tool'])
  })

  it('keeps bodies only up to maxContentBytes', async () => {
    const filesystem = await walkLayers(
      sourceOf([
        await tarOf([
          { name: 'etc/small', data: 'x'.repeat(10) },
          { name: 'etc/large', data: 'x'.repeat(11) }
        ])
      ]),
      { keepContent: keepEtc, maxContentBytes: 10 }
    )
    expect([...filesystem.content.keys()]).toEqual(['etc/small'])
    expect(filesystem.entries.get('etc/large')?.size).toBe(11)
  })

  it('fails naming the layer when its content does not match rootfs.diff_ids', async () => {
    const tars = [await tarOf([{ name: 'a', data: 'a' }]), await tarOf([{ name: 'b', data: 'b' }])]
    const source = sourceOf(tars, 'gzip', [sha256(tars[0] as Buffer), `sha256:${'f'.repeat(64)}`])
    const failure = walkLayers(source, { keepContent: keepEtc })
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(
      new RegExp(
        `layer 2 of 2 \\(${source.layers[1]?.digest}\\) does not match the image config: its content hashes to ${sha256(tars[1] as Buffer)}`
      )
    )
  })

  it('fails with a one-line error on a corrupt gzip layer', async () => {
    const tar = await tarOf([{ name: 'a', data: 'a'.repeat(5000) }])
    const gzipped = gzipSync(tar)
    gzipped.fill(0x55, 20, 60)
    const source = sourceOf([tar])
    source.openLayer = () => Promise.resolve(Readable.from([gzipped]))
    await expect(walkLayers(source, { keepContent: keepEtc })).rejects.toThrow(
      /layer 1 of 1 .* is not valid gzip/
    )
  })

  it('fails with a one-line error on a tar cut short', async () => {
    const tar = await tarOf([{ name: 'a', data: 'a'.repeat(5000) }])
    const cut = tar.subarray(0, 2048)
    const failure = walkLayers(sourceOf([cut]), { keepContent: keepEtc })
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(/layer 1 of 1 .* is not a valid tar/)
  })

  it('fails on a corrupt zstd layer', async () => {
    const tar = await tarOf([{ name: 'a', data: 'a' }])
    const bad = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x50, 0xff, 0xff, 0xff, 0xff, 0xff])
    const source = sourceOf([tar])
    source.openLayer = () => Promise.resolve(Readable.from([bad]))
    await expect(walkLayers(source, { keepContent: keepEtc })).rejects.toThrow(UserError)
  })

  it('walks an image with no layers', async () => {
    const filesystem = await walk([])
    expect(filesystem.entries.size).toBe(0)
  })
})

describe('resolvePath', () => {
  async function linked(): Promise<ImageFilesystem> {
    return walk([
      await tarOf([
        { name: 'bin', type: 'symlink', linkname: 'usr/bin' },
        { name: 'lib', type: 'symlink', linkname: '/usr/lib' },
        { name: 'usr/bin/sudo', data: 'sudo', mode: 0o4755 },
        { name: 'usr/bin/sudoedit', type: 'symlink', linkname: 'sudo' },
        { name: 'usr/bin/python3', type: 'symlink', linkname: '../lib/python/bin/python' },
        { name: 'usr/lib/python/bin/python', data: 'py', mode: 0o755 },
        { name: 'etc/passwd', data: passwdV1 },
        { name: 'etc/passwd-hard', type: 'link', linkname: 'etc/passwd' },
        { name: 'loop/a', type: 'symlink', linkname: 'b' },
        { name: 'loop/b', type: 'symlink', linkname: 'a' },
        { name: 'dangling', type: 'symlink', linkname: '/nowhere' },
        { name: 'escape', type: 'symlink', linkname: '../../../../etc/passwd' }
      ])
    ])
  }

  it('follows usrmerge: bin/sudo is usr/bin/sudo', async () => {
    const filesystem = await linked()
    expect(resolvePath(filesystem, 'bin/sudo')).toMatchObject({ type: 'file', mode: 0o4755 })
    expect(resolvePath(filesystem, '/bin/sudo')).toBe(resolvePath(filesystem, 'usr/bin/sudo'))
    expect(realPath(filesystem, 'bin/sudoedit')).toBe('usr/bin/sudo')
  })

  it('follows absolute and relative symlinks in any component', async () => {
    const filesystem = await linked()
    expect(realPath(filesystem, 'bin/python3')).toBe('usr/lib/python/bin/python')
    expect(realPath(filesystem, 'lib/python/bin/python')).toBe('usr/lib/python/bin/python')
    expect(realPath(filesystem, 'escape')).toBe('etc/passwd')
    expect(resolvePath(filesystem, 'bin')?.type).toBe('directory')
  })

  it('follows hardlinks to their target, whose body was kept', async () => {
    const filesystem = await linked()
    expect(filesystem.entries.get('etc/passwd-hard')).toMatchObject({
      type: 'hardlink',
      linkname: 'etc/passwd',
      size: passwdV1.length
    })
    expect(realPath(filesystem, 'etc/passwd-hard')).toBe('etc/passwd')
    expect(resolvePath(filesystem, 'etc/passwd-hard')?.type).toBe('file')
    expect(text(filesystem, 'etc/passwd-hard')).toBe(passwdV1)
  })

  it('gives undefined for loops, dangling links and missing paths', async () => {
    const filesystem = await linked()
    expect(resolvePath(filesystem, 'loop/a')).toBeUndefined()
    expect(resolvePath(filesystem, 'dangling')).toBeUndefined()
    expect(resolvePath(filesystem, 'usr/bin/missing')).toBeUndefined()
    expect(resolvePath(filesystem, 'etc/passwd/x')).toBeUndefined()
  })
})

describe('normalizeLayerPath', () => {
  it('drops ./, leading and trailing slashes, and clamps .. at the root', () => {
    expect(normalizeLayerPath('./etc/passwd')).toBe('etc/passwd')
    expect(normalizeLayerPath('/usr//bin/')).toBe('usr/bin')
    expect(normalizeLayerPath('../../etc/shadow')).toBe('etc/shadow')
    expect(normalizeLayerPath('./')).toBe('')
  })
})
