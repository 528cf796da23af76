import { afterEach, describe, expect, it } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mediaTypes } from '../../../src/oci/media-types.js'
import {
  RegistryClient,
  RegistryError,
  sha256Digest,
  type RetryEvent
} from '../../../src/oci/registry.js'

type Handler = (request: IncomingMessage, response: ServerResponse, body: Buffer) => void

interface FakeRegistry {
  host: string
  seen: Array<{ method: string; url: string; authorization?: string }>
  close(): Promise<void>
}

const servers: FakeRegistry[] = []
const clients: RegistryClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.close()
  for (const server of servers.splice(0)) await server.close()
})

/** A registry stand-in on 127.0.0.1 that answers each request with the next handler. */
async function fakeRegistry(handlers: Handler[]): Promise<FakeRegistry> {
  const seen: FakeRegistry['seen'] = []
  let next = 0
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        ...(request.headers.authorization !== undefined && {
          authorization: request.headers.authorization
        })
      })
      const handler = handlers[Math.min(next++, handlers.length - 1)]!
      handler(request, response, Buffer.concat(chunks))
    })
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const fake: FakeRegistry = {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((closed) => server.close(() => closed()))
    }
  }
  servers.push(fake)
  return fake
}

function testClient(options: ConstructorParameters<typeof RegistryClient>[0] = {}): {
  client: RegistryClient
  retries: RetryEvent[]
  sleeps: number[]
} {
  const retries: RetryEvent[] = []
  const sleeps: number[] = []
  const client = new RegistryClient({
    sleep: (ms) => {
      sleeps.push(ms)
      return Promise.resolve()
    },
    onRetry: (event) => retries.push(event),
    ...options
  })
  clients.push(client)
  return { client, retries, sleeps }
}

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: mediaTypes.ociManifest,
    config: { mediaType: mediaTypes.ociConfig, digest: `sha256:${'1'.repeat(64)}`, size: 2 },
    layers: []
  })
)
const digest = sha256Digest(manifest)

const status =
  (code: number, headers: Record<string, string> = {}): Handler =>
  (_request, response) => {
    response.writeHead(code, headers)
    response.end()
  }
const serveManifest: Handler = (_request, response) => {
  response.writeHead(200, {
    'content-type': mediaTypes.ociManifest,
    'docker-content-digest': digest
  })
  response.end(manifest)
}
const reset: Handler = (request) => request.socket.destroy()

describe('RegistryClient retries', () => {
  it('retries 503 twice, then succeeds, reporting each retry with growing delays', async () => {
    const registry = await fakeRegistry([status(503), status(503), serveManifest])
    const { client, retries, sleeps } = testClient()
    const got = await client.getManifest({ registry: registry.host, repository: 'a/b', tag: '1' })
    expect(got).toEqual({ bytes: manifest, mediaType: mediaTypes.ociManifest, digest })
    expect(retries.map((event) => [event.attempt, event.reason])).toEqual([
      [1, 'HTTP 503'],
      [2, 'HTTP 503']
    ])
    expect(retries[0]!.operation).toBe(`GET manifest ${registry.host}/a/b:1`)
    expect(sleeps).toEqual([500, 1000])
    expect(client.stats.retries).toBe(2)
  })

  it('honours Retry-After on 429, up to the cap', async () => {
    const registry = await fakeRegistry([
      status(429, { 'retry-after': '2' }),
      status(429, { 'retry-after': '3600' }),
      serveManifest
    ])
    const { client, sleeps } = testClient({ retryAfterCapMs: 10_000 })
    await client.getManifest({ registry: registry.host, repository: 'a', digest })
    expect(sleeps).toEqual([2000, 10_000])
  })

  it('retries a reset connection', async () => {
    const registry = await fakeRegistry([reset, serveManifest])
    const { client, retries } = testClient()
    const got = await client.headManifest({ registry: registry.host, repository: 'a', tag: 't' })
    expect(got).toEqual({ digest, mediaType: mediaTypes.ociManifest, size: 0 })
    expect(retries).toHaveLength(1)
    expect(retries[0]!.reason).toBe('ECONNRESET')
  })

  it('gives up after the last retry with the status and the registry error code', async () => {
    const registry = await fakeRegistry([
      (_request, response) => {
        response.writeHead(503, { 'content-type': 'application/json' })
        response.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'down' }] }))
      }
    ])
    const { client, retries } = testClient({ maxRetries: 3 })
    await expect(
      client.getManifest({ registry: registry.host, repository: 'a', tag: 't' })
    ).rejects.toThrow(`GET manifest ${registry.host}/a:t: UNAVAILABLE: down`)
    expect(retries).toHaveLength(3)
    expect(registry.seen).toHaveLength(4)
  })

  it('does not retry a 404, and answers undefined for a missing tag', async () => {
    const registry = await fakeRegistry([status(404)])
    const { client, retries } = testClient()
    expect(await client.headManifest({ registry: registry.host, repository: 'a', tag: 't' })).toBe(
      undefined
    )
    expect(retries).toHaveLength(0)
  })

  it('refuses a manifest whose bytes do not match Docker-Content-Digest', async () => {
    const registry = await fakeRegistry([
      (_request, response) => {
        response.writeHead(200, {
          'content-type': mediaTypes.ociManifest,
          'docker-content-digest': `sha256:${'0'.repeat(64)}`
        })
        response.end(manifest)
      }
    ])
    const { client } = testClient()
    await expect(
      client.getManifest({ registry: registry.host, repository: 'a', tag: 't' })
    ).rejects.toThrow(/Docker-Content-Digest sha256:0+, but its bytes hash to sha256:/)
  })
})

describe('RegistryClient authentication', () => {
  it('fetches a Bearer token with Basic credentials, caches it per scope, never leaks them', async () => {
    let host = ''
    const tokensIssued: string[] = []
    const registry = await fakeRegistry([
      (request, response) => {
        if (request.url?.startsWith('/token')) {
          tokensIssued.push(request.url)
          response.writeHead(200, { 'content-type': 'application/json' })
          response.end(JSON.stringify({ token: 'tok-1' }))
        } else if (request.headers.authorization === 'Bearer tok-1') {
          serveManifest(request, response, Buffer.alloc(0))
        } else {
          response.writeHead(401, {
            'www-authenticate': `Bearer realm="http://${host}/token",service="fake",scope="x"`
          })
          response.end()
        }
      }
    ])
    host = registry.host
    const { client } = testClient({
      credentials: { [host]: { username: 'ci', password: 's3cret' } }
    })
    await client.getManifest({ registry: host, repository: 'a/b', tag: '1' })
    await client.getManifest({ registry: host, repository: 'a/b', tag: '2' })
    expect(tokensIssued).toEqual(['/token?service=fake&scope=repository%3Aa%2Fb%3Apull'])
    const tokenRequest = registry.seen.find((request) => request.url.startsWith('/token'))
    expect(tokenRequest?.authorization).toBe(`Basic ${Buffer.from('ci:s3cret').toString('base64')}`)
    // second manifest: token sent up front, no 401 round trip
    expect(registry.seen.map((request) => request.url)).toEqual([
      '/v2/a/b/manifests/1',
      tokensIssued[0],
      '/v2/a/b/manifests/1',
      '/v2/a/b/manifests/2'
    ])
  })

  it('uses Basic credentials directly when challenged with Basic', async () => {
    const expected = `Basic ${Buffer.from('u:p').toString('base64')}`
    const registry = await fakeRegistry([
      (request, response) => {
        if (request.headers.authorization === expected) {
          serveManifest(request, response, Buffer.alloc(0))
        } else {
          response.writeHead(401, { 'www-authenticate': 'Basic realm="r"' })
          response.end()
        }
      }
    ])
    const { client } = testClient({
      credentials: { [registry.host]: { username: 'u', password: 'p' } }
    })
    const got = await client.getManifest({ registry: registry.host, repository: 'a', tag: 't' })
    expect(got.digest).toBe(digest)
  })

  it('fails a permanent 401 with a clear message and no credential in it', async () => {
    const registry = await fakeRegistry([status(401, { 'www-authenticate': 'Basic realm="r"' })])
    const { client, retries } = testClient({
      credentials: { [registry.host]: { username: 'ci', password: 'hunter2' } }
    })
    const attempt = client.putManifest(
      { registry: registry.host, repository: 'a' },
      '1.0',
      manifest,
      mediaTypes.ociManifest
    )
    await expect(attempt).rejects.toThrow(RegistryError)
    const message = await attempt.catch((error: Error) => error.message)
    expect(message).toBe(
      `PUT manifest ${registry.host}/a:1.0: registry ${registry.host} refused the credentials given (HTTP 401): give credentials for ${registry.host} with access to this repository`
    )
    expect(message).not.toMatch(/hunter2|Y2k6aHVudGVyMg/)
    expect(retries).toHaveLength(0)
    expect(registry.seen).toHaveLength(2)
  })

  it('says credentials are needed when Basic is asked for and none were given', async () => {
    const registry = await fakeRegistry([status(401, { 'www-authenticate': 'Basic realm="r"' })])
    const { client } = testClient()
    await expect(
      client.blobExists({ registry: registry.host, repository: 'a' }, digest)
    ).rejects.toThrow(/requires a username and password; give credentials for 127\.0\.0\.1:\d+/)
  })
})

describe('RegistryClient blobs', () => {
  it('mountBlob: true on 201, false on 202 with the upload cancelled', async () => {
    const registry = await fakeRegistry([
      status(201),
      status(202, { location: '/v2/b/blobs/uploads/u1?_state=x' }),
      status(204)
    ])
    const { client } = testClient()
    const from = { registry: registry.host, repository: 'a' }
    const to = { registry: registry.host, repository: 'b' }
    expect(await client.mountBlob(from, to, digest)).toBe(true)
    expect(await client.mountBlob(from, to, digest)).toBe(false)
    expect(registry.seen.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST /v2/b/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=a`,
      `POST /v2/b/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=a`,
      'DELETE /v2/b/blobs/uploads/u1?_state=x'
    ])
    expect(client.stats.blobBytesSent).toBe(0)
  })

  it('uploadBlob: POST then PUT with the digest, counting blob bytes', async () => {
    const blob = Buffer.from('hello layer')
    const blobDigest = sha256Digest(blob)
    let received: Buffer = Buffer.alloc(0)
    const registry = await fakeRegistry([
      status(202, { location: '/v2/a/blobs/uploads/u2?_state=s' }),
      status(503),
      (_request, response, body) => {
        received = body
        response.writeHead(201)
        response.end()
      }
    ])
    const { client } = testClient()
    await client.uploadBlob({ registry: registry.host, repository: 'a' }, blobDigest, blob)
    expect(received).toEqual(blob)
    expect(registry.seen[2]!.url).toBe(
      `/v2/a/blobs/uploads/u2?_state=s&digest=${encodeURIComponent(blobDigest)}`
    )
    expect(client.stats.blobUploads).toBe(1)
    expect(client.stats.blobBytesSent).toBe(blob.length * 2)
  })
})
