/**
 * The OS and container ecosystems of mirror-config against real servers on 127.0.0.1, proven
 * from the servers' own logs:
 * - containers: a docker-registry is the "mirror" of upstream.test, a registry name that resolves
 *   nowhere — a pull that did not use the mirror fails. The drop-in is written by applyPlans in
 *   job mode under a temporary HOME; containers/image reads ~/.config/containers/registries.conf.d
 *   for root too, so skopeo and podman read it without touching /etc.
 * - apt: real apt-get update and apt-get download against a private apt-cacher-ng, with the
 *   sources rendered by renderPlans (image mode) from this machine's debian.sources, and an
 *   isolated APT_CONFIG. The rendered proxy file points at a dead proxy with the mirror in
 *   no_proxy, so apt succeeds only through the DIRECT rule.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { applyPlans } from '../../src/mirrors/apply.js'
import type { MirrorConfig } from '../../src/mirrors/config.js'
import type { Target } from '../../src/mirrors/ecosystem.js'
import { aptEcosystem } from '../../src/mirrors/ecosystems/apt.js'
import { containersEcosystem } from '../../src/mirrors/ecosystems/containers.js'
import { renderPlans } from '../../src/mirrors/render.js'
import { mediaTypes } from '../../src/oci/media-types.js'
import { RegistryClient, sha256Digest } from '../../src/oci/registry.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

/** A free port; `below` for servers that cannot bind high ports. */
async function freePort(below?: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const wanted = below === undefined ? 0 : 20_000 + Math.floor(Math.random() * (below - 20_000))
    const server = createServer()
    const bound = await new Promise<boolean>((done) => {
      server.once('error', () => done(false))
      server.listen(wanted, '127.0.0.1', () => done(true))
    })
    if (!bound) {
      if (attempt > 50) throw new Error('no free port')
      continue
    }
    const { port } = server.address() as AddressInfo
    await new Promise<void>((closed) => server.close(() => closed()))
    return port
  }
}

/** A clean environment: nothing from this machine's proxies or container settings leaks in. */
function cleanEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', ...extra }
}

describe('containers mirror (podman, skopeo)', () => {
  let registry: LocalRegistry
  let client: RegistryClient

  beforeAll(async () => {
    registry = await startRegistry()
    client = new RegistryClient()
    // A one-layer image with a real tar.gz layer, so podman can unpack it.
    const files = scratchDir('mirror-layer')
    writeFileSync(join(files, 'hello.txt'), 'served by the mirror\n')
    const tar = spawnSync('tar', ['-C', files, '--owner=0', '--group=0', '-cf', '-', 'hello.txt'])
    if (tar.status !== 0) throw new Error(`tar failed: ${String(tar.stderr)}`)
    const layer = gzipSync(tar.stdout)
    const config = Buffer.from(
      JSON.stringify({
        os: 'linux',
        architecture: 'amd64',
        config: {},
        rootfs: {
          type: 'layers',
          diff_ids: [`sha256:${createHash('sha256').update(tar.stdout).digest('hex')}`]
        }
      })
    )
    const repository = { registry: registry.host, repository: 'library/hello' }
    await client.uploadBlob(repository, sha256Digest(layer), layer)
    await client.uploadBlob(repository, sha256Digest(config), config)
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
    await client.putManifest(repository, '1', manifest, mediaTypes.ociManifest)
  })

  afterAll(async () => {
    client?.close()
    await registry?.stop()
  })

  /** Applies the containers plan in job mode under a fresh HOME; returns the HOME. */
  async function homeWithDropIn(): Promise<string> {
    const home = scratchDir('mirror-home')
    const config: MirrorConfig = {
      mirrors: { containers: { 'upstream.test': [registry.host] } },
      credentials: {}
    }
    const target: Target = { mode: 'job', home, env: {} }
    const plan = containersEcosystem.plan(config, target)!
    const applied = await applyPlans([plan], {
      stateDir: join(home, '.local', 'state', 'runnerkit'),
      allowedRoots: [home]
    })
    expect(applied.map((file) => [file.path, file.action])).toEqual([
      [join(home, '.config/containers/registries.conf.d/50-runnerkit-mirrors.conf'), 'created']
    ])
    expect(existsSync(join(home, '.config/containers/registries.conf'))).toBe(false)
    return home
  }

  async function requestsDuring(action: () => void): Promise<string[]> {
    await registry.flushLog()
    const start = registry.requests.length
    action()
    await registry.flushLog()
    return registry.requests.slice(start).map((request) => `${request.method} ${request.path}`)
  }

  it('skopeo copy of upstream.test/library/hello:1 is served by the mirror', async () => {
    const skopeo = requireTool('skopeo')
    const home = await homeWithDropIn()
    const out = scratchDir('mirror-oci')
    let stderr = ''
    const requests = await requestsDuring(() => {
      const result = spawnSync(
        skopeo,
        ['--debug', 'copy', 'docker://upstream.test/library/hello:1', `oci:${out}/image:1`],
        { env: cleanEnv(home), encoding: 'utf8' }
      )
      stderr = result.stderr
      expect({ status: result.status, stderr }).toMatchObject({ status: 0 })
    })
    // logrus quotes the message: Trying to access \"HOST/library/hello:1\"
    const unquoted = stderr.replace(/\\"/g, '"')
    expect(unquoted).toContain(
      `Loading registries configuration "${join(home, '.config/containers/registries.conf.d/50-runnerkit-mirrors.conf')}"`
    )
    expect(unquoted).toContain(`Trying to access "${registry.host}/library/hello:1"`)
    expect(requests).toContain('GET /v2/library/hello/manifests/1')
    expect(requests.some((line) => /^GET \/v2\/library\/hello\/blobs\/sha256:/.test(line))).toBe(
      true
    )
  })

  it('podman pull (root, isolated storage) reads the user drop-in and pulls from the mirror', async () => {
    const podman = requireTool('podman')
    const home = await homeWithDropIn()
    const storage = scratchDir('mirror-podman')
    const requests = await requestsDuring(() => {
      const result = spawnSync(
        podman,
        [
          '--root',
          join(storage, 'root'),
          '--runroot',
          join(storage, 'run'),
          '--storage-driver',
          'vfs',
          'pull',
          'upstream.test/library/hello:1'
        ],
        { env: cleanEnv(home, { XDG_RUNTIME_DIR: join(storage, 'xdg') }), encoding: 'utf8' }
      )
      expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 })
    })
    expect(requests).toContain('GET /v2/library/hello/manifests/1')
    // Without the drop-in the same pull fails: upstream.test resolves nowhere.
    const bare = scratchDir('mirror-bare-home')
    const without = spawnSync(
      podman,
      [
        '--root',
        join(storage, 'root2'),
        '--runroot',
        join(storage, 'run2'),
        '--storage-driver',
        'vfs',
        'pull',
        'upstream.test/library/hello:1'
      ],
      { env: cleanEnv(bare, { XDG_RUNTIME_DIR: join(storage, 'xdg2') }), encoding: 'utf8' }
    )
    expect(without.status).not.toBe(0)
  })
})

describe('apt mirror (apt-cacher-ng)', () => {
  let acng: ChildProcess | undefined
  let dir = ''
  let port = 0
  let output = ''

  beforeAll(async () => {
    const binary = requireTool('apt-cacher-ng')
    dir = scratchDir('acng')
    for (const sub of ['cache', 'log']) mkdirSync(join(dir, sub))
    // An empty acng.conf: no remapping, the URL path names the upstream host.
    writeFileSync(join(dir, 'acng.conf'), '')
    // apt-cacher-ng 3.7.4 cannot bind a port above 32767 ("Error resolving address for
    // binding") and keeps running without listening.
    port = await freePort(32_768)
    acng = spawn(
      binary,
      [
        '-c',
        dir,
        'ForeGround=1',
        `Port=${port}`,
        'BindAddress=127.0.0.1',
        `CacheDir=${join(dir, 'cache')}`,
        `LogDir=${join(dir, 'log')}`,
        `PidFile=${join(dir, 'pid')}`,
        `SocketPath=${join(dir, 'socket')}`
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] }
    )
    acng.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    acng.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const deadline = Date.now() + 20_000
    for (;;) {
      if (acng.exitCode !== null) throw new Error(`apt-cacher-ng exited at start:\n${output}`)
      try {
        await fetch(`http://127.0.0.1:${port}/`)
        break
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`apt-cacher-ng did not answer on port ${port}:\n${output}`, {
            cause: error
          })
        await new Promise((retry) => setTimeout(retry, 100))
      }
    }
  })

  afterAll(async () => {
    if (acng !== undefined && acng.exitCode === null) {
      const exited = new Promise((done) => acng!.once('exit', done))
      acng.kill('SIGTERM')
      await exited
    }
  })

  function acngLog(): string {
    const file = join(dir, 'log', 'apt-cacher.log')
    return existsSync(file) ? readFileSync(file, 'utf8') : ''
  }

  it('apt-get update and download go through the mirror, rendered from the real debian.sources', async () => {
    requireTool('apt-get')
    const mirror = `http://127.0.0.1:${port}/deb.debian.org`
    const config: MirrorConfig = {
      mirrors: { apt: { url: `${mirror}/debian`, securityUrl: `${mirror}/debian-security` } },
      // A proxy nobody listens on: apt must reach the mirror DIRECT (it is in no_proxy).
      proxy: { http: `http://127.0.0.1:${await freePort()}`, noProxy: ['localhost', '127.0.0.1'] },
      credentials: {}
    }
    const plan = aptEcosystem.plan(config, { mode: 'image', home: '/root', env: {} })!

    // The base image's root: this machine's debian.sources when it has one.
    const base = scratchDir('apt-base')
    const sourcesDir = join(base, 'etc/apt/sources.list.d')
    mkdirSync(sourcesDir, { recursive: true })
    const real = '/etc/apt/sources.list.d/debian.sources'
    writeFileSync(
      join(sourcesDir, 'debian.sources'),
      existsSync(real)
        ? readFileSync(real, 'utf8')
        : 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    )
    const out = join(scratchDir('apt-render'), 'mirrors')
    const rendered = await renderPlans([plan], { out, baseRoot: base })
    // Only the file the base has is edited; ubuntu.sources and sources.list stay absent.
    expect(rendered.files).toEqual([
      '/etc/apt/apt.conf.d/90runnerkit-proxy',
      '/etc/apt/sources.list.d/debian.sources'
    ])
    const root = join(out, 'root')
    const sources = readFileSync(join(root, 'etc/apt/sources.list.d/debian.sources'), 'utf8')
    expect(sources).toContain(`URIs: ${mirror}/debian\n`)
    expect(sources).toContain(`URIs: ${mirror}/debian-security\n`)
    expect(sources).not.toContain('URIs: http://deb.debian.org')

    // An apt that reads only the rendered files.
    const state = scratchDir('apt-state')
    for (const sub of ['lists/partial', 'cache/archives/partial', 'log', 'download'])
      mkdirSync(join(state, sub), { recursive: true })
    const aptConf = join(state, 'apt.conf')
    writeFileSync(
      aptConf,
      [
        'Dir::Etc::Main "/dev/null";',
        `Dir::Etc::Parts "${join(root, 'etc/apt/apt.conf.d')}";`,
        'Dir::Etc::SourceList "/dev/null";',
        `Dir::Etc::SourceParts "${join(root, 'etc/apt/sources.list.d')}";`,
        'Dir::Etc::Preferences "/dev/null";',
        `Dir::Etc::PreferencesParts "${join(state, 'preferences.d')}";`,
        `Dir::State::Lists "${join(state, 'lists')}";`,
        `Dir::Cache "${join(state, 'cache')}";`,
        `Dir::Log "${join(state, 'log')}";`,
        'Debug::NoLocking "true";',
        'Acquire::Languages "none";',
        'APT::Sandbox::User "root";',
        ''
      ].join('\n')
    )
    const env = cleanEnv(state, { APT_CONFIG: aptConf })
    const dump = spawnSync('apt-config', ['dump'], { env, encoding: 'utf8' })
    expect(dump.stdout).toContain('Acquire::http::Proxy::127.0.0.1 "DIRECT";')

    const update = spawnSync('apt-get', ['update'], { env, encoding: 'utf8' })
    expect({ status: update.status, out: update.stdout + update.stderr }).toMatchObject({
      status: 0
    })
    expect(update.stdout).toContain(`Get:1 ${mirror}/debian`)
    expect(`${update.stdout}${update.stderr}`).not.toMatch(/^(W|E): /m)
    const download = spawnSync('apt-get', ['download', 'hello'], {
      env,
      cwd: join(state, 'download'),
      encoding: 'utf8'
    })
    expect({ status: download.status, out: download.stdout + download.stderr }).toMatchObject({
      status: 0
    })
    expect(readdirSync(join(state, 'download')).some((name) => /^hello_.*\.deb$/.test(name))).toBe(
      true
    )

    // apt-cacher-ng's own log: fetched upstream (I) and served (O) — the index and the package.
    const deadline = Date.now() + 5_000
    while (!/\|O\|\d+\|127\.0\.0\.1\|deb\.debian\.org\/debian\/pool\/.*\/hello_/.test(acngLog())) {
      if (Date.now() > deadline) break
      await new Promise((retry) => setTimeout(retry, 100))
    }
    const log = acngLog()
    expect(log).toMatch(
      /\|I\|\d+\|127\.0\.0\.1\|deb\.debian\.org\/debian\/dists\/bookworm\/InRelease/
    )
    expect(log).toMatch(
      /\|O\|\d+\|127\.0\.0\.1\|deb\.debian\.org\/debian-security\/dists\/bookworm-security\/InRelease/
    )
    expect(log).toMatch(
      /\|O\|\d+\|127\.0\.0\.1\|deb\.debian\.org\/debian\/pool\/main\/h\/hello\/hello_/
    )
  })
})
