/**
 * A dry run asks the registry for pull access only, so a read-only token (a workflow job with
 * packages: read) can answer "does the release commit's image exist, and may it be promoted?".
 *
 * Mocked: a registry with a token service, which only a hosted registry such as ghcr.io has
 * (Debian's docker-registry here runs without auth). It issues a token per scope and refuses
 * writes made with a token that lacks push, as ghcr.io does; the e2e tier runs dry runs
 * against the real docker-registry.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { runPromote } from '../../../src/image/promote-run.js'
import { mediaTypes } from '../../../src/oci/media-types.js'

interface TokenRegistry {
  host: string
  scopesRequested: string[]
  writes: string[]
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise<void>((closed) => server.close(() => closed()))
  }
})

const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: mediaTypes.ociManifest,
    config: { mediaType: mediaTypes.ociConfig, digest: `sha256:${'c'.repeat(64)}`, size: 2 },
    layers: []
  })
)
const digest = `sha256:${createHash('sha256').update(manifest).digest('hex')}`

/** team/app holds one image under sha-0123abc, and `existing` tags pointing elsewhere. */
async function tokenRegistry(existing: Record<string, string> = {}): Promise<TokenRegistry> {
  const state: TokenRegistry = { host: '', scopesRequested: [], writes: [] }
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://registry')
    request.resume()
    if (url.pathname === '/token') {
      const scope = url.searchParams.getAll('scope').join(' ')
      state.scopesRequested.push(scope)
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ token: Buffer.from(scope).toString('base64url') }))
      return
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    const scope = bearer === undefined ? '' : Buffer.from(bearer, 'base64url').toString()
    const write = request.method !== 'GET' && request.method !== 'HEAD'
    if (bearer === undefined || (write && !/:pull,push\b/.test(scope))) {
      response.writeHead(401, {
        'www-authenticate': `Bearer realm="http://${state.host}/token",service="fake"`
      })
      response.end()
      return
    }
    const tag = /^\/v2\/team\/app\/manifests\/(.+)$/.exec(url.pathname)?.[1]
    if (write) {
      state.writes.push(`${request.method} ${url.pathname}`)
      response.writeHead(201, { 'docker-content-digest': digest })
      response.end()
    } else if (tag === 'sha-0123abc' || tag === digest) {
      response.writeHead(200, {
        'content-type': mediaTypes.ociManifest,
        'docker-content-digest': digest,
        'content-length': manifest.length
      })
      response.end(request.method === 'GET' ? manifest : undefined)
    } else if (tag !== undefined && existing[tag] !== undefined) {
      response.writeHead(200, {
        'content-type': mediaTypes.ociManifest,
        'docker-content-digest': existing[tag],
        'content-length': 0
      })
      response.end()
    } else {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end('{"errors":[{"code":"MANIFEST_UNKNOWN"}]}')
    }
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  servers.push(server)
  state.host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

const credentials = { username: 'ci', password: 'read-only-token' }

describe('runPromote dry run', () => {
  it('resolves and checks with pull scope only, writes nothing, and reports the would-be tags', async () => {
    const registry = await tokenRegistry()
    const result = await runPromote({
      source: `${registry.host}/team/app:sha-0123abc`,
      tags: ['sha-0123abc'],
      credentials,
      immutable: true,
      dryRun: true
    })
    expect(result).toMatchObject({
      digest,
      image: `${registry.host}/team/app@${digest}`,
      tags: [`${registry.host}/team/app:sha-0123abc`],
      unchanged: [],
      dryRun: true
    })
    expect(registry.writes).toEqual([])
    expect(new Set(registry.scopesRequested)).toEqual(new Set(['repository:team/app:pull']))
  })

  it('the same promote without dry run asks for push and writes the tag (the control)', async () => {
    const registry = await tokenRegistry()
    const result = await runPromote({
      source: `${registry.host}/team/app:sha-0123abc`,
      tags: ['1.2.3'],
      credentials,
      immutable: true
    })
    expect(result.dryRun).toBe(false)
    expect(registry.writes).toEqual(['PUT /v2/team/app/manifests/1.2.3'])
    expect(registry.scopesRequested).toContain('repository:team/app:pull,push')
  })

  it('still refuses to move an immutable tag, so a dry run predicts the failure', async () => {
    const other = `sha256:${'e'.repeat(64)}`
    const registry = await tokenRegistry({ '1.2.3': other })
    await expect(
      runPromote({
        source: `${registry.host}/team/app:sha-0123abc`,
        tags: ['1.2.3'],
        credentials,
        immutable: true,
        dryRun: true
      })
    ).rejects.toThrow(other)
    expect(registry.writes).toEqual([])
  })
})
