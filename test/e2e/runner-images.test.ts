/**
 * The runner images in images/, for real: images/debian-bookworm is built with buildah through
 * `runnerkit build` FROM a debootstrapped Debian 12 (served by a real docker-registry on
 * 127.0.0.1), with a real apt-get install from Debian's mirror and the runner tarball fetched
 * from a local stand-in for github.com and verified against its sha256. The result must pass
 * `runnerkit check image`, and what runs in it (`buildah run --user 1000`) must match what its
 * config and files say. A wrong sha256 must stop the build, and every image must lint clean.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pushDebianBase } from '../helpers/base-image.js'
import { runRunnerkit } from '../helpers/cli.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { repositoryRoot } from '../helpers/run-action.js'
import { serveRunnerTarball, type RunnerTarballServer } from '../helpers/runner-tarball.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

const imageNames = ['debian-bookworm', 'rootless-ubuntu-noble', 'ubi9']
const imagesDir = join(repositoryRoot, 'images')

describe('runnerkit lint images/', () => {
  it('exits 0 from the repository root, as npm start and the CI step run it', async () => {
    const result = await runRunnerkit(['lint', 'images/'], process.env, repositoryRoot)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  })

  it('exits 0 under images/.hadolint.yaml, which requires the OCI labels', async () => {
    const result = await runRunnerkit(
      ['lint', '--verbose', '--config', 'images/.hadolint.yaml', 'images/'],
      process.env,
      repositoryRoot
    )
    expect(result.stderr).toContain(`config ${join(imagesDir, '.hadolint.yaml')}`)
    expect(result.stdout).toBe('')
    expect(result.code).toBe(0)
  })

  it('finds each image, and the shared podman files are identical in every folder', () => {
    for (const shared of ['containers.conf', 'storage.conf', 'podman-network.json']) {
      const [first, ...others] = imageNames.map((name) =>
        readFileSync(join(imagesDir, name, shared), 'utf8')
      )
      for (const other of others) expect(other).toBe(first)
    }
    for (const name of imageNames) {
      const dockerfile = readFileSync(join(imagesDir, name, 'Dockerfile'), 'utf8')
      expect(dockerfile).toMatch(/^ARG BASE_IMAGE=\S+:\S+$/m)
      expect(dockerfile).toMatch(/^ARG RUNNER_SHA256=$/m)
      expect(dockerfile).toMatch(/^ARG RUNNER_URL=$/m)
      expect(dockerfile).toContain('COPY mirror-config/root/ /')
    }
  })
})

describe('the mirror-config COPY point', () => {
  it('is the line mirror-config image mode writes for a folder named mirror-config', async () => {
    const dir = scratchDir('runner-image-mirrors')
    writeFileSync(
      join(dir, 'mirrors.yaml'),
      [
        'mirrors:',
        '  apt: { url: http://apt.corp.example/debian }',
        '  containers:',
        '    docker.io: [registry-cache.corp.example]',
        ''
      ].join('\n')
    )
    const out = join(dir, 'mirror-config')
    const rendered = await runRunnerkit(
      ['mirrors', 'render', '--config', join(dir, 'mirrors.yaml'), '--out', out],
      process.env,
      dir
    )
    expect(rendered.stderr).not.toMatch(/error/i)
    expect(rendered.code).toBe(0)
    const snippet = readFileSync(join(out, 'Dockerfile.snippet'), 'utf8').split('\n')
    const copy = snippet.find((line) => line.startsWith('COPY '))
    expect(copy).toBe('COPY mirror-config/root/ /')
    for (const name of imageNames) {
      const lines = readFileSync(join(imagesDir, name, 'Dockerfile'), 'utf8').split('\n')
      // Once per stage: the download stage's apt/dnf and the final image both see the mirrors.
      expect(lines.filter((line) => line === copy)).toHaveLength(2)
      expect(readFileSync(join(imagesDir, name, '.dockerignore'), 'utf8')).toMatch(
        /^mirror-config\/root\/\.keep$/m
      )
      expect(readdirSync(join(imagesDir, name, 'mirror-config', 'root'))).toEqual(['.keep'])
    }
  })
})

describe('the apt images built with buildah FROM the local Debian 12 base', () => {
  let registry: LocalRegistry
  let tarball: RunnerTarballServer
  let base = ''
  let buildah = ''
  let skopeo = ''
  const containers: string[] = []

  /** `runnerkit build` of images/<folder> with the local base and the local runner tarball. */
  async function build(folder: string, extraArgs: string[], destination: string) {
    return runRunnerkit(
      [
        'build',
        '--engine',
        'buildah',
        '--network',
        'host',
        '--build-arg',
        `BASE_IMAGE=${base}`,
        '--build-arg',
        `RUNNER_URL=${tarball.url}`,
        ...extraArgs,
        '--tag',
        destination,
        join(imagesDir, folder)
      ],
      process.env
    )
  }

  /** Builds images/<folder> with the right sha256 into an OCI layout; returns `oci:DIR:NAME`. */
  async function buildImage(folder: string): Promise<string> {
    const layout = join(scratchDir(`runner-image-${folder}`, { lowercase: true }), 'layout')
    const image = `oci:${layout}:${folder}`
    const built = await build(folder, ['--build-arg', `RUNNER_SHA256=${tarball.sha256}`], image)
    if (built.code !== 0) throw new Error(`build of images/${folder} failed:\n${built.stderr}`)
    return image
  }

  async function checkImage(image: string) {
    const result = await runRunnerkit(['check', 'image', image, '--format', 'json'], process.env)
    expect(result.stderr).toBe('')
    const outcome = JSON.parse(result.stdout) as {
      results: Array<{ id: string; status: string; reason: string }>
    }
    return { code: result.code, results: outcome.results }
  }

  function imageConfig(image: string) {
    const inspected = spawnSync(skopeo, ['inspect', '--config', image], { encoding: 'utf8' })
    if (inspected.status !== 0) throw new Error(`skopeo inspect ${image}: ${inspected.stderr}`)
    return (
      JSON.parse(inspected.stdout) as {
        config: { User?: string; Env?: string[]; Entrypoint?: string[]; Cmd?: string[] }
      }
    ).config
  }

  beforeAll(async () => {
    buildah = requireTool('buildah')
    skopeo = requireTool('skopeo')
    registry = await startRegistry()
    base = await pushDebianBase(registry)
    tarball = await serveRunnerTarball()
  }, 900_000)

  afterAll(async () => {
    for (const container of containers) spawnSync(buildah, ['rm', container])
    await tarball?.stop()
    await registry?.stop()
  })

  describe('images/debian-bookworm', () => {
    let image = ''
    beforeAll(async () => {
      image = await buildImage('debian-bookworm')
    }, 1_800_000)

    /** Runs a command in a fresh container of the image, as `user`, with chroot isolation. */
    function runIn(user: string, command: string[]) {
      const from = spawnSync(buildah, ['from', image], { encoding: 'utf8' })
      if (from.status !== 0) throw new Error(`buildah from ${image}: ${from.stderr}`)
      const container = from.stdout.trim().split('\n').at(-1) ?? ''
      containers.push(container)
      const run = spawnSync(
        buildah,
        ['run', '--isolation', 'chroot', '--user', user, container, '--', ...command],
        { encoding: 'utf8' }
      )
      return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr }
    }

    it('fetched the runner from the local server (github.com stands in)', () => {
      expect(tarball.requests).toContain(new URL(tarball.url).pathname)
    })

    it('passes runnerkit check image with no failure', async () => {
      const { code, results } = await checkImage(image)
      expect(results.filter((entry) => entry.status === 'fail')).toEqual([])
      expect(code).toBe(0)
      const status = (id: string) => results.find((entry) => entry.id === id)?.status
      for (const id of ['identity', 'groups', 'sudo', 'home', 'path', 'setuid', 'entrypoint']) {
        expect([id, status(id)]).toEqual([id, 'pass'])
      }
    })

    it('has a numeric USER 1000, PATH in its Env and tini as the entrypoint', () => {
      const config = imageConfig(image)
      expect(config.User).toMatch(/^1000(:1000)?$/)
      const path = config.Env?.find((entry) => entry.startsWith('PATH='))
      expect(path).toBe(
        'PATH=/home/runner/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
      )
      expect(config.Entrypoint).toEqual(['/usr/bin/tini', '--'])
      expect(config.Cmd).toEqual(['/home/runner/run.sh'])
    })

    it('runs as uid 1000 (runner) and the runner files are its own', () => {
      expect(runIn('1000', ['id', '-u']).stdout.trim()).toBe('1000')
      expect(runIn('1000', ['id', '-un']).stdout.trim()).toBe('runner')
      expect(
        runIn('1000', ['stat', '-c', '%u:%g', '/home/runner', '/home/runner/run.sh']).stdout
      ).toBe('1000:1000\n1000:1000\n')
      const started = runIn('1000', ['/usr/bin/tini', '--', '/home/runner/run.sh', 'ok'])
      expect(started.stdout).toContain('fake runner: run.sh ok')
    })

    it('keeps PATH in the runner .env file', () => {
      const env = runIn('1000', ['cat', '/home/runner/.env']).stdout
      expect(env.split('\n')).toContain(
        'PATH=/home/runner/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
      )
      expect(env.split('\n')).toContain('LANG=C.UTF-8')
    })

    it('has no sudo at all', () => {
      const found = runIn('0', ['sh', '-c', 'command -v sudo; ls /etc/sudoers /etc/sudoers.d'])
      expect(found.stdout).toBe('')
      expect(found.code).not.toBe(0)
    })

    it('gives the runner subordinate IDs and podman an MTU of 1400 on every path it has', () => {
      const read = (path: string) => runIn('1000', ['cat', path]).stdout
      expect(read('/etc/subuid')).toBe('runner:100000:65536\n')
      expect(read('/etc/subgid')).toBe('runner:100000:65536\n')
      const conf = read('/etc/containers/containers.conf')
      expect(conf).toMatch(/^network_cmd_options = \["mtu=1400"\]$/m)
      expect(conf).toMatch(/^pasta_options = \["--mtu", "1400"\]$/m)
      const network = JSON.parse(
        read('/home/runner/.local/share/containers/storage/networks/podman.json')
      ) as { name: string; options: Record<string, string> }
      expect(network).toMatchObject({ name: 'podman', options: { mtu: '1400' } })
    })

    it('podman 4.3 (the version in the image) honours the network file and containers.conf', () => {
      // Rootless podman cannot start here: buildah run chroots, and the kernel refuses a new user
      // namespace to a chrooted process, while podman run trips over rlimits. So the host's podman,
      // the same Debian 12 package the image installs, reads the files taken out of the image.
      const podman = requireTool('podman')
      const dir = scratchDir('runner-image-podman')
      mkdirSync(join(dir, 'networks'))
      const read = (path: string) => runIn('1000', ['cat', path]).stdout
      writeFileSync(join(dir, 'containers.conf'), read('/etc/containers/containers.conf'))
      writeFileSync(
        join(dir, 'networks', 'podman.json'),
        read('/home/runner/.local/share/containers/storage/networks/podman.json')
      )
      const run = (args: string[]) =>
        spawnSync(
          podman,
          [
            '--root',
            join(dir, 'storage'),
            '--runroot',
            join(dir, 'run'),
            '--storage-driver',
            'vfs',
            '--network-config-dir',
            join(dir, 'networks'),
            ...args
          ],
          {
            encoding: 'utf8',
            env: { ...process.env, CONTAINERS_CONF: join(dir, 'containers.conf') }
          }
        )
      const inspected = run(['network', 'inspect', 'podman'])
      expect(inspected.stderr).toBe('')
      const [network] = JSON.parse(inspected.stdout) as Array<{
        driver: string
        options?: Record<string, string>
      }>
      expect(network).toMatchObject({ driver: 'bridge', options: { mtu: '1400' } })
      const info = run(['info', '--format', '{{.Host.NetworkBackend}}'])
      expect(info.stderr).toBe('')
      expect(info.stdout.trim()).toBe('netavark')
    })

    it('stops with a sha256 mismatch when RUNNER_SHA256 is wrong', async () => {
      const wrong = '0'.repeat(64)
      const failed = await build(
        'debian-bookworm',
        ['--target', 'download', '--build-arg', `RUNNER_SHA256=${wrong}`],
        `oci:${join(scratchDir('runner-image-bad', { lowercase: true }), 'layout')}:bad`
      )
      expect(failed.code).not.toBe(0)
      expect(failed.stderr).toContain(`sha256 mismatch for ${tarball.url}: expected ${wrong}`)
      expect(failed.stderr).toContain(`got ${tarball.sha256}`)
    }, 900_000)

    it('stops and asks for RUNNER_SHA256 when the version has no published sum built in', async () => {
      const failed = await build(
        'debian-bookworm',
        ['--target', 'download', '--build-arg', 'RUNNER_VERSION=2.999.0'],
        `oci:${join(scratchDir('runner-image-nosum', { lowercase: true }), 'layout')}:nosum`
      )
      expect(failed.code).not.toBe(0)
      expect(failed.stderr).toContain('RUNNER_SHA256 is required for runner 2.999.0')
    }, 900_000)
  })

  describe('images/rootless-ubuntu-noble, FROM the Debian 12 base in place of Ubuntu', () => {
    // The local pipeline substitutes a debootstrapped bookworm when Docker Hub is out of reach,
    // so the noble Dockerfile must build on Debian too: same package names, no ubuntu user.
    it('builds, and passes runnerkit check image with USER 1000, PATH and tini', async () => {
      const image = await buildImage('rootless-ubuntu-noble')
      const { code, results } = await checkImage(image)
      expect(results.filter((entry) => entry.status === 'fail')).toEqual([])
      expect(code).toBe(0)
      const config = imageConfig(image)
      expect(config.User).toBe('1000:1000')
      expect(config.Env).toContain(
        'PATH=/home/runner/.local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
      )
      expect(config.Entrypoint).toEqual(['/usr/bin/tini', '--'])
    }, 1_800_000)
  })
})
