/**
 * image-promote's committed bundle and `runnerkit promote` against a real Distribution registry
 * (Debian's docker-registry) on 127.0.0.1, with skopeo as the independent observer of digests
 * and the registry's own access log as the witness that no blob is uploaded.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { mediaTypes } from '../../src/oci/media-types.js'
import { RegistryClient, sha256Digest } from '../../src/oci/registry.js'
import type { RepositoryRef } from '../../src/oci/reference.js'
import { eventFixture } from '../helpers/events.js'
import { fixtureImage, runnerBase, runnerConfig } from '../helpers/image-fixture.js'
import { resolveInLayout } from '../../src/oci/layout.js'
import { startRegistry, type LocalRegistry, type RegistryRequest } from '../helpers/registry.js'
import { repositoryRoot, runAction } from '../helpers/run-action.js'
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

/** Pushes a one-layer image by digest and tags it; returns the manifest digest. */
async function pushImage(repository: string, tag: string): Promise<string> {
  const layer = randomBytes(32 * 1024)
  const config = Buffer.from(
    JSON.stringify({
      os: 'linux',
      architecture: 'amd64',
      config: {},
      rootfs: {
        type: 'layers',
        diff_ids: [`sha256:${createHash('sha256').update(layer).digest('hex')}`]
      }
    })
  )
  await client.uploadBlob(repo(repository), sha256Digest(layer), layer)
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
      layers: [
        { mediaType: mediaTypes.ociLayerGzip, digest: sha256Digest(layer), size: layer.length }
      ]
    })
  )
  await client.putManifest(
    repo(repository),
    sha256Digest(manifest),
    manifest,
    mediaTypes.ociManifest
  )
  return client.putManifest(repo(repository), tag, manifest, mediaTypes.ociManifest)
}

async function requestsDuring<T>(action: () => Promise<T>): Promise<[T, RegistryRequest[]]> {
  await registry.flushLog()
  const start = registry.requests.length
  const result = await action()
  await registry.flushLog()
  return [result, registry.requests.slice(start)]
}

const isWrite = (request: RegistryRequest) => request.method !== 'GET' && request.method !== 'HEAD'

function skopeoDigest(reference: string): string {
  const result = spawnSync(
    skopeo,
    ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${reference}`],
    { encoding: 'utf8' }
  )
  if (result.status !== 0) throw new Error(`skopeo inspect ${reference}: ${result.stderr}`)
  return result.stdout.trim()
}

async function tagDigest(repository: string, tag: string): Promise<string | undefined> {
  return (await client.headManifest({ ...repo(repository), tag }))?.digest
}

const releaseTags = ['1.2.3', '1.2', '1', 'latest']

describe('image-promote action against docker-registry', () => {
  let tested = ''

  beforeAll(async () => {
    tested = await pushImage('team/app', 'sha-0123abc')
  })

  it('promotes the tested digest to 1.2.3, 1.2, 1 and latest with manifest PUTs only', async () => {
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: { source: `${registry.host}/team/app:sha-0123abc`, tags: releaseTags.join(', ') }
      })
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(tested)
    expect(run.outputs.image).toBe(`${registry.host}/team/app@${tested}`)
    expect(run.outputs.tags?.split('\n')).toEqual(
      releaseTags.map((tag) => `${registry.host}/team/app:${tag}`)
    )
    for (const tag of releaseTags) {
      expect(skopeoDigest(`${registry.host}/team/app:${tag}`)).toBe(tested)
    }
    // The registry saw no blob request at all, and no write but the four tag PUTs.
    expect(requests.filter((request) => request.path.includes('/blobs/'))).toEqual([])
    expect(requests.filter(isWrite).map((request) => `${request.method} ${request.path}`)).toEqual(
      releaseTags.map((tag) => `PUT /v2/team/app/manifests/${tag}`)
    )
    expect(run.summary).toContain(`\`${registry.host}/team/app:1.2.3\``)
    expect(run.summary).toContain(tested)
  })

  it('is idempotent: promoting the same digest again leaves 1.2.3 as it is', async () => {
    const run = await runAction('image-promote', {
      inputs: { source: `${registry.host}/team/app@${tested}`, tags: '1.2.3' }
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toContain('already there')
  })

  it('refuses to move an immutable tag, naming both digests, and writes no tag', async () => {
    const other = await pushImage('team/app', 'sha-fedcba9')
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: { source: `${registry.host}/team/app:sha-fedcba9`, tags: '1.3, 1.2.3' }
      })
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(`${registry.host}/team/app:1.2.3`)
    expect(run.errors[0]?.message).toContain(tested)
    expect(run.errors[0]?.message).toContain(other)
    expect(run.outputs).toEqual({})
    expect(requests.filter(isWrite)).toEqual([])
    expect(await tagDigest('team/app', '1.2.3')).toBe(tested)
    expect(await tagDigest('team/app', '1.3')).toBeUndefined()
  })

  it('dry-run resolves and checks, writes nothing, and says what it would write', async () => {
    const candidate = await pushImage('team/app', 'sha-5555555')
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: {
          source: `${registry.host}/team/app:sha-5555555`,
          tags: '4.5.6, 4.5',
          'dry-run': 'true'
        }
      })
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(candidate)
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${registry.host}/team/app:4.5.6`,
      `${registry.host}/team/app:4.5`
    ])
    expect(requests.filter(isWrite)).toEqual([])
    expect(await tagDigest('team/app', '4.5.6')).toBeUndefined()
    expect(run.summary).toContain('dry run: nothing written')
    expect(run.summary).toContain('would be written')

    // A dry run of a promote that would move the immutable 1.2.3 fails as the real one would.
    const refused = await runAction('image-promote', {
      inputs: { source: `${registry.host}/team/app:sha-5555555`, tags: '1.2.3', 'dry-run': 'true' }
    })
    expect(refused.exitCode).toBe(1)
    expect(refused.errors[0]?.message).toContain(candidate)
  })

  it('moves floating tags and, with immutable-tags false, full versions too', async () => {
    const other = await pushImage('team/app', 'sha-1111111')
    const run = await runAction('image-promote', {
      inputs: {
        source: `${registry.host}/team/app:sha-1111111`,
        tags: '1.2.3\nlatest',
        'immutable-tags': 'false'
      }
    })
    expect(run.exitCode).toBe(0)
    expect(await tagDigest('team/app', '1.2.3')).toBe(other)
    expect(await tagDigest('team/app', 'latest')).toBe(other)
  })

  it('computes the tags from image-meta rules on a release event, into another repository', async () => {
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        event: eventFixture('release', 'release-published.json'),
        inputs: {
          source: `${registry.host}/team/app@${tested}`,
          destination: `${registry.host}/release/app`,
          tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}'
        }
      })
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(tested)
    expect(run.outputs.tags?.split('\n')).toEqual(
      ['2.0.0', '2', 'latest'].map((tag) => `${registry.host}/release/app:${tag}`)
    )
    expect(skopeoDigest(`${registry.host}/release/app:2.0.0`)).toBe(tested)
    // Blobs were mounted into release/app, never uploaded.
    expect(
      requests.filter(
        (request) => request.path.includes('/blobs/uploads/') && request.method !== 'POST'
      )
    ).toEqual([])
    expect(
      requests.filter((request) => request.method === 'POST' && request.path.includes('mount='))
    ).toHaveLength(2)
  })
})

describe('image-promote from an OCI layout on the runner (push by digest)', () => {
  it('pushes the checked bytes by digest, then the tags, and a second run uploads nothing', async () => {
    const source = await fixtureImage([runnerBase], runnerConfig)
    const layout = source.slice('oci:'.length, source.lastIndexOf(':'))
    const { digest } = await resolveInLayout(layout, 'fixture')
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: { source, destination: `${registry.host}/team/built`, tags: 'sha-4444444, 1.0.0' }
      })
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.digest).toBe(digest)
    expect(run.outputs.image).toBe(`${registry.host}/team/built@${digest}`)
    expect(skopeoDigest(`${registry.host}/team/built:1.0.0`)).toBe(digest)
    expect(skopeoDigest(`${registry.host}/team/built:sha-4444444`)).toBe(digest)
    // The manifest went up by digest before either tag was written.
    const writes = requests.filter(isWrite).map((request) => `${request.method} ${request.path}`)
    const byDigest = writes.indexOf(`PUT /v2/team/built/manifests/${digest}`)
    expect(byDigest).toBeGreaterThanOrEqual(0)
    expect(byDigest).toBeLessThan(writes.indexOf('PUT /v2/team/built/manifests/sha-4444444'))

    const [again, secondRequests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: { source, destination: `${registry.host}/team/built`, tags: '1.0.0' }
      })
    )
    expect(again.exitCode).toBe(0)
    expect(secondRequests.filter((request) => request.method === 'POST')).toEqual([])
  })

  it('refuses a local source without a destination, naming the input', async () => {
    const source = await fixtureImage([runnerBase], runnerConfig)
    const run = await runAction('image-promote', { inputs: { source, tags: '1.0.0' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toMatch(/destination.*repository to push it into/)
  })

  it('refuses to move an immutable tag to the local image, writing nothing', async () => {
    await pushImage('team/held', '2.0.0')
    const source = await fixtureImage([runnerBase], runnerConfig)
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: { source, destination: `${registry.host}/team/held`, tags: '2.0.0' }
      })
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toContain('already points at')
    expect(requests.filter(isWrite)).toEqual([])
  })
})

describe('image-promote dry run from an OCI layout', () => {
  it('reads the local image and checks the destination, uploading nothing', async () => {
    const source = await fixtureImage([runnerBase], runnerConfig)
    const [run, requests] = await requestsDuring(() =>
      runAction('image-promote', {
        inputs: {
          source,
          destination: `${registry.host}/team/dry`,
          tags: '1.0.0',
          'dry-run': 'true'
        }
      })
    )
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.image).toMatch(new RegExp(`^${registry.host}/team/dry@sha256:[0-9a-f]{64}$`))
    expect(requests.filter(isWrite)).toEqual([])
    expect(await tagDigest('team/dry', '1.0.0')).toBeUndefined()
  })
})

describe('runnerkit promote against docker-registry', () => {
  it('promotes by digest and prints the digest and references as JSON', async () => {
    const digest = await pushImage('team/cli', 'sha-2222222')
    const [result, requests] = await requestsDuring(() =>
      Promise.resolve(
        spawnSync(
          process.execPath,
          [
            join(repositoryRoot, 'bin/runnerkit.js'),
            'promote',
            `${registry.host}/team/cli:sha-2222222`,
            '--tag',
            '1.2.3,1.2',
            '--tag',
            '1',
            '--tag',
            'latest',
            '--json'
          ],
          { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } }
        )
      )
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      digest,
      image: `${registry.host}/team/cli@${digest}`,
      tags: releaseTags.map((tag) => `${registry.host}/team/cli:${tag}`)
    })
    for (const tag of releaseTags)
      expect(skopeoDigest(`${registry.host}/team/cli:${tag}`)).toBe(digest)
    expect(requests.filter((request) => request.path.includes('/blobs/'))).toEqual([])

    const conflict = await pushImage('team/cli', 'sha-3333333')
    const refused = spawnSync(
      process.execPath,
      [
        join(repositoryRoot, 'bin/runnerkit.js'),
        'promote',
        `${registry.host}/team/cli:sha-3333333`,
        '--tag',
        '1.2.3'
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } }
    )
    expect(refused.status).toBe(1)
    expect(refused.stderr).toContain(digest)
    expect(refused.stderr).toContain(conflict)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
  })
})
