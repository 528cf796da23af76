/**
 * The registry client and promote against a real Distribution registry (Debian's
 * docker-registry) on 127.0.0.1, with skopeo as the independent observer of digests.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { UserError } from '../../src/errors.js'
import { mediaTypes, type Descriptor } from '../../src/oci/media-types.js'
import { promote, type BlobCopyEvent } from '../../src/oci/promote.js'
import { RegistryClient, sha256Digest } from '../../src/oci/registry.js'
import type { RepositoryRef } from '../../src/oci/reference.js'
import { startRegistry, type LocalRegistry, type RegistryRequest } from '../helpers/registry.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let registry: LocalRegistry
let client: RegistryClient
let skopeo = ''

beforeAll(async () => {
  skopeo = requireTool('skopeo')
  registry = await startRegistry()
  client = new RegistryClient()
})

afterAll(async () => {
  client?.close()
  await registry?.stop()
})

function repo(repository: string): RepositoryRef {
  return { registry: registry.host, repository }
}

/** Pushes one platform's image (a random layer from a file, a config) by digest; returns its descriptor. */
async function pushImage(repository: string, platform: { os: string; architecture: string }) {
  const layer = randomBytes(64 * 1024)
  const layerPath = join(scratchDir('layer'), 'layer.tar.gz')
  writeFileSync(layerPath, layer)
  const layerDigest = sha256Digest(layer)
  const config = Buffer.from(
    JSON.stringify({
      ...platform,
      config: {},
      rootfs: {
        type: 'layers',
        diff_ids: [`sha256:${createHash('sha256').update(layer).digest('hex')}`]
      }
    })
  )
  await client.uploadBlob(repo(repository), layerDigest, { path: layerPath })
  await client.uploadBlob(repo(repository), sha256Digest(config), config)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: mediaTypes.ociManifest,
      config: {
        mediaType: mediaTypes.ociConfig,
        digest: sha256Digest(config),
        size: config.length
      },
      layers: [{ mediaType: mediaTypes.ociLayerGzip, digest: layerDigest, size: layer.length }]
    })
  )
  const digest = await client.putManifest(
    repo(repository),
    sha256Digest(manifest),
    manifest,
    mediaTypes.ociManifest
  )
  return {
    descriptor: {
      mediaType: mediaTypes.ociManifest,
      digest,
      size: manifest.length,
      platform
    } as Descriptor,
    config: sha256Digest(config),
    layer: layerDigest
  }
}

/** The requests the registry logged while `action` ran. */
async function requestsDuring(action: () => Promise<unknown>): Promise<RegistryRequest[]> {
  await registry.flushLog()
  const start = registry.requests.length
  await action()
  await registry.flushLog()
  return registry.requests.slice(start)
}

const isBlobUpload = (request: RegistryRequest): boolean =>
  request.path.includes('/blobs/uploads/') && request.method !== 'POST'
const isWrite = (request: RegistryRequest): boolean =>
  request.method !== 'GET' && request.method !== 'HEAD'

function skopeoDigest(reference: string, raw = false): string {
  const result = spawnSync(
    skopeo,
    [
      'inspect',
      '--tls-verify=false',
      ...(raw ? ['--raw'] : ['--format', '{{.Digest}}']),
      `docker://${reference}`
    ],
    { encoding: 'buffer' }
  )
  if (result.status !== 0)
    throw new Error(`skopeo inspect ${reference}: ${result.stderr.toString()}`)
  return raw ? sha256Digest(result.stdout) : result.stdout.toString().trim()
}

const releaseTags = ['1.2.3', '1.2', '1', 'latest']

describe('promote against docker-registry', () => {
  let image: Awaited<ReturnType<typeof pushImage>>

  beforeAll(async () => {
    image = await pushImage('team/app', { os: 'linux', architecture: 'amd64' })
    const manifest = await client.getManifest({
      ...repo('team/app'),
      digest: image.descriptor.digest
    })
    await client.putManifest(repo('team/app'), 'sha-0123abc', manifest.bytes, manifest.mediaType)
  })

  it('pushes an image whose digest skopeo agrees with', async () => {
    expect(skopeoDigest(`${registry.host}/team/app:sha-0123abc`)).toBe(image.descriptor.digest)
    expect(await client.blobExists(repo('team/app'), image.layer)).toBe(true)
  })

  it('promotes within the repository with manifest PUTs only: no blob bytes, no upload', async () => {
    const promoter = new RegistryClient()
    let result: Awaited<ReturnType<typeof promote>> | undefined
    const requests = await requestsDuring(async () => {
      result = await promote({
        client: promoter,
        source: `${registry.host}/team/app:sha-0123abc`,
        tags: releaseTags,
        immutable: true
      })
    })
    promoter.close()
    expect(result).toMatchObject({
      digest: image.descriptor.digest,
      repository: `${registry.host}/team/app`,
      tags: releaseTags,
      blobsMounted: 0,
      blobsCopied: 0
    })
    expect(promoter.stats.blobBytesSent).toBe(0)
    expect(promoter.stats.blobUploads).toBe(0)
    expect(requests.filter((request) => request.path.includes('/blobs/'))).toEqual([])
    expect(requests.filter(isWrite).map((request) => `${request.method} ${request.path}`)).toEqual(
      releaseTags.map((tag) => `PUT /v2/team/app/manifests/${tag}`)
    )
    for (const tag of releaseTags) {
      expect((await client.headManifest({ ...repo('team/app'), tag }))?.digest).toBe(
        image.descriptor.digest
      )
      expect(skopeoDigest(`${registry.host}/team/app:${tag}`)).toBe(image.descriptor.digest)
    }
  })

  it('promotes into another repository by mounting blobs, digest unchanged', async () => {
    const copies: BlobCopyEvent[] = []
    const requests = await requestsDuring(async () => {
      const result = await promote({
        client,
        source: `${registry.host}/team/app@${image.descriptor.digest}`,
        destination: `${registry.host}/release/app`,
        tags: ['1.2.3'],
        onBlobCopy: (event) => copies.push(event)
      })
      expect(result).toMatchObject({
        digest: image.descriptor.digest,
        blobsMounted: 2,
        blobsCopied: 0
      })
    })
    expect(copies).toEqual([])
    expect(requests.filter(isBlobUpload)).toEqual([])
    expect(
      requests.filter((request) => request.method === 'POST').map((request) => request.status)
    ).toEqual([201, 201])
    expect(skopeoDigest(`${registry.host}/release/app:1.2.3`)).toBe(image.descriptor.digest)
    expect(skopeoDigest(`${registry.host}/release/app@${image.descriptor.digest}`)).toBe(
      image.descriptor.digest
    )
  })

  it('copies a blob through the client when it has to (the mount fallback)', async () => {
    const before = client.stats.blobBytesSent
    await client.copyBlob(repo('team/app'), repo('copied/app'), image.layer)
    expect(client.stats.blobBytesSent - before).toBe(64 * 1024)
    const copied = await client.getBlob(repo('copied/app'), image.layer)
    expect(sha256Digest(copied)).toBe(image.layer)
  })

  it('refuses to move an immutable tag, naming both digests, and writes nothing', async () => {
    const other = await pushImage('team/app', { os: 'linux', architecture: 'amd64' })
    let error: unknown
    const requests = await requestsDuring(async () => {
      error = await promote({
        client,
        source: `${registry.host}/team/app@${other.descriptor.digest}`,
        tags: ['1.2.4', '1.2'],
        immutable: true
      }).catch((caught: unknown) => caught)
    })
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toBe(
      `promote: tag ${registry.host}/team/app:1.2 already points at ${image.descriptor.digest}, not ${other.descriptor.digest}; immutable tags are not moved (use a new tag, or turn immutable off)`
    )
    expect(requests.filter(isWrite)).toEqual([])
    expect(await client.headManifest({ ...repo('team/app'), tag: '1.2.4' })).toBeUndefined()
    expect((await client.headManifest({ ...repo('team/app'), tag: '1.2' }))?.digest).toBe(
      image.descriptor.digest
    )
  })

  it('moves a tag when immutable is off, and leaves an immutable tag alone when it already matches', async () => {
    const again = await promote({
      client,
      source: `${registry.host}/team/app@${image.descriptor.digest}`,
      tags: ['1.2.3'],
      immutable: true
    })
    expect(again.unchanged).toEqual(['1.2.3'])
    const other = await pushImage('team/app', { os: 'linux', architecture: 'amd64' })
    await promote({
      client,
      source: `${registry.host}/team/app@${other.descriptor.digest}`,
      tags: ['edge']
    })
    await promote({
      client,
      source: `${registry.host}/team/app@${image.descriptor.digest}`,
      tags: ['edge']
    })
    expect((await client.headManifest({ ...repo('team/app'), tag: 'edge' }))?.digest).toBe(
      image.descriptor.digest
    )
  })

  it('names a missing source', async () => {
    await expect(
      promote({ client, source: `${registry.host}/team/app:nope`, tags: ['x'] })
    ).rejects.toThrow(
      `promote: source ${registry.host}/team/app:nope does not exist (check the name and tag)`
    )
  })
})

describe('promote of a two-platform OCI index', () => {
  it('copies the index whole: children by digest first, then tags; the digest is unchanged', async () => {
    const amd64 = await pushImage('team/multi', { os: 'linux', architecture: 'amd64' })
    const arm64 = await pushImage('team/multi', { os: 'linux', architecture: 'arm64' })
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: mediaTypes.ociIndex,
        manifests: [amd64.descriptor, arm64.descriptor]
      })
    )
    const indexDigest = await client.putManifest(
      repo('team/multi'),
      'build-1',
      index,
      mediaTypes.ociIndex
    )

    const same = await requestsDuring(() =>
      promote({
        client,
        source: `${registry.host}/team/multi:build-1`,
        tags: releaseTags,
        immutable: true
      })
    )
    expect(same.filter((request) => request.path.includes('/blobs/'))).toEqual([])

    const copies: BlobCopyEvent[] = []
    const other = await requestsDuring(() =>
      promote({
        client,
        source: `${registry.host}/team/multi@${indexDigest}`,
        destination: `${registry.host}/release/multi`,
        tags: releaseTags,
        onBlobCopy: (event) => copies.push(event)
      })
    )
    expect(copies).toEqual([])
    expect(other.filter(isBlobUpload)).toEqual([])
    const manifestPuts = other
      .filter((request) => request.method === 'PUT')
      .map((request) => request.path.replace('/v2/release/multi/manifests/', ''))
    expect(manifestPuts).toEqual([
      amd64.descriptor.digest,
      arm64.descriptor.digest,
      indexDigest,
      ...releaseTags
    ])

    for (const repository of ['team/multi', 'release/multi']) {
      for (const tag of releaseTags) {
        expect(skopeoDigest(`${registry.host}/${repository}:${tag}`, true)).toBe(indexDigest)
      }
      expect(skopeoDigest(`${registry.host}/${repository}:1.2.3`)).toBe(indexDigest)
    }
  })
})

/**
 * A pass-through proxy to the registry that drops `mount=`/`from=` from upload POSTs, so the
 * registry answers 202 (a plain upload) as registries do when they refuse a mount.
 */
async function mountRefusingProxy(
  target: LocalRegistry
): Promise<{ host: string; server: Server }> {
  const [, port] = target.host.split(':')
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://proxy')
    if (request.method === 'POST') {
      url.searchParams.delete('mount')
      url.searchParams.delete('from')
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        method: request.method,
        path: `${url.pathname}${url.search}`,
        headers: request.headers
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    request.pipe(upstream)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

describe('promote when blobs cannot be mounted', () => {
  it('copies the blobs when the registry refuses the mount, and reports each copy', async () => {
    const image = await pushImage('team/refused', { os: 'linux', architecture: 'amd64' })
    const proxy = await mountRefusingProxy(registry)
    const promoter = new RegistryClient()
    const copies: BlobCopyEvent[] = []
    try {
      const result = await promote({
        client: promoter,
        source: `${proxy.host}/team/refused@${image.descriptor.digest}`,
        destination: `${proxy.host}/release/refused`,
        tags: ['1.0.0'],
        onBlobCopy: (event) => copies.push(event)
      })
      expect(result).toMatchObject({
        digest: image.descriptor.digest,
        blobsMounted: 0,
        blobsCopied: 2
      })
    } finally {
      promoter.close()
      proxy.server.closeAllConnections()
      await new Promise<void>((closed) => proxy.server.close(() => closed()))
    }
    expect(copies.map((event) => [event.digest, event.reason])).toEqual([
      [image.config, 'mount-refused'],
      [image.layer, 'mount-refused']
    ])
    expect(promoter.stats.blobUploads).toBe(2)
    expect(skopeoDigest(`${registry.host}/release/refused:1.0.0`)).toBe(image.descriptor.digest)
  })

  it('copies blobs from one registry to another, digest unchanged', async () => {
    const second = await startRegistry()
    try {
      const image = await pushImage('team/cross', { os: 'linux', architecture: 'amd64' })
      const copies: BlobCopyEvent[] = []
      const result = await promote({
        client,
        source: `${registry.host}/team/cross@${image.descriptor.digest}`,
        destination: `${second.host}/mirror/cross`,
        tags: ['1.0.0', 'latest'],
        onBlobCopy: (event) => copies.push(event)
      })
      expect(result).toMatchObject({ digest: image.descriptor.digest, blobsCopied: 2 })
      expect(copies.map((event) => event.reason)).toEqual(['other-registry', 'other-registry'])
      expect(skopeoDigest(`${second.host}/mirror/cross:latest`)).toBe(image.descriptor.digest)
    } finally {
      await second.stop()
    }
  })
})
