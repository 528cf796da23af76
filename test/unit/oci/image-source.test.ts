import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import { UserError } from '../../../src/errors.js'
import { writeOciArchive } from '../../../src/oci/archive.js'
import { hostPlatform, openImage, parsePlatform } from '../../../src/oci/image-source.js'
import { initLayout, tagInLayout, writeBlob } from '../../../src/oci/layout.js'
import { walkLayers } from '../../../src/oci/layer-walker.js'
import {
  mediaTypes,
  type Descriptor,
  type ImageIndex,
  type ImageManifest
} from '../../../src/oci/media-types.js'
import { scratchDir } from '../../helpers/scratch.js'

interface TarEntry {
  name: string
  data?: Buffer | string
  type?: 'file' | 'directory' | 'symlink'
  linkname?: string
}

async function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const pack = tarStream.pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer)
  })()
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const header = { name: entry.name, type, linkname: entry.linkname, mtime: new Date(1e12) }
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

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

interface TestImage {
  layers: Buffer[]
  config: Buffer
}

async function testImage(architecture = 'amd64', variant?: string): Promise<TestImage> {
  const layers = [
    await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/passwd', data: `root:x:0:0::/root:/bin/sh\n# ${architecture}\n` }
    ]),
    await tarOf([{ name: 'usr/bin/.wh.sudo' }, { name: 'home/runner/', type: 'directory' }])
  ]
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      os: 'linux',
      ...(variant !== undefined && { variant }),
      config: {
        User: 'runner',
        Env: ['PATH=/usr/bin:/bin'],
        Entrypoint: ['/entrypoint.sh'],
        Cmd: null,
        WorkingDir: '/home/runner',
        Labels: { 'org.opencontainers.image.title': 'test' }
      },
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => `sha256:${sha256(layer)}`) },
      history: [{ created_by: 'one' }, { created_by: 'two' }]
    })
  )
  return { layers, config }
}

/** Writes an image into an OCI layout (layers gzip-compressed); returns its manifest descriptor. */
async function writeImage(layout: string, image: TestImage): Promise<Descriptor> {
  await initLayout(layout)
  const layers: Descriptor[] = []
  for (const layer of image.layers) {
    const blob = await writeBlob(layout, gzipSync(layer))
    layers.push({ mediaType: mediaTypes.ociLayerGzip, ...blob })
  }
  const config = await writeBlob(layout, image.config)
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: mediaTypes.ociManifest,
    config: { mediaType: mediaTypes.ociConfig, ...config },
    layers
  }
  const parsed = JSON.parse(image.config.toString('utf8')) as {
    architecture: string
    os: string
    variant?: string
  }
  return {
    mediaType: mediaTypes.ociManifest,
    ...(await writeBlob(layout, Buffer.from(JSON.stringify(manifest)))),
    platform: {
      architecture: parsed.architecture,
      os: parsed.os,
      ...(parsed.variant !== undefined && { variant: parsed.variant })
    }
  }
}

async function multiPlatformLayout(): Promise<{ layout: string; digests: Record<string, string> }> {
  const layout = join(scratchDir('image-source'), 'layout')
  const amd64 = await writeImage(layout, await testImage('amd64'))
  const arm64 = await writeImage(layout, await testImage('arm64', 'v8'))
  const armv7 = await writeImage(layout, await testImage('arm', 'v7'))
  const attestation: Descriptor = {
    ...amd64,
    platform: { architecture: 'unknown', os: 'unknown' },
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest' }
  }
  const index: ImageIndex = {
    schemaVersion: 2,
    mediaType: mediaTypes.ociIndex,
    manifests: [amd64, arm64, armv7, attestation]
  }
  const indexBlob = await writeBlob(layout, Buffer.from(JSON.stringify(index)))
  await tagInLayout(layout, { mediaType: mediaTypes.ociIndex, ...indexBlob }, 'multi')
  return {
    layout,
    digests: {
      index: indexBlob.digest,
      amd64: amd64.digest,
      arm64: arm64.digest,
      arm: armv7.digest
    }
  }
}

async function bodyOf(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

describe('openImage: oci:DIR[:NAME]', () => {
  it('opens a named image: manifest, config, layers as stored', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    const image = await testImage()
    const descriptor = await writeImage(layout, image)
    await tagInLayout(layout, descriptor, 'runner')
    const workDir = scratchDir('image-source-work')
    const source = await openImage(`oci:${layout}:runner`, { workDir })
    expect(source.reference).toBe(`oci:${layout}:runner`)
    expect(source.manifestDigest).toBe(descriptor.digest)
    expect(source.configDigest).toBe(`sha256:${sha256(image.config)}`)
    expect(source.platform).toBe('linux/amd64')
    expect(source.config.config?.User).toBe('runner')
    expect(source.config.config?.Env).toEqual(['PATH=/usr/bin:/bin'])
    expect(source.config.config?.WorkingDir).toBe('/home/runner')
    expect(source.config.history).toHaveLength(2)
    expect(source.layers).toHaveLength(2)
    expect(source.layers[0]?.mediaType).toBe(mediaTypes.ociLayerGzip)
    const raw = await bodyOf(await source.openLayer(0))
    expect(`sha256:${sha256(raw)}`).toBe(source.layers[0]?.digest)
    expect(raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]))
    const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
    expect(filesystem.content.get('etc/passwd')?.toString()).toContain('root:x:0:0')
    expect(filesystem.entries.has('home/runner')).toBe(true)
    await source.close()
  })

  it('opens the only image of a layout without a name', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    const descriptor = await writeImage(layout, await testImage())
    await tagInLayout(layout, descriptor)
    const source = await openImage(`oci:${layout}`, { workDir: scratchDir('work') })
    expect(source.manifestDigest).toBe(descriptor.digest)
  })

  it('says which names there are when the name is wrong', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    await tagInLayout(layout, await writeImage(layout, await testImage()), 'one')
    await tagInLayout(layout, await writeImage(layout, await testImage('arm64')), 'two')
    await expect(openImage(`oci:${layout}:three`, { workDir: scratchDir('work') })).rejects.toThrow(
      `image oci:${layout}:three: there is no image named 'three' (there are: one, two)`
    )
    await expect(openImage(`oci:${layout}`, { workDir: scratchDir('work') })).rejects.toThrow(
      /holds 2 images; name one \(oci:.*:NAME\), one of: one, two/
    )
  })

  it('says when the folder is not a layout', async () => {
    const empty = scratchDir('empty')
    const failure = openImage(`oci:${empty}`, { workDir: scratchDir('work') })
    await expect(failure).rejects.toThrow(UserError)
    await expect(failure).rejects.toThrow(`image oci:${empty}: ${empty} is not an OCI layout`)
  })

  it('picks from a multi-platform index by platform, skipping attestations', async () => {
    const { layout, digests } = await multiPlatformLayout()
    const workDir = scratchDir('work')
    const arm64 = await openImage(`oci:${layout}:multi`, { platform: 'linux/arm64', workDir })
    expect(arm64.manifestDigest).toBe(digests.arm64)
    expect(arm64.platform).toBe('linux/arm64/v8')
    const arm = await openImage(`oci:${layout}:multi`, { platform: 'linux/arm/v7', workDir })
    expect(arm.manifestDigest).toBe(digests.arm)
    const amd64 = await openImage(`oci:${layout}:multi`, { platform: 'linux/x86_64', workDir })
    expect(amd64.manifestDigest).toBe(digests.amd64)
  })

  it("defaults to the host's platform", async () => {
    const { layout, digests } = await multiPlatformLayout()
    const host = hostPlatform()
    expect(host.os).toBe('linux')
    // The fixture has amd64, arm64 and arm/v7: every machine the tests run on.
    const source = await openImage(`oci:${layout}:multi`, { workDir: scratchDir('work') })
    expect(source.manifestDigest).toBe(digests[host.architecture])
  })

  it('lists the platforms there are when the one asked for is absent', async () => {
    const { layout } = await multiPlatformLayout()
    await expect(
      openImage(`oci:${layout}:multi`, { platform: 'linux/s390x', workDir: scratchDir('work') })
    ).rejects.toThrow(
      `image oci:${layout}:multi has no linux/s390x image (it has: linux/amd64, linux/arm64/v8, linux/arm/v7); choose one of those platforms`
    )
  })

  it('refuses a single-platform image of another platform only when one was asked for', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    await tagInLayout(layout, await writeImage(layout, await testImage('arm64')), 'arm')
    const workDir = scratchDir('work')
    await expect(
      openImage(`oci:${layout}:arm`, { platform: 'linux/amd64', workDir })
    ).rejects.toThrow(/is linux\/arm64, not linux\/amd64/)
    const source = await openImage(`oci:${layout}:arm`, { workDir })
    expect(source.platform).toBe('linux/arm64')
  })

  it('rejects a config whose diff_ids do not match the layers', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    const image = await testImage()
    const config = JSON.parse(image.config.toString('utf8')) as { rootfs: { diff_ids: string[] } }
    config.rootfs.diff_ids.pop()
    const descriptor = await writeImage(layout, {
      ...image,
      config: Buffer.from(JSON.stringify(config))
    })
    await tagInLayout(layout, descriptor, 'bad')
    await expect(openImage(`oci:${layout}:bad`, { workDir: scratchDir('work') })).rejects.toThrow(
      /its config lists 1 rootfs.diff_ids but the image has 2 layers/
    )
  })

  it('rejects a malformed platform', () => {
    expect(() => parsePlatform('amd64')).toThrow(
      "platform 'amd64' must be os/arch[/variant], e.g. linux/amd64"
    )
    expect(parsePlatform('linux/aarch64')).toEqual({ os: 'linux', architecture: 'arm64' })
  })
})

describe('openImage: oci-archive:FILE[:NAME]', () => {
  it('reads layers in place from the archive', async () => {
    const { layout, digests } = await multiPlatformLayout()
    const archive = join(scratchDir('archive'), 'image.tar')
    await writeOciArchive(layout, archive)
    const workDir = scratchDir('work')
    const source = await openImage(`oci-archive:${archive}:multi`, {
      platform: 'linux/arm64',
      workDir
    })
    expect(source.manifestDigest).toBe(digests.arm64)
    const raw = await bodyOf(await source.openLayer(1))
    expect(`sha256:${sha256(raw)}`).toBe(source.layers[1]?.digest)
    const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
    expect(filesystem.content.get('etc/passwd')?.toString()).toContain('# arm64')
    expect(await fs.readdir(workDir)).toEqual([])
  })

  it('reads a gzip-compressed archive through one inflated copy in workDir', async () => {
    const { layout, digests } = await multiPlatformLayout()
    const directory = scratchDir('archive')
    await writeOciArchive(layout, join(directory, 'image.tar'))
    const gzipped = join(directory, 'image.tar.gz')
    await fs.writeFile(gzipped, gzipSync(await fs.readFile(join(directory, 'image.tar'))))
    const workDir = scratchDir('work')
    const source = await openImage(`oci-archive:${gzipped}:multi`, {
      platform: 'linux/amd64',
      workDir
    })
    expect(source.manifestDigest).toBe(digests.amd64)
    const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
    expect(filesystem.content.get('etc/passwd')?.toString()).toContain('# amd64')
    expect(await fs.readdir(workDir)).toHaveLength(1)
    await source.close()
    expect(await fs.readdir(workDir)).toEqual([])
  })

  it('points at docker-archive: for a docker save tar', async () => {
    const file = join(scratchDir('archive'), 'docker.tar')
    await fs.writeFile(file, await legacyDockerArchive(await testImage()))
    await expect(openImage(`oci-archive:${file}`, { workDir: scratchDir('work') })).rejects.toThrow(
      `is not an OCI archive (it has no index.json); it is a docker save archive: give docker-archive:${file}`
    )
  })
})

/** `docker save` ≤ 24: `<id>/layer.tar`, `<config hex>.json`, manifest.json last. */
async function legacyDockerArchive(image: TestImage, tag = 'runner:latest'): Promise<Buffer> {
  const configName = `${sha256(image.config)}.json`
  const ids = image.layers.map((_, position) => sha256(`layer ${position}`))
  const entries: TarEntry[] = []
  for (const [position, id] of ids.entries()) {
    entries.push({ name: `${id}/`, type: 'directory' })
    entries.push({ name: `${id}/VERSION`, data: '1.0' })
    entries.push({ name: `${id}/layer.tar`, data: image.layers[position] })
  }
  entries.push({ name: configName, data: image.config })
  entries.push({
    name: 'manifest.json',
    data: JSON.stringify([
      { Config: configName, RepoTags: [tag], Layers: ids.map((id) => `${id}/layer.tar`) }
    ])
  })
  return tarOf(entries)
}

/** `podman save`: `<diffid>.tar` layers, and `<id>/layer.tar` symlinks to them inside the tar. */
async function podmanArchive(image: TestImage): Promise<Buffer> {
  const configHex = sha256(image.config)
  const entries: TarEntry[] = []
  const layerNames: string[] = []
  for (const [position, layer] of image.layers.entries()) {
    const diffHex = sha256(layer)
    const id = sha256(`podman ${position}`)
    entries.push({ name: `${diffHex}.tar`, data: layer })
    entries.push({ name: `${id}/`, type: 'directory' })
    entries.push({ name: `${id}/layer.tar`, type: 'symlink', linkname: `../${diffHex}.tar` })
    layerNames.push(`${id}/layer.tar`)
  }
  entries.push({ name: `${configHex}.json`, data: image.config })
  entries.push({
    name: 'manifest.json',
    data: JSON.stringify([
      { Config: `${configHex}.json`, RepoTags: ['localhost/runner:1'], Layers: layerNames }
    ])
  })
  return tarOf(entries)
}

describe('openImage: docker-archive:FILE', () => {
  it('reads a legacy docker save archive, streaming layers from the tar', async () => {
    const image = await testImage()
    const file = join(scratchDir('archive'), 'docker.tar')
    await fs.writeFile(file, await legacyDockerArchive(image))
    const workDir = scratchDir('work')
    const source = await openImage(`docker-archive:${file}`, { workDir })
    expect(source.configDigest).toBe(`sha256:${sha256(image.config)}`)
    expect(source.manifestDigest).toBe('')
    expect(source.platform).toBe('linux/amd64')
    expect(source.layers).toEqual(
      image.layers.map((layer) => ({
        digest: `sha256:${sha256(layer)}`,
        size: layer.length,
        mediaType: mediaTypes.ociLayer
      }))
    )
    expect(await bodyOf(await source.openLayer(0))).toEqual(image.layers[0])
    const filesystem = await walkLayers(source, { keepContent: (path) => path === 'etc/passwd' })
    expect(filesystem.content.get('etc/passwd')?.toString()).toContain('root:x:0:0')
    expect(await fs.readdir(workDir)).toEqual([])
  })

  it("follows podman's in-archive layer symlinks", async () => {
    const image = await testImage()
    const file = join(scratchDir('archive'), 'podman.tar')
    await fs.writeFile(file, await podmanArchive(image))
    const source = await openImage(`docker-archive:${file}:localhost/runner:1`, {
      workDir: scratchDir('work')
    })
    expect(await bodyOf(await source.openLayer(1))).toEqual(image.layers[1])
    const filesystem = await walkLayers(source, { keepContent: () => false })
    expect(filesystem.entries.has('home/runner')).toBe(true)
  })

  it('keeps gzip-compressed layers as they are, with the digest of their bytes', async () => {
    const image = await testImage()
    const gzipped = gzipSync(image.layers[0] as Buffer)
    const configName = `${sha256(image.config)}.json`
    const file = join(scratchDir('archive'), 'docker.tar')
    await fs.writeFile(
      file,
      await tarOf([
        { name: 'a/layer.tar', data: gzipped },
        { name: 'b/layer.tar', data: image.layers[1] },
        { name: configName, data: image.config },
        {
          name: 'manifest.json',
          data: JSON.stringify([{ Config: configName, Layers: ['a/layer.tar', 'b/layer.tar'] }])
        }
      ])
    )
    const source = await openImage(`docker-archive:${file}`, { workDir: scratchDir('work') })
    expect(source.layers[0]).toEqual({
      digest: `sha256:${sha256(gzipped)}`,
      size: gzipped.length,
      mediaType: mediaTypes.ociLayerGzip
    })
    await expect(walkLayers(source, { keepContent: () => false })).resolves.toBeDefined()
  })

  it('asks for a name when the archive holds several images', async () => {
    const one = await legacyDockerArchive(await testImage(), 'a:1')
    const file = join(scratchDir('archive'), 'docker.tar')
    // Two manifest.json entries: the later one wins, as tar extraction would have it.
    const image = await testImage()
    const configName = `${sha256(image.config)}.json`
    await fs.writeFile(
      file,
      Buffer.concat([
        one.subarray(0, one.length - 1024),
        await tarOf([
          {
            name: 'manifest.json',
            data: JSON.stringify([
              { Config: configName, RepoTags: ['a:1'], Layers: [] },
              { Config: configName, RepoTags: ['b:2'], Layers: [] }
            ])
          }
        ])
      ])
    )
    await expect(
      openImage(`docker-archive:${file}`, { workDir: scratchDir('work') })
    ).rejects.toThrow(/holds 2 images; name one .*one of: a:1, b:2/)
    await expect(
      openImage(`docker-archive:${file}:c:3`, { workDir: scratchDir('work') })
    ).rejects.toThrow("has no image tagged 'c:3' (it has: a:1, b:2)")
  })

  it('says when the file is not a docker save archive', async () => {
    const { layout } = await multiPlatformLayout()
    const archive = join(scratchDir('archive'), 'oci.tar')
    await writeOciArchive(layout, archive)
    await expect(
      openImage(`docker-archive:${archive}`, { workDir: scratchDir('work') })
    ).rejects.toThrow(`; for an OCI archive give oci-archive:${archive}`)
    const text = join(scratchDir('archive'), 'not.tar')
    await fs.writeFile(text, 'hello, this is not a tar archive at all'.repeat(20))
    await expect(
      openImage(`docker-archive:${text}`, { workDir: scratchDir('work') })
    ).rejects.toThrow(UserError)
  })
})

describe('openImage: transports', () => {
  it('points at docker-archive: for the daemon transports', async () => {
    await expect(
      openImage('docker-daemon:runner:latest', { workDir: scratchDir('work') })
    ).rejects.toThrow(/needs a daemon; save the image with 'docker save'/)
  })

  it('says when a registry reference does not parse', async () => {
    await expect(openImage('Not A Reference', { workDir: scratchDir('work') })).rejects.toThrow(
      /^image Not A Reference: image reference/
    )
  })
})

describe('openImage: unnamed per-platform manifests in index.json', () => {
  it('picks by platform when no entry has a name', async () => {
    const layout = join(scratchDir('image-source'), 'layout')
    const amd64 = await writeImage(layout, await testImage('amd64'))
    const arm64 = await writeImage(layout, await testImage('arm64'))
    await tagInLayout(layout, amd64)
    await tagInLayout(layout, arm64)
    const source = await openImage(`oci:${layout}`, {
      platform: 'linux/arm64',
      workDir: scratchDir('work')
    })
    expect(source.manifestDigest).toBe(arm64.digest)
  })
})
