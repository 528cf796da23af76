/**
 * zstd layers as real tools write them: the zstd CLI compresses a layer tar, and walkLayers
 * reads it through fzstd, its diff_id checked, next to a gzip layer.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import { openImage } from '../../src/oci/image-source.js'
import { initLayout, writeBlob, writeImage } from '../../src/oci/layout.js'
import { walkLayers } from '../../src/oci/layer-walker.js'
import { mediaTypes, type Descriptor } from '../../src/oci/media-types.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

async function tarOf(entries: Array<{ name: string; data: Buffer | string; mode?: number }>) {
  const pack = tarStream.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      pack.entry(
        { name: entry.name, mode: entry.mode ?? 0o644, mtime: new Date(0) },
        typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data,
        (error) => (error ? reject(error) : resolve())
      )
    })
  }
  pack.finalize()
  await collected
  return Buffer.concat(chunks)
}

/** Text-like bytes that compress, but not to nothing: several zstd blocks with real sequences. */
function corpus(size: number): Buffer {
  const words = ['runner', 'image', 'layer', 'sudo', 'passwd', 'group', 'docker', 'actions']
  let state = 12345
  const parts: string[] = []
  let length = 0
  while (length < size) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    const word = `${words[state % words.length]}${state % 1000} `
    parts.push(word)
    length += word.length
  }
  return Buffer.from(parts.join('').slice(0, size))
}

describe('walkLayers over zstd layers', () => {
  it('reads a layer the zstd CLI compressed, next to a gzip one', async () => {
    const zstd = requireTool('zstd')
    const lower = await tarOf([
      { name: 'etc/passwd', data: 'root:x:0:0::/root:/bin/sh\n' },
      { name: 'usr/bin/sudo', data: 'sudo', mode: 0o4755 },
      { name: 'etc/sudoers.d/runner', data: 'runner ALL=(ALL) NOPASSWD:ALL\n' }
    ])
    const upper = await tarOf([
      { name: 'usr/bin/.wh.sudo', data: '' },
      { name: 'etc/sudoers.d/.wh..wh..opq', data: '' },
      { name: 'etc/group', data: 'docker:x:123:runner\n' },
      { name: 'opt/data.txt', data: corpus(3 * 1024 * 1024) }
    ])
    const directory = scratchDir('zstd')
    writeFileSync(join(directory, 'upper.tar'), upper)
    const compressed = spawnSync(zstd, ['-q', '-3', '-c', join(directory, 'upper.tar')], {
      maxBuffer: 64 * 1024 * 1024
    })
    expect(compressed.status).toBe(0)
    const zstdBlob = compressed.stdout
    expect(zstdBlob.readUInt32LE(0)).toBe(0xfd2fb528)
    expect(zstdBlob.length).toBeLessThan(upper.length / 2)

    const layout = join(directory, 'layout')
    await initLayout(layout)
    const layers: Descriptor[] = [
      { mediaType: mediaTypes.ociLayerGzip, ...(await writeBlob(layout, gzipSync(lower))) },
      { mediaType: mediaTypes.ociLayerZstd, ...(await writeBlob(layout, zstdBlob)) }
    ]
    const diffIds = [lower, upper].map(
      (tar) => `sha256:${createHash('sha256').update(tar).digest('hex')}`
    )
    await writeImage(
      layout,
      { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } },
      layers,
      'zstd'
    )

    const source = await openImage(`oci:${layout}:zstd`, { workDir: scratchDir('work') })
    const filesystem = await walkLayers(source, { keepContent: (path) => path.startsWith('etc/') })
    expect(filesystem.entries.has('usr/bin/sudo')).toBe(false)
    expect(
      [...filesystem.entries.keys()].filter((path) => path.startsWith('etc/sudoers.d/'))
    ).toEqual([])
    expect(filesystem.content.get('etc/group')?.toString()).toBe('docker:x:123:runner\n')
    expect(filesystem.entries.get('opt/data.txt')?.size).toBe(3 * 1024 * 1024)
  })
})
