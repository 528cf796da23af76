import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'
import { UserError } from '../../../src/errors.js'
import { importDockerArchive, readOciArchive, writeOciArchive } from '../../../src/oci/archive.js'
import { blobPath, readBlob, readIndex, readJsonBlob } from '../../../src/oci/layout.js'
import { mediaTypes, type Descriptor, type ImageManifest } from '../../../src/oci/media-types.js'
import { scratchDir } from '../../helpers/scratch.js'

interface TarEntry {
  name: string
  data?: Buffer | string
  type?: 'file' | 'directory' | 'symlink' | 'link'
  linkname?: string
}

/** A tar built in memory with tar-stream, the way the fixtures below are. */
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

/** The entries of a tar, with their headers and contents. */
async function entriesOf(tar: Buffer): Promise<Array<{ header: tarStream.Header; data: Buffer }>> {
  const extract = tarStream.extract()
  extract.end(tar)
  const entries: Array<{ header: tarStream.Header; data: Buffer }> = []
  for await (const entry of extract) {
    const chunks: Buffer[] = []
    for await (const chunk of entry) chunks.push(chunk as Buffer)
    entries.push({ header: entry.header, data: Buffer.concat(chunks) })
  }
  return entries
}

function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

interface DockerImage {
  layers: Buffer[]
  config: Buffer
  diffIds: string[]
}

async function dockerImage(): Promise<DockerImage> {
  const layers = [
    await tarOf([
      { name: 'etc/', type: 'directory' },
      { name: 'etc/hello', data: 'hello\n' }
    ]),
    await tarOf([{ name: 'usr/share/data.bin', data: Buffer.alloc(300_000, 7) }])
  ]
  const diffIds = layers.map((layer) => `sha256:${sha256(layer)}`)
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'arm64',
      variant: 'v8',
      os: 'linux',
      config: { Env: ['PATH=/usr/bin'], Labels: { a: 'b' } },
      rootfs: { type: 'layers', diff_ids: diffIds },
      history: [{ created_by: 'one' }, { created_by: 'two' }]
    })
  )
  return { layers, config, diffIds }
}

/** Docker ≤24's `docker save`: `<id>/layer.tar`, `<image id>.json`, then manifest.json. */
async function legacyArchive(image: DockerImage, config = image.config): Promise<Buffer> {
  const configName = `${sha256(config)}.json`
  const ids = image.layers.map((_, position) => sha256(`layer ${position}`))
  const entries: TarEntry[] = []
  for (const [position, id] of ids.entries()) {
    entries.push({ name: `${id}/`, type: 'directory' })
    entries.push({ name: `${id}/VERSION`, data: '1.0' })
    entries.push({ name: `${id}/json`, data: '{}' })
    entries.push({ name: `${id}/layer.tar`, data: image.layers[position] })
  }
  entries.push({ name: configName, data: config })
  entries.push({
    name: 'manifest.json',
    data: JSON.stringify([
      { Config: configName, RepoTags: ['test:latest'], Layers: ids.map((id) => `${id}/layer.tar`) }
    ])
  })
  entries.push({ name: 'repositories', data: '{}' })
  return tarOf(entries)
}

/** Docker ≥25's `docker save`: an OCI layout whose blobs manifest.json also names. */
async function docker25Archive(image: DockerImage, layers = image.layers): Promise<Buffer> {
  const configHex = sha256(image.config)
  const layerHexes = layers.map((layer) => sha256(layer))
  const blobs = [
    { hex: configHex, data: image.config },
    ...layers.map((layer, position) => ({ hex: layerHexes[position] as string, data: layer }))
  ].sort((a, b) => a.hex.localeCompare(b.hex))
  return tarOf([
    { name: 'blobs/', type: 'directory' },
    { name: 'blobs/sha256/', type: 'directory' },
    ...blobs.map((blob) => ({ name: `blobs/sha256/${blob.hex}`, data: blob.data })),
    { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' },
    {
      name: 'manifest.json',
      data: JSON.stringify([
        {
          Config: `blobs/sha256/${configHex}`,
          RepoTags: ['test:latest'],
          Layers: layerHexes.map((hex) => `blobs/sha256/${hex}`)
        }
      ])
    },
    { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
    { name: 'repositories', data: '{}' }
  ])
}

async function writeFixture(bytes: Buffer, name = 'image.tar'): Promise<string> {
  const file = join(scratchDir('archive-in'), name)
  await fs.writeFile(file, bytes)
  return file
}

async function manifestOf(layout: string, descriptor: Descriptor): Promise<ImageManifest> {
  return readJsonBlob<ImageManifest>(layout, descriptor.digest)
}

async function blobNames(layout: string): Promise<string[]> {
  return (await fs.readdir(join(layout, 'blobs', 'sha256'))).sort()
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

describe('importDockerArchive', () => {
  it('converts a legacy docker save archive into an OCI image', async () => {
    const image = await dockerImage()
    const file = await writeFixture(await legacyArchive(image))
    const layout = scratchDir('archive-layout')

    const descriptor = await importDockerArchive(file, layout, 'test')

    expect(descriptor).toMatchObject({
      mediaType: mediaTypes.ociManifest,
      platform: { architecture: 'arm64', os: 'linux', variant: 'v8' }
    })
    const text = (await readBlob(layout, descriptor.digest)).toString()
    expect(descriptor.size).toBe(Buffer.byteLength(text))
    expect(text).toBe(JSON.stringify(JSON.parse(text)))
    const manifest = JSON.parse(text) as ImageManifest
    expect(manifest.schemaVersion).toBe(2)
    expect(manifest.mediaType).toBe(mediaTypes.ociManifest)
    expect(manifest.config).toEqual({
      mediaType: mediaTypes.ociConfig,
      digest: `sha256:${sha256(image.config)}`,
      size: image.config.length
    })
    expect((await readBlob(layout, manifest.config.digest)).equals(image.config)).toBe(true)
    expect(manifest.layers).toHaveLength(2)
    for (const [position, layer] of manifest.layers.entries()) {
      expect(layer.mediaType).toBe(mediaTypes.ociLayerGzip)
      const compressed = await readBlob(layout, layer.digest)
      expect(layer.size).toBe(compressed.length)
      expect(gunzipSync(compressed).equals(image.layers[position] as Buffer)).toBe(true)
    }
    const index = await readIndex(layout)
    expect(index.manifests).toEqual([
      { ...descriptor, annotations: { 'org.opencontainers.image.ref.name': 'test' } }
    ])
    expect((await blobNames(layout)).filter((name) => name.startsWith('.'))).toEqual([])
  })

  it('reads the Docker 25 blobs/sha256 layout to the same image', async () => {
    const image = await dockerImage()
    const legacy = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      scratchDir('archive-layout')
    )
    const layout = scratchDir('archive-layout')
    const modern = await importDockerArchive(
      await writeFixture(await docker25Archive(image)),
      layout
    )
    expect(modern).toEqual(legacy)
    expect((await readIndex(layout)).manifests).toEqual([modern])
  })

  it('follows the symlink docker save writes for a repeated layer', async () => {
    const base = await dockerImage()
    const layer = base.layers[0] as Buffer
    const diffId = `sha256:${sha256(layer)}`
    const config = Buffer.from(
      JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { diff_ids: [diffId, diffId] } })
    )
    const configName = `${sha256(config)}.json`
    const file = await writeFixture(
      await tarOf([
        { name: 'aaa/layer.tar', data: layer },
        { name: 'bbb/layer.tar', type: 'symlink', linkname: '../aaa/layer.tar' },
        { name: configName, data: config },
        {
          name: 'manifest.json',
          data: JSON.stringify([{ Config: configName, Layers: ['aaa/layer.tar', 'bbb/layer.tar'] }])
        }
      ])
    )
    const layout = scratchDir('archive-layout')
    const descriptor = await importDockerArchive(file, layout)
    expect(descriptor.platform).toEqual({ architecture: 'amd64', os: 'linux' })
    const manifest = await manifestOf(layout, descriptor)
    expect(manifest.layers).toHaveLength(2)
    expect(manifest.layers[0]).toEqual(manifest.layers[1])
  })

  it('keeps layers that are already gzip-compressed as they are', async () => {
    const image = await dockerImage()
    const compressed = image.layers.map((layer) => gzipSync(layer, { level: 9 }))
    const layout = scratchDir('archive-layout')
    const descriptor = await importDockerArchive(
      await writeFixture(await docker25Archive(image, compressed)),
      layout
    )
    const manifest = await manifestOf(layout, descriptor)
    expect(manifest.layers.map((layer) => layer.digest)).toEqual(
      compressed.map((layer) => `sha256:${sha256(layer)}`)
    )
    expect(manifest.layers.every((layer) => layer.mediaType === mediaTypes.ociLayerGzip)).toBe(true)
  })

  it('rejects a gzip-compressed layer that does not inflate', async () => {
    const image = await dockerImage()
    const broken = image.layers.map((layer) => {
      const compressed = gzipSync(layer)
      return compressed.subarray(0, compressed.length - 40)
    })
    const file = await writeFixture(await docker25Archive(image, broken))
    const layout = scratchDir('archive-layout')
    const error = await failureOf(importDockerArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(
      new RegExp(`^${file}: layer blobs/sha256/[a-f0-9]{64} is not valid gzip`)
    )
    expect(await blobNames(layout)).toEqual([])
  })

  it('reads a gzip-compressed archive', async () => {
    const image = await dockerImage()
    const plain = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      scratchDir('archive-layout')
    )
    const zipped = await importDockerArchive(
      await writeFixture(gzipSync(await legacyArchive(image)), 'image.tar.gz'),
      scratchDir('archive-layout')
    )
    expect(zipped).toEqual(plain)
  })

  it('gives the same digests every time', async () => {
    const image = await dockerImage()
    const file = await writeFixture(await legacyArchive(image))
    const first = scratchDir('archive-layout')
    const second = scratchDir('archive-layout')
    const a = await importDockerArchive(file, first, 'x')
    const b = await importDockerArchive(file, second, 'x')
    expect(b).toEqual(a)
    expect(await blobNames(second)).toEqual(await blobNames(first))
    expect(await fs.readFile(join(second, 'index.json'), 'utf8')).toBe(
      await fs.readFile(join(first, 'index.json'), 'utf8')
    )
  })

  it('rejects a layer whose content does not match the config diff_ids', async () => {
    const image = await dockerImage()
    const wrong = [image.diffIds[0] as string, `sha256:${sha256('something else')}`]
    const config = JSON.parse(image.config.toString()) as Record<string, unknown>
    const file = await writeFixture(
      await legacyArchive(
        image,
        Buffer.from(JSON.stringify({ ...config, rootfs: { type: 'layers', diff_ids: wrong } }))
      )
    )
    const layout = scratchDir('archive-layout')
    const error = await failureOf(importDockerArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(file)
    expect(error.message).toContain('does not match the image config')
    expect(error.message).toContain('rootfs.diff_ids[1]')
    expect(error.message).not.toContain('\n')
    // Nothing of the failed import is left behind.
    expect(await blobNames(layout)).toEqual([])
    expect((await readIndex(layout)).manifests).toEqual([])
  })

  it('rejects a Docker 25 blob that does not hash to its name', async () => {
    const image = await dockerImage()
    const archive = await docker25Archive(image)
    const hex = sha256(image.layers[1] as Buffer)
    const entries = await entriesOf(archive)
    const tampered = entries.map(({ header, data }) => ({
      name: header.name,
      type: header.type as TarEntry['type'],
      data: header.name === `blobs/sha256/${hex}` ? Buffer.concat([data, Buffer.alloc(512)]) : data
    }))
    const file = await writeFixture(await tarOf(tampered))
    const error = await failureOf(importDockerArchive(file, scratchDir('archive-layout')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(/corrupt|does not match/)
  })

  it('names a layer that manifest.json lists but the archive lacks', async () => {
    const image = await dockerImage()
    const entries = (await entriesOf(await legacyArchive(image))).filter(
      ({ header }) =>
        !(header.name.endsWith('/layer.tar') && header.name.startsWith(sha256('layer 1')))
    )
    const file = await writeFixture(
      await tarOf(
        entries.map(({ header, data }) => ({
          name: header.name,
          type: header.type as TarEntry['type'],
          data
        }))
      )
    )
    const error = await failureOf(importDockerArchive(file, scratchDir('archive-layout')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      `${file}: layer ${sha256('layer 1')}/layer.tar named in manifest.json is missing`
    )
  })

  it('says when the archive has no manifest.json', async () => {
    const file = await writeFixture(await tarOf([{ name: 'hello.txt', data: 'hi' }]))
    const error = await failureOf(importDockerArchive(file, scratchDir('archive-layout')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`${file} is not a docker save archive: it has no manifest.json`)
  })

  it('says when the file is not a tar', async () => {
    const text = await writeFixture(Buffer.from('this is not a tar archive\n'), 'notes.txt')
    const textError = await failureOf(importDockerArchive(text, scratchDir('archive-layout')))
    expect(textError).toBeInstanceOf(UserError)
    expect(textError.message).toMatch(new RegExp(`^${text} is not a valid tar archive`))

    const noise = await writeFixture(Buffer.alloc(4096, 'x'), 'noise.bin')
    const noiseError = await failureOf(importDockerArchive(noise, scratchDir('archive-layout')))
    expect(noiseError).toBeInstanceOf(UserError)
    expect(noiseError.message).toMatch(new RegExp(`^${noise} is not a valid tar archive`))

    const empty = await writeFixture(Buffer.alloc(0), 'empty.tar')
    const emptyError = await failureOf(importDockerArchive(empty, scratchDir('archive-layout')))
    expect(emptyError.message).toBe(`${empty} is not a tar archive: it holds no entries`)

    const missing = join(scratchDir('archive-in'), 'absent.tar')
    const missingError = await failureOf(importDockerArchive(missing, scratchDir('archive-layout')))
    expect(missingError).toBeInstanceOf(UserError)
    expect(missingError.message).toContain(`cannot read ${missing}`)
  })

  it('says when the archive is cut short', async () => {
    const archive = await legacyArchive(await dockerImage())
    const file = await writeFixture(archive.subarray(0, 4096 + 100))
    const error = await failureOf(importDockerArchive(file, scratchDir('archive-layout')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(new RegExp(`^${file} is not a valid tar archive`))
  })
})

describe('oci-archive', () => {
  it('round-trips an imported image through writeOciArchive and readOciArchive', async () => {
    const image = await dockerImage()
    const source = scratchDir('archive-layout')
    const descriptor = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      source,
      'app'
    )
    const archive = join(scratchDir('archive-out'), 'app.tar')
    await writeOciArchive(source, archive)

    const target = scratchDir('archive-layout')
    const manifests = await readOciArchive(archive, target)
    expect(manifests).toEqual((await readIndex(source)).manifests)
    expect((await readIndex(target)).manifests).toEqual((await readIndex(source)).manifests)
    expect(await blobNames(target)).toEqual(await blobNames(source))
    for (const name of await blobNames(source)) {
      const digest = `sha256:${name}`
      expect((await readBlob(target, digest)).equals(await readBlob(source, digest))).toBe(true)
    }
    expect(manifests[0]?.digest).toBe(descriptor.digest)
  })

  it('writes a deterministic tar: sorted entries, zero times and owners', async () => {
    const image = await dockerImage()
    const layout = scratchDir('archive-layout')
    await importDockerArchive(await writeFixture(await legacyArchive(image)), layout, 'app')
    const out = scratchDir('archive-out')
    await writeOciArchive(layout, join(out, 'a.tar'))
    await writeOciArchive(layout, join(out, 'b.tar'))
    const a = await fs.readFile(join(out, 'a.tar'))
    expect(a.equals(await fs.readFile(join(out, 'b.tar')))).toBe(true)
    expect((await fs.readdir(out)).sort()).toEqual(['a.tar', 'b.tar'])

    const entries = await entriesOf(a)
    const names = entries.map(({ header }) => header.name)
    expect(names).toEqual([...names].sort())
    expect(names.slice(0, 2)).toEqual(['blobs/', 'blobs/sha256/'])
    expect(names.slice(-2)).toEqual(['index.json', 'oci-layout'])
    expect(names.filter((name) => /^blobs\/sha256\/[a-f0-9]{64}$/.test(name))).toHaveLength(4)
    for (const { header } of entries) {
      expect(header.mtime.getTime()).toBe(0)
      expect([header.uid, header.gid]).toEqual([0, 0])
      expect(header.mode).toBe(header.type === 'directory' ? 0o755 : 0o644)
    }
    const marker = entries.find(({ header }) => header.name === 'oci-layout')
    expect(JSON.parse(marker?.data.toString() ?? '')).toEqual({ imageLayoutVersion: '1.0.0' })
  })

  it('writes only the images it is given', async () => {
    const image = await dockerImage()
    const layout = scratchDir('archive-layout')
    const first = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      layout,
      'one'
    )
    const otherLayer = await tarOf([{ name: 'other', data: 'other' }])
    const other: DockerImage = {
      layers: [otherLayer],
      diffIds: [`sha256:${sha256(otherLayer)}`],
      config: Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          rootfs: { diff_ids: [`sha256:${sha256(otherLayer)}`] }
        })
      )
    }
    const second = await importDockerArchive(
      await writeFixture(await legacyArchive(other)),
      layout,
      'two'
    )
    const archive = join(scratchDir('archive-out'), 'two.tar')
    await writeOciArchive(layout, archive, [second])

    const target = scratchDir('archive-layout')
    expect(await readOciArchive(archive, target)).toEqual([second])
    const blobs = await blobNames(target)
    expect(blobs).toHaveLength(3)
    expect(blobs).not.toContain(first.digest.slice('sha256:'.length))
  })

  it('adds to what the target layout already holds', async () => {
    const image = await dockerImage()
    const source = scratchDir('archive-layout')
    const descriptor = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      source,
      'app'
    )
    const archive = join(scratchDir('archive-out'), 'app.tar')
    await writeOciArchive(source, archive)
    const target = scratchDir('archive-layout')
    const existing = await importDockerArchive(
      await writeFixture(await docker25Archive(image)),
      target,
      'existing'
    )
    await readOciArchive(archive, target)
    const names = (await readIndex(target)).manifests.map(
      (entry) => entry.annotations?.['org.opencontainers.image.ref.name']
    )
    expect(names).toEqual(['existing', 'app'])
    expect(existing.digest).toBe(descriptor.digest)
  })

  it('reads a Docker 25 docker save archive as an oci-archive', async () => {
    const image = await dockerImage()
    const layout = scratchDir('archive-layout')
    const manifests = await readOciArchive(await writeFixture(await docker25Archive(image)), layout)
    expect(manifests).toEqual([])
    expect(existsSync(join(layout, 'manifest.json'))).toBe(false)
    expect(await blobNames(layout)).toHaveLength(3)
  })

  it.each([
    ['../evil', 'a parent folder'],
    ['blobs/../../evil', 'a parent folder inside a path'],
    ['/tmp/evil', 'an absolute path']
  ])('rejects the entry %s (%s)', async (name) => {
    const file = await writeFixture(
      await tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name, data: 'gotcha' },
        { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' }
      ])
    )
    const parent = scratchDir('archive-layout')
    const layout = join(parent, 'layout')
    const error = await failureOf(readOciArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`${file}: entry ${JSON.stringify(name)} points outside the archive`)
    expect(existsSync(join(parent, 'evil'))).toBe(false)
  })

  it('rejects links', async () => {
    const file = await writeFixture(
      await tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: 'blobs/sha256/' + 'a'.repeat(64), type: 'symlink', linkname: '/etc/passwd' }
      ])
    )
    const layout = scratchDir('archive-layout')
    const error = await failureOf(readOciArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain('is a symlink')
    expect(await blobNames(layout)).toEqual([])
  })

  it('rejects a blob whose bytes do not hash to its name', async () => {
    const good = Buffer.from('good content')
    const file = await writeFixture(
      await tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        { name: `blobs/sha256/${sha256(good)}`, data: 'evil content' },
        { name: 'index.json', data: '{"schemaVersion":2,"manifests":[]}' }
      ])
    )
    const layout = scratchDir('archive-layout')
    const error = await failureOf(readOciArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(
      `${file}: blob sha256:${sha256(good)} is corrupt (its bytes hash to sha256:${sha256('evil content')})`
    )
    expect(await blobNames(layout)).toEqual([])
  })

  it('rejects an archive whose index.json names a blob it lacks', async () => {
    const manifest = JSON.stringify({ schemaVersion: 2, layers: [] })
    const file = await writeFixture(
      await tarOf([
        { name: 'oci-layout', data: '{"imageLayoutVersion":"1.0.0"}' },
        {
          name: 'index.json',
          data: JSON.stringify({
            schemaVersion: 2,
            manifests: [
              {
                mediaType: mediaTypes.ociManifest,
                digest: `sha256:${sha256(manifest)}`,
                size: manifest.length
              }
            ]
          })
        }
      ])
    )
    const layout = scratchDir('archive-layout')
    const error = await failureOf(readOciArchive(file, layout))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`${file}: blob sha256:${sha256(manifest)} is missing`)
    expect((await readIndex(layout)).manifests).toEqual([])
  })

  it('says when the archive is cut short inside a blob', async () => {
    const layout = scratchDir('archive-layout')
    await importDockerArchive(await writeFixture(await legacyArchive(await dockerImage())), layout)
    const archive = join(scratchDir('archive-out'), 'image.tar')
    await writeOciArchive(layout, archive)
    const bytes = await fs.readFile(archive)
    const file = await writeFixture(bytes.subarray(0, 2048 + 512 + 200), 'short.tar')
    const target = scratchDir('archive-layout')
    const error = await failureOf(readOciArchive(file, target))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`${file} is not a valid tar archive (Unexpected end of data)`)
    // Blobs read whole (and verified) before the cut may stay; no partial one does.
    expect((await blobNames(target)).filter((name) => name.startsWith('.'))).toEqual([])
    expect((await readIndex(target)).manifests).toEqual([])
  })

  it('says when the tar is not an OCI layout', async () => {
    const file = await writeFixture(await tarOf([{ name: 'index.json', data: '{}' }]))
    const error = await failureOf(readOciArchive(file, scratchDir('archive-layout')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(`${file} is not an OCI archive: it has no oci-layout file`)
  })

  it('refuses to write a layout whose blob is corrupt', async () => {
    const image = await dockerImage()
    const layout = scratchDir('archive-layout')
    const descriptor = await importDockerArchive(
      await writeFixture(await legacyArchive(image)),
      layout
    )
    const manifest = await manifestOf(layout, descriptor)
    const layer = manifest.layers[0] as Descriptor
    const path = blobPath(layout, layer.digest)
    const bytes = await fs.readFile(path)
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff
    await fs.writeFile(path, bytes)
    const out = scratchDir('archive-out')
    const error = await failureOf(writeOciArchive(layout, join(out, 'image.tar')))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(`blob ${layer.digest} is corrupt`)
    expect(await fs.readdir(out)).toEqual([])
  })
})
