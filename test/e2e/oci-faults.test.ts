/**
 * The registry client against a real docker-registry behind a fault-injecting proxy: pushes
 * and promotes survive 503s and a connection reset by retrying, and a permanent 401 fails
 * promote with one clear line, writing no tag.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { initLayout, writeBlob } from '../../src/oci/layout.js'
import { mediaTypes, type Descriptor } from '../../src/oci/media-types.js'
import { pushFromLayout } from '../../src/oci/push.js'
import { promote } from '../../src/oci/promote.js'
import {
  RegistryClient,
  RegistryError,
  sha256Digest,
  type RetryEvent
} from '../../src/oci/registry.js'
import type { RepositoryRef } from '../../src/oci/reference.js'
import { startFaultyProxy, type FaultyProxy, type ProxiedRequest } from '../helpers/faulty-proxy.js'
import { startRegistry, type LocalRegistry, type RegistryRequest } from '../helpers/registry.js'
import { scratchDir } from '../helpers/scratch.js'

let registry: LocalRegistry
let proxy: FaultyProxy
let direct: RegistryClient

beforeAll(async () => {
  registry = await startRegistry()
  proxy = await startFaultyProxy(registry.host)
  direct = new RegistryClient()
})

afterAll(async () => {
  direct?.close()
  await proxy?.close()
  await registry?.stop()
})

/** A client through the proxy that retries without waiting, recording each retry. */
function proxiedClient(extra: ConstructorParameters<typeof RegistryClient>[0] = {}) {
  const retries: RetryEvent[] = []
  const client = new RegistryClient({
    maxRetries: 3,
    minDelayMs: 1,
    maxDelayMs: 2,
    sleep: () => Promise.resolve(),
    onRetry: (event) => retries.push(event),
    ...extra
  })
  return { client, retries }
}

const isBlobPut = (request: ProxiedRequest): boolean =>
  request.method === 'PUT' && request.path.includes('/blobs/uploads/')
const isManifestPut = (request: ProxiedRequest): boolean =>
  request.method === 'PUT' && request.path.includes('/manifests/')

/** The requests the registry itself logged while `action` ran. */
async function registryRequestsDuring(action: () => Promise<unknown>): Promise<RegistryRequest[]> {
  await registry.flushLog()
  const start = registry.requests.length
  await action()
  await registry.flushLog()
  return registry.requests.slice(start)
}

const repository = 'faults/app'
const viaProxy = (): RepositoryRef => ({ registry: proxy.host, repository })
const tags = ['1.0.0', '1.0', 'latest']

describe('registry client through a faulty proxy', () => {
  let digest = ''

  it('pushes an image (blobs and manifest) despite two 503s and a connection reset', async () => {
    proxy.script([
      { match: isBlobPut, fault: { status: 503, body: '{"errors":[]}' }, times: 2 },
      { match: isManifestPut, fault: 'reset', times: 1 }
    ])
    const injectedBefore = proxy.injected.length
    const { client, retries } = proxiedClient()
    try {
      const layer = randomBytes(32 * 1024)
      const config = Buffer.from(
        JSON.stringify({ os: 'linux', architecture: 'amd64', config: {}, rootfs: {} })
      )
      await client.uploadBlob(viaProxy(), sha256Digest(layer), layer)
      await client.uploadBlob(viaProxy(), sha256Digest(config), config)
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: mediaTypes.ociManifest,
          config: {
            mediaType: mediaTypes.ociConfig,
            digest: sha256Digest(config),
            size: config.length
          },
          layers: [
            { mediaType: mediaTypes.ociLayerGzip, digest: sha256Digest(layer), size: layer.length }
          ]
        })
      )
      digest = await client.putManifest(viaProxy(), 'build-1', manifest, mediaTypes.ociManifest)
      expect(digest).toBe(sha256Digest(manifest))
    } finally {
      client.close()
    }

    const injected = proxy.injected.slice(injectedBefore)
    expect(injected.map((fault) => [fault.method, fault.fault])).toEqual([
      ['PUT', 'HTTP 503'],
      ['PUT', 'HTTP 503'],
      ['PUT', 'reset']
    ])
    expect(injected[2]?.path).toBe(`/v2/${repository}/manifests/build-1`)
    expect(client.stats.retries).toBe(3)
    expect(retries.map((event) => event.reason)).toEqual([
      'HTTP 503',
      'HTTP 503',
      expect.stringMatching(/^(ECONNRESET|EPIPE)$/)
    ])
    expect(retries[0]?.operation).toMatch(/^upload blob sha256:/)
    expect(retries[2]?.operation).toBe(`PUT manifest ${proxy.host}/${repository}:build-1`)
    expect(
      proxy.forwarded.some(
        (request) =>
          request.path === `/v2/${repository}/manifests/build-1` && request.status === 201
      )
    ).toBe(true)
    expect(
      (await direct.headManifest({ registry: registry.host, repository, tag: 'build-1' }))?.digest
    ).toBe(digest)
  })

  it('promotes to several tags despite two 503s and a connection reset', async () => {
    expect(digest).not.toBe('')
    proxy.script([
      { match: isManifestPut, fault: { status: 503 }, times: 2 },
      { match: isManifestPut, fault: 'reset', times: 1 }
    ])
    const injectedBefore = proxy.injected.length
    const { client, retries } = proxiedClient()
    try {
      const result = await promote({
        client,
        source: `${proxy.host}/${repository}:build-1`,
        tags
      })
      expect(result).toMatchObject({ digest, tags, blobsMounted: 0, blobsCopied: 0 })
    } finally {
      client.close()
    }

    const injected = proxy.injected.slice(injectedBefore)
    expect(injected.map((fault) => `${fault.method} ${fault.path} ${fault.fault}`)).toEqual([
      `PUT /v2/${repository}/manifests/1.0.0 HTTP 503`,
      `PUT /v2/${repository}/manifests/1.0.0 HTTP 503`,
      `PUT /v2/${repository}/manifests/1.0.0 reset`
    ])
    expect(client.stats.retries).toBe(3)
    expect(retries.map((event) => [event.operation, event.attempt])).toEqual([
      [`PUT manifest ${proxy.host}/${repository}:1.0.0`, 1],
      [`PUT manifest ${proxy.host}/${repository}:1.0.0`, 2],
      [`PUT manifest ${proxy.host}/${repository}:1.0.0`, 3]
    ])
    expect(retries.map((event) => event.reason)).toEqual([
      'HTTP 503',
      'HTTP 503',
      expect.stringMatching(/^(ECONNRESET|EPIPE)$/)
    ])
    for (const tag of tags) {
      expect(
        (await direct.headManifest({ registry: registry.host, repository, tag }))?.digest
      ).toBe(digest)
    }
  })

  it('fails promote on a permanent 401 with one line, no credentials, and no tag written', async () => {
    expect(digest).not.toBe('')
    const password = 's3cret-Pa55word'
    proxy.script([
      {
        fault: {
          status: 401,
          headers: { 'www-authenticate': 'Basic realm="faulty-proxy"' },
          body: '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'
        },
        times: Infinity
      }
    ])
    const injectedBefore = proxy.injected.length
    const forwardedBefore = proxy.forwarded.length
    const { client, retries } = proxiedClient({
      credentials: { [proxy.host]: { username: 'ci-bot', password } }
    })
    let error: unknown
    const logged = await registryRequestsDuring(async () => {
      error = await promote({
        client,
        source: `${proxy.host}/${repository}:build-1`,
        tags: ['denied', 'latest-denied']
      }).catch((caught: unknown) => caught)
    })
    client.close()
    proxy.script([])

    expect(error).toBeInstanceOf(RegistryError)
    const message = (error as RegistryError).message
    expect((error as RegistryError).status).toBe(401)
    expect(message).not.toMatch(/[\r\n]/)
    expect(message).toContain(proxy.host)
    expect(message).toContain('HTTP 401')
    expect(message).toContain('refused the credentials given')
    for (const secret of [
      password,
      Buffer.from(`ci-bot:${password}`).toString('base64'),
      'Basic '
    ]) {
      expect(message).not.toContain(secret)
    }
    // The credentials were offered after the challenge, and refused; 401 is not retried.
    const injected = proxy.injected.slice(injectedBefore)
    expect(injected.map((fault) => [fault.fault, fault.authorized])).toEqual([
      ['HTTP 401', false],
      ['HTTP 401', true]
    ])
    expect(retries).toEqual([])
    expect(client.stats.retries).toBe(0)
    expect(proxy.forwarded.slice(forwardedBefore)).toEqual([])
    expect(logged.filter((request) => request.path.includes('/manifests/'))).toEqual([])
    expect(logged.filter((request) => request.method === 'PUT')).toEqual([])
    for (const tag of ['denied', 'latest-denied']) {
      expect(
        await direct.headManifest({ registry: registry.host, repository, tag })
      ).toBeUndefined()
    }
  })
})

describe('pushFromLayout (the image-build push) through a faulty proxy', () => {
  async function layoutWithImage(): Promise<{ layout: string; descriptor: Descriptor }> {
    const layout = join(scratchDir('faults-layout'), 'layout')
    await initLayout(layout)
    const layer = await writeBlob(layout, randomBytes(48 * 1024))
    const config = await writeBlob(
      layout,
      Buffer.from(
        JSON.stringify({
          os: 'linux',
          architecture: 'amd64',
          config: { Labels: { build: randomBytes(8).toString('hex') } },
          rootfs: {}
        })
      )
    )
    const manifest = await writeBlob(
      layout,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: mediaTypes.ociManifest,
          config: { mediaType: mediaTypes.ociConfig, ...config },
          layers: [{ mediaType: mediaTypes.ociLayerGzip, ...layer }]
        })
      )
    )
    return { layout, descriptor: { mediaType: mediaTypes.ociManifest, ...manifest } }
  }

  it('pushes blobs, the manifest by digest, then tags, despite two 503s and a reset', async () => {
    const { layout, descriptor } = await layoutWithImage()
    proxy.script([
      { match: isBlobPut, fault: { status: 503 }, times: 2 },
      { match: isManifestPut, fault: 'reset', times: 1 }
    ])
    const { client, retries } = proxiedClient()
    const order: string[] = []
    try {
      const result = await pushFromLayout({
        client,
        layout,
        descriptor,
        repository: viaProxy(),
        tags: ['2.0.0', 'latest'],
        onEvent: (event) => order.push(event.kind === 'tag' ? `tag ${event.tag}` : event.kind)
      })
      expect(result.digest).toBe(descriptor.digest)
      expect(result.blobsUploaded).toBe(2)
    } finally {
      client.close()
    }
    expect(retries).toHaveLength(3)
    expect(order).toEqual(['blob-uploaded', 'blob-uploaded', 'manifest', 'tag 2.0.0', 'tag latest'])
    for (const tag of ['2.0.0', 'latest']) {
      expect(
        (await direct.headManifest({ registry: registry.host, repository, tag }))?.digest
      ).toBe(descriptor.digest)
    }
  })

  it('writes no tag when a blob cannot be uploaded: a tag never points at a partial image', async () => {
    const { layout, descriptor } = await layoutWithImage()
    proxy.script([{ match: isBlobPut, fault: { status: 500 }, times: Infinity }])
    const { client } = proxiedClient()
    try {
      await expect(
        pushFromLayout({
          client,
          layout,
          descriptor,
          repository: viaProxy(),
          tags: ['3.0.0']
        })
      ).rejects.toThrow(
        /upload blob sha256:[0-9a-f]{64} into 127\.0\.0\.1:\d+\/faults\/app: HTTP 500/
      )
    } finally {
      client.close()
      proxy.script([])
    }
    expect(
      await direct.headManifest({ registry: registry.host, repository, tag: '3.0.0' })
    ).toBeUndefined()
    expect(
      await direct.headManifest({ registry: registry.host, repository, digest: descriptor.digest })
    ).toBeUndefined()
  })
})
