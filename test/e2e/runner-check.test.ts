/**
 * runner-check against real images: each variant is built with buildah (through `runnerkit
 * build`) FROM a debootstrapped Debian base, written to an OCI layout, and checked statically.
 * The same images then run under `buildah run --user`, where `id`, `sudo -n true` and `stat`
 * say what really happens, and where `runnerkit check runner` runs live (the host's node binary
 * and the CLI bundle mounted read-only): static and live must agree with reality.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pushDebianBase } from '../helpers/base-image.js'
import { runRunnerkit } from '../helpers/cli.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let registry: LocalRegistry
let base = ''
let buildah = ''
const containers: string[] = []

beforeAll(async () => {
  buildah = requireTool('buildah')
  registry = await startRegistry()
  base = await pushDebianBase(registry)
}, 600_000)

afterAll(async () => {
  for (const container of containers) spawnSync(buildah, ['rm', container])
  await registry?.stop()
})

const runnerUser = 'RUN useradd --uid 1000 --create-home --shell /bin/bash runner'

/** Builds a Dockerfile body (after FROM) into an OCI layout; returns `oci:DIR:NAME`. */
async function buildVariant(name: string, lines: string[]): Promise<string> {
  const dir = scratchDir(`check-${name}`, { lowercase: true })
  writeFileSync(join(dir, 'Dockerfile'), [`FROM ${base}`, ...lines, ''].join('\n'))
  const layout = join(dir, 'layout')
  const built = await runRunnerkit(
    ['build', '--engine', 'buildah', '--network', 'host', '--tag', `oci:${layout}:${name}`, dir],
    process.env
  )
  if (built.code !== 0) throw new Error(`build of ${name} failed:\n${built.stderr}`)
  return `oci:${layout}:${name}`
}

interface Outcome {
  results: Array<{ id: string; status: string; reason: string }>
}

async function checkImage(
  reference: string,
  extra: string[] = []
): Promise<{ code: number; outcome: Outcome }> {
  const result = await runRunnerkit(
    ['check', 'image', reference, '--format', 'json', ...extra],
    process.env
  )
  if (result.stderr !== '') throw new Error(result.stderr)
  return { code: result.code, outcome: JSON.parse(result.stdout) as Outcome }
}

function statuses(outcome: Outcome, id: string): string[] {
  return outcome.results.filter((result) => result.id === id).map((result) => result.status)
}

/**
 * Runs a command in a container of the image as `user`; the host's node and our bundle mounted
 * (call node by its full path: buildah looks commands up before the mounts exist).
 */
function runIn(
  reference: string,
  user: string,
  command: string[]
): { code: number; stdout: string; stderr: string } {
  const from = spawnSync(buildah, ['from', reference], { encoding: 'utf8' })
  if (from.status !== 0) throw new Error(`buildah from ${reference}: ${from.stderr}`)
  const container = from.stdout.trim().split('\n').at(-1) ?? ''
  containers.push(container)
  const run = spawnSync(
    buildah,
    [
      'run',
      '--isolation',
      'chroot',
      '--user',
      user,
      '-v',
      `${process.execPath}:/usr/local/bin/node:ro`,
      '-v',
      `${join(repositoryRoot, 'dist')}:/opt/runnerkit:ro`,
      container,
      '--',
      ...command
    ],
    { encoding: 'utf8' }
  )
  return { code: run.status ?? 1, stdout: run.stdout, stderr: run.stderr }
}

describe('a good rootless image', () => {
  let image = ''
  beforeAll(async () => {
    image = await buildVariant('good', [runnerUser, 'USER 1000', 'CMD ["bash"]'])
  }, 300_000)

  it('passes every static check', async () => {
    const { code, outcome } = await checkImage(image)
    expect(outcome.results.filter((result) => result.status === 'fail')).toEqual([])
    expect(code).toBe(0)
    expect(statuses(outcome, 'identity')).toEqual(['pass'])
  })

  it('agrees with what runs: id, stat of home, and the live check inside the container', () => {
    expect(runIn(image, '1000', ['id', '-u']).stdout.trim()).toBe('1000')
    expect(runIn(image, '1000', ['stat', '-c', '%u', '/home/runner']).stdout.trim()).toBe('1000')
    const live = runIn(image, '1000', [
      '/usr/local/bin/node',
      '/opt/runnerkit/cli/index.js',
      'check',
      'runner',
      '--format',
      'json'
    ])
    const outcome = JSON.parse(live.stdout) as Outcome
    expect(statuses(outcome, 'identity')).toEqual(['pass'])
    expect(statuses(outcome, 'sudo')).toEqual(['pass'])
    expect(statuses(outcome, 'groups')).toEqual(['pass'])
  }, 120_000)
})

describe.each([
  ['USER root', 'user-root', [runnerUser, 'USER root'], 'identity'],
  ['USER 0', 'user-0', [runnerUser, 'USER 0'], 'identity'],
  ['a user missing from passwd', 'user-ghost', [runnerUser, 'USER ghost'], 'identity'],
  [
    'UID 1001 when 1000 is expected',
    'uid-1001',
    ['RUN useradd --uid 1001 --create-home runner', 'USER 1001'],
    'identity'
  ],
  [
    'the user in wheel',
    'wheel',
    [runnerUser, 'RUN groupadd wheel && usermod -aG wheel runner', 'USER 1000'],
    'groups'
  ],
  [
    'a setuid shell',
    'setuid-shell',
    [
      runnerUser,
      'RUN cp /bin/bash /usr/local/bin/rootsh && chmod 4755 /usr/local/bin/rootsh',
      'USER 1000'
    ],
    'setuid'
  ]
])('an image with %s', (_what, name, lines, checkId) => {
  it(`fails the ${checkId} check`, async () => {
    const image = await buildVariant(name, lines)
    const { code, outcome } = await checkImage(image)
    expect(code).toBe(1)
    expect(statuses(outcome, checkId)).toContain('fail')
  }, 300_000)
})

describe('sudo with a NOPASSWD grant', () => {
  it('fails statically, and sudo really works for the user inside the image', async () => {
    const image = await buildVariant('sudo', [
      runnerUser,
      'RUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*',
      "RUN echo 'runner ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/runner && chmod 0440 /etc/sudoers.d/runner",
      'USER 1000'
    ])
    const { code, outcome } = await checkImage(image)
    expect(code).toBe(1)
    expect(statuses(outcome, 'sudo')).toEqual(['fail'])
    expect(outcome.results.find((result) => result.id === 'sudo')?.reason).toMatch(
      /\/etc\/sudoers\.d\/runner:1 grants runner root without a password/
    )
    const real = runIn(image, 'runner', ['sudo', '-n', 'id', '-u'])
    // Live reality: sudo either works (root) or is blocked only by no_new_privs; both are a grant.
    expect(real.code === 0 ? real.stdout.trim() : real.stderr).toMatch(/^0$|no new privileges/)
    const live = runIn(image, '1000', [
      '/usr/local/bin/node',
      '/opt/runnerkit/cli/index.js',
      'check',
      'runner',
      '--format',
      'json'
    ])
    const liveSudo = (JSON.parse(live.stdout) as Outcome).results.find(
      (result) => result.id === 'sudo'
    )
    expect(['fail', 'warn']).toContain(liveSudo?.status)
  }, 300_000)
})

describe('an image without PATH in its config', () => {
  it('fails the path check', async () => {
    const image = await buildVariant('no-path', [runnerUser, 'USER 1000'])
    // A Dockerfile cannot unset ENV; buildah config can, as a hand-made image would lack it.
    const layout = image.slice('oci:'.length, image.lastIndexOf(':'))
    const from = spawnSync(buildah, ['from', image], { encoding: 'utf8' })
    const container = from.stdout.trim().split('\n').at(-1) ?? ''
    containers.push(container)
    expect(spawnSync(buildah, ['config', '--env', 'PATH-', container]).status).toBe(0)
    expect(spawnSync(buildah, ['commit', container, `oci:${layout}:no-path-env`]).status).toBe(0)
    const { code, outcome } = await checkImage(`oci:${layout}:no-path-env`)
    expect(code).toBe(1)
    expect(outcome.results.find((result) => result.id === 'path')?.reason).toMatch(/has no PATH/)
  }, 300_000)
})
