/**
 * The mtu live check against fixture roots: /sys/class/net, /proc and the engines' files are
 * written into a scratch directory that a fake LiveContext reads as the machine.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type {
  CheckResult,
  CommandResult,
  Expectations,
  LiveContext
} from '../../../src/runner/checks/check.js'
import { mtuCheck, settingFix, type MtuContext } from '../../../src/runner/checks/mtu.js'
import { rootedListDir, rootedReadFile } from '../../../src/runner/mtu/interfaces.js'
import { scratchDir } from '../../helpers/scratch.js'

const header = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT'

/** A pod whose eth0 (the default route) has `mtu`, with lo and tcp_mtu_probing. */
function pod(mtu: number, probing = 0, extra: Record<string, number> = {}) {
  const interfaces: Record<string, number> = { eth0: mtu, lo: 65536, ...extra }
  const files: Record<string, string> = {
    '/proc/net/dev': `h\nh\n${Object.keys(interfaces)
      .map((name) => `  ${name}: 0 0\n`)
      .join('')}`,
    '/proc/net/route': `${header}\neth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0\n`,
    '/proc/sys/net/ipv4/tcp_mtu_probing': `${probing}\n`
  }
  for (const [name, value] of Object.entries(interfaces))
    files[`/sys/class/net/${name}/mtu`] = `${value}\n`
  return files
}

interface Fixture {
  files: Record<string, string>
  env?: NodeJS.ProcessEnv
  uid?: number
  expected?: Partial<Expectations>
  commands?: Record<string, CommandResult>
  stats?: string[]
}

function machine(fixture: Fixture): MtuContext {
  const root = scratchDir('mtu-check')
  for (const [path, text] of Object.entries(fixture.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  const uid = fixture.uid ?? 1000
  const listDir = rootedListDir(root)
  const context: LiveContext = {
    env: { HOME: '/home/runner', ...fixture.env },
    expected: {
      user: 'runner',
      uid: 1000,
      rootless: false,
      privilegedGroups: [],
      sudo: 'any',
      pathDirs: [],
      mtuMargin: 50,
      ...fixture.expected
    },
    uid,
    euid: uid,
    gid: uid,
    groups: [],
    readFile: rootedReadFile(root),
    stat: (path) =>
      Promise.resolve(
        fixture.stats?.includes(path)
          ? { uid, gid: uid, mode: 0o140600, isDirectory: false }
          : undefined
      ),
    listDir,
    writable: () => Promise.resolve(false),
    run: (command, args) =>
      Promise.resolve(
        fixture.commands?.[`${command} ${args.join(' ')}`] ?? { code: 127, stdout: '', stderr: '' }
      )
  }
  return context
}

const run = async (fixture: Fixture) => mtuCheck.check(machine(fixture))
const summary = (results: CheckResult[]) => results.map((r) => `${r.status}: ${r.reason}`)
const ok: CommandResult = { code: 0, stdout: 'version 1\n', stderr: '' }

describe('mtu check', () => {
  it('a 1500 pod with nothing configured: interfaces and tcp_mtu_probing pass', async () => {
    const results = await run({ files: pod(1500) })
    expect(results.every((r) => r.id === 'mtu' && r.title === 'MTU')).toBe(true)
    expect(summary(results)).toEqual([
      'pass: interface MTUs: eth0 1500 (default route), lo 65536',
      'pass: net.ipv4.tcp_mtu_probing is 0'
    ])
    expect(results[0]!.details).toMatchObject({
      defaultInterface: 'eth0',
      podMtu: 1500,
      podMtuFrom: 'default route',
      margin: 50,
      limit: 1450
    })
  })

  it('lists interfaces from /sys/class/net', async () => {
    const results = await run({ files: pod(1450, 1, { docker0: 1400 }) })
    expect(results[0]!.reason).toBe(
      'interface MTUs: docker0 1400, eth0 1450 (default route), lo 65536'
    )
  })

  it('a 1450 pod with Docker fully configured at 1400', async () => {
    const results = await run({
      files: {
        ...pod(1450, 1),
        '/etc/docker/daemon.json':
          '{"mtu": 1400, "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1400"}}}'
      }
    })
    expect(summary(results)).toEqual([
      'pass: interface MTUs: eth0 1450 (default route), lo 65536',
      'pass: /etc/docker/daemon.json: mtu = 1400 (≤ 1400)',
      'pass: /etc/docker/daemon.json: default-network-opts.bridge["com.docker.network.driver.mtu"] = 1400 (≤ 1400)',
      'pass: net.ipv4.tcp_mtu_probing is 1'
    ])
  })

  it('fails a Docker MTU above the pod MTU minus the margin, naming file, value and fix', async () => {
    const results = await run({
      files: {
        ...pod(1450, 1),
        '/etc/docker/daemon.json':
          '{"mtu": 1450, "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1500"}}}'
      }
    })
    const failures = results.filter((r) => r.status === 'fail')
    expect(failures.map((r) => [r.reason, r.fix])).toEqual([
      [
        '/etc/docker/daemon.json: mtu = 1450, above the pod MTU 1450 − 50 = 1400',
        'set "mtu": 1400 in /etc/docker/daemon.json and restart dockerd'
      ],
      [
        '/etc/docker/daemon.json: default-network-opts.bridge["com.docker.network.driver.mtu"] = 1500, above the pod MTU 1450 − 50 = 1400',
        'set "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1400"}} in /etc/docker/daemon.json and restart dockerd'
      ]
    ])
    expect(failures[0]!.details).toMatchObject({ source: '/etc/docker/daemon.json', value: 1450 })
  })

  it('warns when Docker sets mtu without default-network-opts', async () => {
    const results = await run({
      files: { ...pod(1450, 1), '/etc/docker/daemon.json': '{"mtu": 1400}' }
    })
    expect(summary(results)).toContain(
      'warn: /etc/docker/daemon.json sets "mtu" without default-network-opts: it reaches the default bridge only, not the networks the runner creates for container jobs and services'
    )
    expect(results.find((r) => r.status === 'warn')!.fix).toBe(
      'set "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1400"}} in /etc/docker/daemon.json and restart dockerd'
    )
  })

  it('warns when Docker is installed with no MTU on a narrow pod', async () => {
    const results = await run({ files: pod(1450, 1), commands: { 'dockerd --version': ok } })
    expect(summary(results)).toContain(
      'warn: Docker has no MTU configured: its networks get 1500, above the pod MTU 1450 − 50 = 1400'
    )
  })

  it('uses the expected pod MTU over the default route, and warns when the interface is larger', async () => {
    const results = await run({
      files: { ...pod(1500, 1), '/etc/docker/daemon.json': '{"mtu": 1400}' },
      expected: { podMtu: 1400, mtuMargin: 100 }
    })
    expect(summary(results)).toEqual(
      expect.arrayContaining([
        'warn: eth0 has MTU 1500, above the expected pod MTU 1400: packets between the two sizes are lost where ICMP is dropped',
        'fail: /etc/docker/daemon.json: mtu = 1400, above the pod MTU 1400 − 100 = 1300'
      ])
    )
  })

  it('warns about container bridges above the limit', async () => {
    const results = await run({ files: pod(1450, 1, { 'br-0a1b2c3d4e5f': 1500, docker0: 1400 }) })
    expect(summary(results)).toContain(
      'warn: container bridge br-0a1b2c3d4e5f has MTU 1500, above the pod MTU 1450 − 50 = 1400'
    )
    expect(summary(results).filter((line) => line.includes('docker0 has'))).toEqual([])
  })

  it('checks podman networks, containers.conf and the rootlesskit MTU', async () => {
    const results = await run({
      files: {
        ...pod(1450, 1),
        '/home/runner/.local/share/containers/storage/networks/ci.json':
          '{"name": "ci", "options": {"mtu": "1500"}}',
        '/home/runner/.config/containers/containers.conf':
          '[network]\npasta_options = ["--mtu", "1400"]\n[engine]\nnetwork_cmd_options = ["mtu=65520"]\n'
      },
      env: { DOCKERD_ROOTLESS_ROOTLESSKIT_MTU: '1400' }
    })
    expect(results.filter((r) => r.status !== 'pass').map((r) => [r.reason, r.fix])).toEqual([
      [
        '/home/runner/.local/share/containers/storage/networks/ci.json: options.mtu (network ci) = 1500, above the pod MTU 1450 − 50 = 1400',
        'recreate the network: podman network rm ci && podman network create --opt mtu=1400 ci'
      ],
      [
        '/home/runner/.config/containers/containers.conf: network_cmd_options mtu = 65520, above the pod MTU 1450 − 50 = 1400',
        'set network_cmd_options = ["mtu=1400"] under [engine] in /home/runner/.config/containers/containers.conf'
      ]
    ])
    expect(summary(results)).toEqual(
      expect.arrayContaining([
        'pass: DOCKERD_ROOTLESS_ROOTLESSKIT_MTU = 1400 (≤ 1400)',
        'pass: /home/runner/.config/containers/containers.conf: pasta_options --mtu = 1400 (≤ 1400)'
      ])
    )
  })

  it.each<[string, Fixture, string]>([
    [
      'DOCKER_HOST under /run/user',
      { files: pod(1450, 1), env: { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' } },
      "warn: rootless Docker: DOCKERD_ROOTLESS_ROOTLESSKIT_MTU is not set here, so rootlesskit's slirp4netns network uses MTU 65520"
    ],
    [
      'a docker.sock in XDG_RUNTIME_DIR',
      {
        files: pod(1450, 1),
        env: { XDG_RUNTIME_DIR: '/run/user/1000' },
        stats: ['/run/user/1000/docker.sock']
      },
      "warn: rootless Docker: DOCKERD_ROOTLESS_ROOTLESSKIT_MTU is not set here, so rootlesskit's slirp4netns network uses MTU 65520"
    ],
    [
      'rootless podman without an MTU',
      { files: pod(1450, 1), commands: { 'podman --version': ok } },
      'warn: rootless Podman: no pasta_options --mtu or network_cmd_options mtu= in containers.conf, so pasta/slirp4netns use MTU 65520'
    ]
  ])('warns about the 65520 default: %s', async (_name, fixture, line) => {
    const results = await run(fixture)
    expect(summary(results)).toContain(line)
    expect(results.find((r) => r.status === 'warn')!.fix).toMatch(/1400/)
  })

  it('does not warn about rootless podman for root, or when an MTU is set', async () => {
    const root = await run({ files: pod(1450, 1), uid: 0, commands: { 'podman --version': ok } })
    expect(root.filter((r) => r.status !== 'pass')).toEqual([])
    const set = await run({
      files: {
        ...pod(1450, 1),
        '/etc/containers/containers.conf': '[network]\npasta_options = ["-m", "1400"]\n'
      },
      commands: { 'podman --version': ok }
    })
    expect(set.filter((r) => r.status !== 'pass')).toEqual([])
  })

  it.each([
    [0, 1450, 'warn'],
    [0, 1500, 'pass'],
    [1, 1450, 'pass'],
    [2, 1400, 'pass']
  ])('tcp_mtu_probing %d on a %d pod: %s', async (probing, mtu, status) => {
    const results = await run({ files: pod(mtu, probing) })
    const result = results.find((r) => r.reason.includes('tcp_mtu_probing'))!
    expect(result.status).toBe(status)
    expect(result.details).toEqual({ tcpMtuProbing: probing, podMtu: mtu })
    expect(result.fix ?? '').toMatch(
      status === 'warn' ? /^sysctl -w net\.ipv4\.tcp_mtu_probing=1 / : /^$/
    )
  })

  it('fails on an engine file the engine would refuse', async () => {
    const results = await run({
      files: { ...pod(1450, 1), '/etc/docker/daemon.json': '{"mtu": "1400"}' }
    })
    expect(summary(results)).toContain(
      'fail: /etc/docker/daemon.json: "mtu" must be a whole number, got "1400"'
    )
  })

  it('without a default route or expected pod MTU: a warning, and settings only reported', async () => {
    const files = pod(1450, 1)
    files['/proc/net/route'] = `${header}\n`
    const results = await run({
      files: { ...files, '/etc/docker/daemon.json': '{"mtu": 9000}' }
    })
    expect(summary(results)).toEqual(
      expect.arrayContaining([
        'warn: no default route and no expected pod MTU: cannot tell what the containers must stay below',
        'pass: /etc/docker/daemon.json: mtu = 9000'
      ])
    )
  })

  it('warns when nothing can be read', async () => {
    const results = await run({ files: {} })
    expect(summary(results)).toEqual([
      'warn: cannot read any interface MTU (/proc/net/dev, /sys/class/net/*/mtu)',
      'warn: no default route and no expected pod MTU: cannot tell what the containers must stay below',
      'pass: net.ipv4.tcp_mtu_probing cannot be read (no /proc/sys)'
    ])
  })
})

describe('settingFix', () => {
  const base = { engine: 'docker' as const, rootless: true, source: 'X', value: 65520 }
  it.each([
    [
      { ...base, key: 'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU', scope: 'rootless-namespace' as const },
      'start dockerd-rootless.sh with DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1400'
    ],
    [
      {
        ...base,
        engine: 'podman' as const,
        key: 'pasta_options --mtu',
        scope: 'rootless-namespace' as const
      },
      'set pasta_options = ["--mtu", "1400"] under [network] in X'
    ],
    [
      { ...base, engine: 'podman' as const, key: 'options.mtu', scope: 'network' as const },
      'recreate the network: podman network rm NAME && podman network create --opt mtu=1400 NAME'
    ]
  ])('%j', (setting, fix) => {
    expect(settingFix(setting, 1400)).toBe(fix)
  })
})
