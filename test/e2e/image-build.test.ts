/**
 * image-build end to end with the real engines: buildah, podman and Debian's dockerd build a
 * runner-like Dockerfile FROM a debootstrapped Debian base (served by a real docker-registry on
 * 127.0.0.1) with a real `apt-get install` from Debian's mirror, push it, and skopeo — an
 * independent client — must agree with the digest we output. Also: build secrets that reach no
 * layer, no history and no log; a two-platform FROM scratch image pushed as one index and
 * promoted whole; an authenticated registry through the action bundle, whose auth file is gone
 * when the step ends; OCI layout and oci-archive outputs read back by skopeo.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { pushDebianBase } from '../helpers/base-image.js'
import { eventFixture } from '../helpers/events.js'
import { runRunnerkit } from '../helpers/cli.js'
import { startDockerd, type LocalDockerd } from '../helpers/dockerd.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { runAction } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let registry: LocalRegistry
let base = ''
let skopeo = ''

beforeAll(async () => {
  skopeo = requireTool('skopeo')
  requireTool('buildah')
  requireTool('podman')
  registry = await startRegistry()
  base = await pushDebianBase(registry)
}, 600_000)

afterAll(async () => {
  await registry?.stop()
})

const runnerDockerfile = [
  'ARG BASE_IMAGE',
  'FROM ${BASE_IMAGE}',
  'RUN apt-get update \\',
  ' && apt-get install -y --no-install-recommends jq \\',
  ' && rm -rf /var/lib/apt/lists/*',
  'RUN useradd --uid 1000 --create-home --shell /bin/bash runner',
  'USER 1000',
  ''
].join('\n')

function context(dockerfile: string, files: Record<string, string> = {}): string {
  const dir = scratchDir('build-context')
  writeFileSync(join(dir, 'Dockerfile'), dockerfile)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), text)
  }
  return dir
}

function skopeoRun(args: string[]): string {
  const result = spawnSync(skopeo, args, { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`skopeo ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

function skopeoDigest(reference: string, creds?: string): string {
  return skopeoRun([
    'inspect',
    '--tls-verify=false',
    ...(creds !== undefined ? ['--creds', creds] : []),
    '--format',
    '{{.Digest}}',
    `docker://${reference}`
  ]).trim()
}

/** Copies the image with skopeo into an OCI layout and lists every path in its layers. */
function layerPaths(reference: string): { paths: string[]; blobs: Buffer[] } {
  const dir = join(scratchDir('skopeo-copy'), 'layout')
  skopeoRun(['copy', '--src-tls-verify=false', `docker://${reference}`, `oci:${dir}:x`])
  const blobs = readdirSync(join(dir, 'blobs', 'sha256')).map((name) =>
    readFileSync(join(dir, 'blobs', 'sha256', name))
  )
  const paths: string[] = []
  for (const blob of blobs) {
    if (blob[0] !== 0x1f || blob[1] !== 0x8b) continue
    const listing = spawnSync('tar', ['-tz'], { input: blob, encoding: 'utf8', maxBuffer: 1 << 28 })
    paths.push(...listing.stdout.split('\n'))
  }
  return { paths, blobs }
}

interface BuildJson {
  digest: string
  imageid: string
  tags: string[]
  image: string
  metadata: {
    engine: string
    mediaType: string
    platforms: Array<{ platform: string; digest: string; layers: number }>
    pushed: string[]
  }
}

async function build(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = await runRunnerkit(['build', '--json', ...args], env)
  if (result.code !== 0) throw new Error(`runnerkit build failed:\n${result.stderr}`)
  return { json: JSON.parse(result.stdout) as BuildJson, log: result.stderr }
}

describe.each(['buildah', 'podman'])('%s', (engine) => {
  it('builds the runner image from the local base with a real apt-get install and pushes what skopeo sees', async () => {
    const tag = `${registry.host}/runner/${engine}:test`
    const { json, log } = await build([
      '--engine',
      engine,
      '--build-arg',
      `BASE_IMAGE=${base}`,
      '--network',
      'host',
      '--no-cache',
      '--label',
      'org.opencontainers.image.title=runner',
      '--tag',
      tag,
      '--push',
      context(runnerDockerfile)
    ])
    expect(json.metadata.engine).toBe(engine)
    expect(log).toMatch(/Setting up jq/)
    expect(json.digest).toBe(skopeoDigest(tag))
    expect(json.image).toBe(`${registry.host}/runner/${engine}@${json.digest}`)
    const config = JSON.parse(
      skopeoRun(['inspect', '--tls-verify=false', '--config', `docker://${tag}`])
    ) as { config: { User?: string; Labels?: Record<string, string> } }
    expect(config.config.User).toBe('1000')
    expect(config.config.Labels?.['org.opencontainers.image.title']).toBe('runner')
    const { paths } = layerPaths(tag)
    expect(paths).toContain('usr/bin/jq')
    expect(paths.some((path) => /^home\/runner\/?$/.test(path))).toBe(true)
  }, 600_000)
})

describe('docker (dockerd with --bridge=none --iptables=false)', () => {
  let dockerd: LocalDockerd
  beforeAll(async () => {
    dockerd = await startDockerd()
  }, 120_000)
  afterAll(async () => {
    await dockerd?.stop()
  })

  it('builds with the classic builder, converts docker save into OCI, and pushes what skopeo sees', async () => {
    const tag = `${registry.host}/runner/docker:test`
    const env = { ...process.env, DOCKER_HOST: dockerd.host }
    const { json, log } = await build(
      [
        '--engine',
        'docker',
        '--build-arg',
        `BASE_IMAGE=${base}`,
        '--network',
        'host',
        '--tag',
        tag,
        '--push',
        context(runnerDockerfile)
      ],
      env
    )
    expect(json.metadata.engine).toBe('docker')
    expect(log).toMatch(/Setting up jq/)
    expect(json.digest).toBe(skopeoDigest(tag))
    // The image id docker reports is the config digest we pushed.
    const inspected = spawnSync('docker', ['image', 'inspect', '--format', '{{.Id}}', tag], {
      env,
      encoding: 'utf8'
    })
    expect(inspected.stdout.trim()).toBe(json.imageid)
    const config = JSON.parse(
      skopeoRun(['inspect', '--tls-verify=false', '--config', `docker://${tag}`])
    ) as { config: { User?: string } }
    expect(config.config.User).toBe('1000')
    expect(layerPaths(tag).paths).toContain('usr/bin/jq')
  }, 600_000)

  it('refuses build secrets with the classic builder before building, naming buildah', async () => {
    const result = await runRunnerkit(
      ['build', '--engine', 'docker', '--secret', 'id=token,env=HOME', context('FROM scratch\n')],
      { ...process.env, DOCKER_HOST: dockerd.host }
    )
    expect(result.code).toBe(1)
    const errors = result.stderr.split('\n').filter((line) => line.includes('cannot'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/engine docker cannot mount build secrets.*use engine buildah/)
    expect(result.stderr).not.toMatch(/Step 1\/1/)
  })
})

describe('build secrets', () => {
  it('reach the RUN step but no layer, no history and no log', async () => {
    const secret = `s3cret-${Date.now()}-value`
    const tag = `${registry.host}/secrets/app:test`
    const dockerfile = [
      `FROM ${base}`,
      'RUN --mount=type=secret,id=token sha256sum /run/secrets/token | cut -c1-64 > /token.sha256',
      'RUN --mount=type=secret,id=npmrc cat /run/secrets/npmrc | wc -c > /npmrc.size',
      ''
    ].join('\n')
    const dir = context(dockerfile)
    const npmrc = join(scratchDir('secret-file'), 'npmrc')
    writeFileSync(npmrc, `//registry.example/:_authToken=${secret}\n`)
    const { json, log } = await build(
      [
        '--engine',
        'buildah',
        '--network',
        'host',
        '--secret',
        'id=token,env=RK_TEST_TOKEN',
        '--secret',
        `id=npmrc,src=${npmrc}`,
        '--tag',
        tag,
        '--push',
        dir
      ],
      { ...process.env, RK_TEST_TOKEN: secret }
    )
    expect(json.digest).toBe(skopeoDigest(tag))
    const { paths, blobs } = layerPaths(tag)
    expect(paths).toContain('token.sha256')
    const expectedHash = spawnSync('sha256sum', { input: secret, encoding: 'utf8' }).stdout.slice(
      0,
      64
    )
    const layers = blobs
      .filter((blob) => blob[0] === 0x1f && blob[1] === 0x8b)
      .map((blob) => gunzipSync(blob))
    expect(layers.some((layer) => layer.includes(expectedHash))).toBe(true)
    for (const blob of [...blobs, ...layers]) expect(blob.includes(secret)).toBe(false)
    // The mount point may remain as an empty directory; nothing may be inside it.
    expect(paths.filter((path) => /^run\/secrets\/./.test(path))).toEqual([])
    expect(log).not.toContain(secret)
  }, 300_000)
})

describe('multi-platform', () => {
  it('builds a FROM scratch image for two platforms as one index, and promote keeps its digest', async () => {
    const tag = `${registry.host}/multi/app:build`
    const dir = context('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'hello\n' })
    const { json } = await build([
      '--engine',
      'buildah',
      '--platform',
      'linux/amd64,linux/arm64',
      '--annotation',
      'index:org.opencontainers.image.description=two platforms',
      '--tag',
      tag,
      '--push',
      dir
    ])
    expect(json.metadata.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    expect(json.metadata.platforms.map((image) => image.platform)).toEqual([
      'linux/amd64',
      'linux/arm64'
    ])
    const raw = JSON.parse(
      skopeoRun(['inspect', '--tls-verify=false', '--raw', `docker://${tag}`])
    ) as {
      manifests: Array<{ platform: { architecture: string } }>
      annotations?: Record<string, string>
    }
    expect(raw.manifests.map((entry) => entry.platform.architecture)).toEqual(['amd64', 'arm64'])
    expect(raw.annotations?.['org.opencontainers.image.description']).toBe('two platforms')
    expect(skopeoDigest(tag)).toBe(json.digest)
    const arm = JSON.parse(
      skopeoRun([
        'inspect',
        '--tls-verify=false',
        '--override-arch',
        'arm64',
        '--config',
        `docker://${tag}`
      ])
    ) as { architecture: string }
    expect(arm.architecture).toBe('arm64')

    const promoted = await runRunnerkit([
      'promote',
      `${registry.host}/multi/app@${json.digest}`,
      '--tag',
      '1.2.3,1.2,1,latest'
    ])
    expect(promoted.code).toBe(0)
    for (const name of ['1.2.3', '1.2', '1', 'latest'])
      expect(skopeoDigest(`${registry.host}/multi/app:${name}`)).toBe(json.digest)
  }, 300_000)
})

describe('image-meta rules in the image-build action', () => {
  it('pushes the semver tags of a tag push, with image-meta labels and annotations', async () => {
    const dir = context('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'meta\n' })
    const image = `${registry.host}/meta/runner`
    const run = await runAction('image-build', {
      event: eventFixture('push', 'push-tag.json'),
      inputs: {
        context: dir,
        engine: 'buildah',
        images: image,
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}',
        push: 'true'
      }
    })
    expect(run.errors).toEqual([])
    // flavor latest=auto: a semver tag push also gets latest, as metadata-action does.
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${image}:1.4.2`,
      `${image}:1.4`,
      `${image}:latest`
    ])
    for (const tag of ['1.4.2', '1.4', 'latest'])
      expect(skopeoDigest(`${image}:${tag}`)).toBe(run.outputs.digest)
    const config = JSON.parse(
      skopeoRun(['inspect', '--tls-verify=false', '--config', `docker://${image}:1.4.2`])
    ) as { config: { Labels?: Record<string, string> } }
    expect(config.config.Labels?.['org.opencontainers.image.version']).toBe('1.4.2')
    expect(config.config.Labels?.['org.opencontainers.image.revision']).toBe(
      'b56ba1ba8ed6ebbe2b1d4cb4a6e52f6f39e4ac9d'
    )
    const manifest = JSON.parse(
      skopeoRun(['inspect', '--tls-verify=false', '--raw', `docker://${image}:1.4.2`])
    ) as { annotations?: Record<string, string> }
    expect(manifest.annotations?.['org.opencontainers.image.version']).toBe('1.4.2')
  }, 300_000)
})

describe('layer cache in a registry', () => {
  it('buildah pushes the RUN layers to cache-to on a plain-HTTP loopback registry', async () => {
    const cache = `${registry.host}/cache/runner`
    const dir = context(`FROM ${base}\nRUN echo cached-${Date.now()} > /stamp\n`)
    await build([
      '--engine',
      'buildah',
      '--cache-to',
      cache,
      '--tag',
      `oci:${join(dir, 'out')}`,
      dir
    ])
    const listed = JSON.parse(
      skopeoRun(['list-tags', '--tls-verify=false', `docker://${cache}`])
    ) as { Tags: string[] }
    expect(listed.Tags.length).toBeGreaterThan(0)
  }, 300_000)
})

describe('local outputs', () => {
  it('writes an OCI layout and an oci-archive that skopeo reads with the same digest', async () => {
    const out = scratchDir('build-out')
    const dir = context('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'hi\n' })
    const { json } = await build([
      '--engine',
      'buildah',
      '--tag',
      `oci:${join(out, 'layout')}:v1`,
      '--tag',
      `oci-archive:${join(out, 'image.tar')}`,
      dir
    ])
    expect(json.metadata.pushed).toEqual([])
    expect(skopeoDigestOf(`oci:${join(out, 'layout')}:v1`)).toBe(json.digest)
    expect(skopeoDigestOf(`oci-archive:${join(out, 'image.tar')}`)).toBe(json.digest)
  }, 300_000)
})

function skopeoDigestOf(transportReference: string): string {
  return skopeoRun(['inspect', '--format', '{{.Digest}}', transportReference]).trim()
}

describe('the image-build action against an authenticated registry', () => {
  let secured: LocalRegistry
  const user = { username: 'builder', password: `pw-${Date.now()}-secret` }
  beforeAll(async () => {
    secured = await startRegistry({ user })
  })
  afterAll(async () => {
    await secured?.stop()
  })

  it('pushes with the credentials, masks the password, and leaves no auth file behind', async () => {
    const dir = context('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'secured\n' })
    const tag = `${secured.host}/team/app:1.0.0`
    const run = await runAction('image-build', {
      inputs: {
        context: dir,
        engine: 'buildah',
        tags: tag,
        push: 'true',
        username: user.username,
        password: user.password
      }
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.masks).toContain(user.password)
    const printed = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(user.password)
    expect(run.outputs.digest).toBe(skopeoDigest(tag, `${user.username}:${user.password}`))
    expect(run.outputs.tags).toBe(tag)
    expect(JSON.parse(run.outputs.metadata ?? '{}')).toMatchObject({ engine: 'buildah' })
    expect(run.summary).toContain(run.outputs.digest)
    expect(run.summary).toMatch(/Step 2\/2: COPY hello.txt/)
    expect(run.stdout).toMatch(/::group::Step 1\/2: FROM scratch/)
    const work = run.state['work-dir'] ?? ''
    expect(work.startsWith(run.runnerTemp)).toBe(true)
    expect(existsSync(work)).toBe(false)
    // Without credentials the same registry refuses: the push above really authenticated.
    expect(() => skopeoDigest(tag)).toThrow(/unauthorized|authentication required/i)
  }, 300_000)

  it('fails in one line naming the registry when the credentials are wrong, and writes no tag', async () => {
    const dir = context('FROM scratch\nCOPY hello.txt /hello.txt\n', { 'hello.txt': 'denied\n' })
    const tag = `${secured.host}/team/app:denied`
    const run = await runAction('image-build', {
      inputs: {
        context: dir,
        engine: 'buildah',
        tags: tag,
        push: 'true',
        username: user.username,
        password: 'wrong-password'
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toMatch(new RegExp(secured.host.replace(/\./g, '\\.')))
    expect(run.errors[0]?.message).not.toContain('wrong-password')
    expect(() => skopeoDigest(tag, `${user.username}:${user.password}`)).toThrow(
      /manifest unknown|not found/i
    )
  }, 300_000)

  it('the post step removes a work directory the main step left behind', async () => {
    const left = scratchDir('left-behind')
    mkdirSync(join(left, 'auth'))
    writeFileSync(join(left, 'auth', 'config.json'), '{"auths":{}}')
    const run = await runAction('image-build', { step: 'post', state: { 'work-dir': left } })
    expect(run.exitCode).toBe(0)
    expect(existsSync(left)).toBe(false)
  })
})
