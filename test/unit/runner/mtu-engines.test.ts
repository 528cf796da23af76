import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  containersConfSettings,
  engineConfigPaths,
  parseContainersConf,
  parseDaemonJson,
  parsePodmanNetwork,
  pastaMtu,
  readEngineMtuConfig,
  rootlessKitMtu,
  slirpMtu
} from '../../../src/runner/mtu/engines.js'
import { rootedListDir, rootedReadFile } from '../../../src/runner/mtu/interfaces.js'
import { scratchDir } from '../../helpers/scratch.js'

const daemon = '/etc/docker/daemon.json'

describe('parseDaemonJson', () => {
  it.each([
    ['{}', []],
    ['{"mtu": 1400}', [['mtu', 1400, 'default-bridge']]],
    [
      '{"default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1400"}}}',
      [['default-network-opts.bridge["com.docker.network.driver.mtu"]', 1400, 'new-networks']]
    ],
    [
      '{"mtu": 1450, "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": " 1400 "}}}',
      [
        ['mtu', 1450, 'default-bridge'],
        ['default-network-opts.bridge["com.docker.network.driver.mtu"]', 1400, 'new-networks']
      ]
    ],
    ['{"default-network-opts": {"overlay": {"com.docker.network.driver.mtu": "1400"}}}', []]
  ])('%s', (text, expected) => {
    const parsed = parseDaemonJson(text, daemon, false)
    expect(parsed.problems).toEqual([])
    expect(parsed.settings.map((s) => [s.key, s.value, s.scope])).toEqual(expected)
    for (const setting of parsed.settings) {
      expect(setting).toMatchObject({ engine: 'docker', rootless: false, source: daemon })
    }
  })

  it.each([
    ['{ "mtu": 1400,', /^not valid JSON/],
    ['"x"', /^not a JSON object$/],
    ['{"mtu": "1400"}', /^"mtu" must be a whole number, got "1400"$/],
    [
      '{"default-network-opts": {"bridge": {"com.docker.network.driver.mtu": 1400}}}',
      /must be a string holding a whole number \(e\.g\. "1400"\), got 1400$/
    ]
  ])('reports %s as a problem', (text, message) => {
    const parsed = parseDaemonJson(text, daemon, true)
    expect(parsed.settings).toEqual([])
    expect(parsed.problems).toHaveLength(1)
    expect(parsed.problems[0]!.source).toBe(daemon)
    expect(parsed.problems[0]!.message).toMatch(message)
  })
})

describe('parsePodmanNetwork', () => {
  const file = '/etc/containers/networks/ci.json'
  it.each([
    [
      '{"name": "ci", "driver": "bridge", "options": {"mtu": "1400"}}',
      [['options.mtu', 1400, 'ci']]
    ],
    [
      '{"name": "ci", "options": {"com.docker.network.driver.mtu": "1300"}}',
      [['options.com.docker.network.driver.mtu', 1300, 'ci']]
    ],
    ['{"name": "ci", "options": {"isolate": "true"}}', []],
    ['{"name": "ci"}', []]
  ])('%s', (text, expected) => {
    const parsed = parsePodmanNetwork(text, file, false)
    expect(parsed.problems).toEqual([])
    expect(parsed.settings.map((s) => [s.key, s.value, s.network])).toEqual(expected)
  })

  it('reports a bad value and bad JSON', () => {
    expect(parsePodmanNetwork('{"options": {"mtu": "big"}}', file, true).problems[0]!.message).toBe(
      'options.mtu is not a whole number: "big"'
    )
    expect(parsePodmanNetwork('{', file, true).problems[0]!.message).toMatch(/^not valid JSON/)
  })
})

describe('pastaMtu and slirpMtu', () => {
  it.each([
    [['--mtu', '1400'], 1400],
    [['--mtu=1380'], 1380],
    [['-m', '1300'], 1300],
    [['-m1200'], 1200],
    [['-t', 'none', '--mtu', '1400', '-m', '1350'], 1350],
    [['--map-gw'], undefined],
    [['--mtu'], undefined],
    [[], undefined]
  ])('pasta %j → %j', (options, expected) => {
    expect(pastaMtu(options)).toBe(expected)
  })
  it.each([
    [['mtu=1400'], 1400],
    [['enable_ipv6=true', 'mtu=1380'], 1380],
    [['port_handler=slirp4netns'], undefined]
  ])('slirp4netns %j → %j', (options, expected) => {
    expect(slirpMtu(options)).toBe(expected)
  })
})

describe('parseContainersConf', () => {
  it('reads the MTU keys and ignores the rest', () => {
    const text = [
      '# comment',
      '[containers]',
      'netns = "private"',
      '[network]',
      'default_rootless_network_cmd = "pasta"',
      'pasta_options = [',
      '  "--mtu", "1400",  # trailing comment',
      ']',
      '[engine]',
      "network_cmd_options = ['mtu=1380']",
      ''
    ].join('\n')
    expect(parseContainersConf(text, 'c.conf')).toEqual({
      pastaOptions: ['--mtu', '1400'],
      networkCmdOptions: ['mtu=1380'],
      rootlessNetworkCmd: 'pasta',
      problems: []
    })
  })

  it.each([
    ['[network\npasta_options = []', /^not valid TOML \(Invalid TOML document/],
    [
      '[network]\npasta_options = "--mtu 1400"',
      /^network\.pasta_options must be an array of strings$/
    ],
    [
      '[engine]\nnetwork_cmd_options = [1400]',
      /^engine\.network_cmd_options must be an array of strings$/
    ]
  ])('reports %j', (text, message) => {
    const parsed = parseContainersConf(text, 'c.conf')
    expect(parsed.problems).toHaveLength(1)
    expect(parsed.problems[0]!.message).toMatch(message)
  })
})

describe('containersConfSettings', () => {
  const system = {
    source: '/etc/containers/containers.conf',
    text: '[network]\npasta_options = ["--mtu", "1400"]\n'
  }
  it.each([
    ['one file', [system], [['/etc/containers/containers.conf', 'pasta_options --mtu', 1400]]],
    [
      'a later file overrides the key',
      [system, { source: 'user.conf', text: '[network]\npasta_options = ["-m", "1300"]\n' }],
      [['user.conf', 'pasta_options --mtu', 1300]]
    ],
    [
      'a later list without --mtu drops the MTU',
      [system, { source: 'user.conf', text: '[network]\npasta_options = ["--map-gw"]\n' }],
      []
    ],
    [
      'a later file that does not set the key leaves it',
      [system, { source: 'user.conf', text: '[engine]\nnetwork_cmd_options = ["mtu=1380"]\n' }],
      [
        ['/etc/containers/containers.conf', 'pasta_options --mtu', 1400],
        ['user.conf', 'network_cmd_options mtu', 1380]
      ]
    ]
  ])('%s', (_name, files, expected) => {
    const parsed = containersConfSettings(files)
    expect(parsed.settings.map((s) => [s.source, s.key, s.value])).toEqual(expected)
    for (const setting of parsed.settings) {
      expect(setting).toMatchObject({
        engine: 'podman',
        rootless: true,
        scope: 'rootless-namespace'
      })
    }
  })
})

describe('rootlessKitMtu', () => {
  it.each([
    [{}, []],
    [{ DOCKERD_ROOTLESS_ROOTLESSKIT_MTU: '1400' }, [1400]],
    [{ DOCKERD_ROOTLESS_ROOTLESSKIT_MTU: '' }, []]
  ])('%j', (env, expected) => {
    expect(rootlessKitMtu(env).settings.map((s) => s.value)).toEqual(expected)
  })
  it('reports a value that is not a number', () => {
    expect(rootlessKitMtu({ DOCKERD_ROOTLESS_ROOTLESSKIT_MTU: 'auto' }).problems).toEqual([
      { source: 'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU', message: "not a whole number: 'auto'" }
    ])
  })
})

describe('engineConfigPaths', () => {
  it('follows HOME and the XDG variables', () => {
    expect(engineConfigPaths({ HOME: '/home/runner' })).toMatchObject({
      rootlessDockerDaemonJson: '/home/runner/.config/docker/daemon.json',
      rootlessPodmanNetworks: '/home/runner/.local/share/containers/storage/networks',
      rootlessContainersConf: '/home/runner/.config/containers/containers.conf'
    })
    expect(
      engineConfigPaths({ HOME: '/h', XDG_CONFIG_HOME: '/cfg', XDG_DATA_HOME: '/data' })
    ).toMatchObject({
      rootlessDockerDaemonJson: '/cfg/docker/daemon.json',
      rootlessPodmanNetworks: '/data/containers/storage/networks',
      rootlessContainersConf: '/cfg/containers/containers.conf'
    })
    expect(engineConfigPaths({}).rootlessDockerDaemonJson).toBeUndefined()
  })
})

describe('readEngineMtuConfig', () => {
  function fixture(files: Record<string, string>): string {
    const root = scratchDir('mtu-engines')
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true })
      writeFileSync(join(root, path), text)
    }
    return root
  }

  it('collects every engine file in order', async () => {
    const root = fixture({
      'etc/docker/daemon.json': '{"mtu": 1400}',
      'home/runner/.config/docker/daemon.json':
        '{"default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "1350"}}}',
      'etc/containers/networks/ci.json': '{"name": "ci", "options": {"mtu": "1500"}}',
      'etc/containers/networks/notes.txt': 'ignored',
      'home/runner/.local/share/containers/storage/networks/mine.json':
        '{"name": "mine", "options": {"mtu": "1300"}}',
      'etc/containers/containers.conf': '[network]\npasta_options = ["--mtu", "1400"]\n',
      'etc/containers/containers.conf.d/10-slirp.conf':
        '[engine]\nnetwork_cmd_options = ["mtu=1390"]\n',
      'home/runner/.config/containers/containers.conf':
        '[network]\npasta_options = ["--mtu", "1380"]\n'
    })
    const config = await readEngineMtuConfig(rootedReadFile(root), rootedListDir(root), {
      HOME: '/home/runner',
      DOCKERD_ROOTLESS_ROOTLESSKIT_MTU: '1420'
    })
    expect(config.problems).toEqual([])
    expect(config.settings.map((s) => `${s.source} ${s.key}=${s.value}`)).toEqual([
      '/etc/docker/daemon.json mtu=1400',
      '/home/runner/.config/docker/daemon.json default-network-opts.bridge["com.docker.network.driver.mtu"]=1350',
      'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1420',
      '/etc/containers/networks/ci.json options.mtu=1500',
      '/home/runner/.local/share/containers/storage/networks/mine.json options.mtu=1300',
      '/home/runner/.config/containers/containers.conf pasta_options --mtu=1380',
      '/etc/containers/containers.conf.d/10-slirp.conf network_cmd_options mtu=1390'
    ])
    expect(config.files).toEqual([
      '/etc/docker/daemon.json',
      '/home/runner/.config/docker/daemon.json',
      '/etc/containers/networks/ci.json',
      '/home/runner/.local/share/containers/storage/networks/mine.json',
      '/etc/containers/containers.conf',
      '/etc/containers/containers.conf.d/10-slirp.conf',
      '/home/runner/.config/containers/containers.conf'
    ])
  })

  it('reads CONTAINERS_CONF alone when set', async () => {
    const root = fixture({
      'etc/containers/containers.conf': '[network]\npasta_options = ["--mtu", "1400"]\n',
      'tmp/only.conf': '[engine]\nnetwork_cmd_options = ["mtu=1300"]\n'
    })
    const config = await readEngineMtuConfig(rootedReadFile(root), rootedListDir(root), {
      CONTAINERS_CONF: '/tmp/only.conf'
    })
    expect(config.settings.map((s) => s.value)).toEqual([1300])
  })

  it('finds nothing on a machine without engines', async () => {
    const root = fixture({})
    expect(await readEngineMtuConfig(rootedReadFile(root), rootedListDir(root), {})).toEqual({
      settings: [],
      problems: [],
      files: []
    })
  })
})
