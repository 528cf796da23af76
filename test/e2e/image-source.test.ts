/**
 * openImage over the registry transport (docker://REF and a bare REF) against a real
 * Distribution registry on 127.0.0.1, with images pushed from an OCI layout by pushFromLayout.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import { RegistryError } from '../../src/oci/registry.js'
import { openImage } from '../../src/oci/image-source.js'
import { initLayout, writeBlob } from '../../src/oci/layout.js'
import { walkLayers } from '../../src/oci/layer-walker.js'
import { mediaTypes, type Descriptor, type ImageManifest } from '../../src/oci/media-types.js'
import { pushFromLayout } from '../../src/oci/push.js'
import { RegistryClient } from '../../src/oci/registry.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { scratchDir } from '../helpers/scratch.js'

let registry: LocalRegistry
let client: RegistryClient

beforeAll(async () => {
  registry = await startRegistry()
  client = new RegistryClient()
})

afterAll(async () => {
  client?.close()
  await registry?.stop()
})

async function tarOf(
  entries: Array<{ name: string; data: string; mode?: number }>
): Promise<Buffer> {
  const pack = tarStream.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      pack.entry(
        { name: entry.name, mode: entry.mode ?? 0o644, mtime: new Date(0) },
        Buffer.from(entry.data),
        (error) => (error ? reject(error) : resolve())
      )
    })
  }
  pack.finalize()
  await collected
  return Buffer.concat(chunks)
}

function diffId(tar: Buffer): string {
  return `sha256:${createHash('sha256').update(tar).digest('hex')}`
}

async function writeImage(layout: string, architecture: string): Promise<Descriptor> {
  const tars = [
    await tarOf([{ name: 'etc/passwd', data: `root:x:0:0::/root:/bin/sh\n# ${architecture}\n` }]),
    await tarOf([
      { name: 'usr/bin/passwd', data: 'passwd', mode: 0o4755 },
      { name: 'etc/.wh.shadow', data: '' }
    ])
  ]
  const layers: Descriptor[] = []
  for (const tar of tars) {
    layers.push({ mediaType: mediaTypes.ociLayerGzip, ...(await writeBlob(layout, gzipSync(tar))) })
  }
  const config = await writeBlob(
    layout,
    Buffer.from(
      JSON.stringify({
        architecture,
        os: 'linux',
        config: { User: '1000:1000', Env: ['PATH=/usr/bin'] },
        rootfs: { type: 'layers', diff_ids: tars.map(diffId) }
      })
    )
  )
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: mediaTypes.ociManifest,
    config: { mediaType: mediaTypes.ociConfig, ...config },
    layers
  }
  return {
    mediaType: mediaTypes.ociManifest,
    ...(await writeBlob(layout, Buffer.from(JSON.stringify(manifest)))),
    platform: { os: 'linux', architecture }
  }
}

describe('openImage: registry transport', () => {
  it('opens a pushed image by docker://REF and by a bare REF, and walks its layers', async () => {
    const layout = scratchDir('image-source-layout')
    await initLayout(layout)
    const descriptor = await writeImage(layout, 'amd64')
    const repository = { registry: registry.host, repository: 'runner/single' }
    await pushFromLayout({ client, layout, descriptor, repository, tags: ['1.0'] })

    for (const reference of [
      `docker://${registry.host}/runner/single:1.0`,
      `${registry.host}/runner/single:1.0`
    ]) {
      const source = await openImage(reference, { client, workDir: scratchDir('work') })
      expect(source.manifestDigest).toBe(descriptor.digest)
      expect(source.platform).toBe('linux/amd64')
      expect(source.config.config?.User).toBe('1000:1000')
      const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
      expect(filesystem.content.get('etc/passwd')?.toString()).toContain('# amd64')
      expect(filesystem.entries.get('usr/bin/passwd')?.mode).toBe(0o4755)
      await source.close()
    }
  })

  it('resolves a multi-platform index by platform, with its own client', async () => {
    const layout = scratchDir('image-source-layout')
    await initLayout(layout)
    const amd64 = await writeImage(layout, 'amd64')
    const arm64 = await writeImage(layout, 'arm64')
    const index = await writeBlob(
      layout,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: mediaTypes.ociIndex,
          manifests: [amd64, arm64]
        })
      )
    )
    const descriptor = { mediaType: mediaTypes.ociIndex, ...index }
    const repository = { registry: registry.host, repository: 'runner/multi' }
    await pushFromLayout({ client, layout, descriptor, repository, tags: ['2'] })

    const reference = `${registry.host}/runner/multi:2`
    const source = await openImage(reference, {
      platform: 'linux/arm64',
      workDir: scratchDir('work')
    })
    expect(source.manifestDigest).toBe(arm64.digest)
    const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
    expect(filesystem.content.get('etc/passwd')?.toString()).toContain('# arm64')
    await source.close()

    const pinned = await openImage(`docker://${registry.host}/runner/multi@${amd64.digest}`, {
      client,
      workDir: scratchDir('work')
    })
    expect(pinned.platform).toBe('linux/amd64')

    await expect(
      openImage(reference, { client, platform: 'linux/riscv64', workDir: scratchDir('work') })
    ).rejects.toThrow(
      `image ${reference} has no linux/riscv64 image (it has: linux/amd64, linux/arm64); choose one of those platforms`
    )
  })

  it('names the reference when the tag does not exist', async () => {
    const failure = openImage(`${registry.host}/runner/none:1`, {
      client,
      workDir: scratchDir('work')
    })
    await expect(failure).rejects.toThrow(RegistryError)
    await expect(failure).rejects.toThrow(/runner\/none:1.*check the name, tag or digest/)
  })
})
