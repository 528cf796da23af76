import { describe, expect, it } from '@jest/globals'
import { parse as parseToml } from 'smol-toml'
import {
  podmanNetworkCommand,
  renderDaemonJson,
  renderMtuConfig,
  validateMtu
} from '../../../src/runner/mtu/config.js'
import { containersConfSettings, parseDaemonJson } from '../../../src/runner/mtu/engines.js'
import { UserError } from '../../../src/errors.js'

describe('validateMtu', () => {
  it.each([576, 1400, 9000])('accepts %d', (mtu) => {
    expect(validateMtu(mtu)).toBe(mtu)
  })
  it.each([575, 9001, 0, 1400.5, NaN, -1])('refuses %d with one line', (mtu) => {
    expect(() => validateMtu(mtu, '--mtu')).toThrow(UserError)
    expect(() => validateMtu(mtu, '--mtu')).toThrow(
      /^--mtu: expected a whole number from 576 to 9000, got -?[\d.NaN]+$/
    )
  })
})

describe('renderDaemonJson', () => {
  it('sets mtu and the default-network-opts bridge MTU as a string', () => {
    expect(JSON.parse(renderDaemonJson(1400))).toEqual({
      mtu: 1400,
      'default-network-opts': { bridge: { 'com.docker.network.driver.mtu': '1400' } }
    })
  })

  it('keeps every other key, in place', () => {
    const existing = JSON.stringify({
      'data-root': '/var/lib/docker',
      mtu: 1500,
      'default-network-opts': { bridge: { 'com.docker.network.bridge.name': 'x' }, overlay: {} },
      features: { buildkit: true }
    })
    const merged = renderDaemonJson(1400, existing)
    expect(Object.keys(JSON.parse(merged) as object)).toEqual([
      'data-root',
      'mtu',
      'default-network-opts',
      'features'
    ])
    expect(JSON.parse(merged)).toEqual({
      'data-root': '/var/lib/docker',
      mtu: 1400,
      'default-network-opts': {
        bridge: { 'com.docker.network.bridge.name': 'x', 'com.docker.network.driver.mtu': '1400' },
        overlay: {}
      },
      features: { buildkit: true }
    })
    expect(merged.endsWith('}\n')).toBe(true)
  })

  it('reads back as the settings the check wants', () => {
    const parsed = parseDaemonJson(renderDaemonJson(1400, '{}'), '/etc/docker/daemon.json', false)
    expect(parsed.problems).toEqual([])
    expect(parsed.settings.map((s) => [s.scope, s.value])).toEqual([
      ['default-bridge', 1400],
      ['new-networks', 1400]
    ])
  })

  it.each([
    ['{ not json', /^daemon\.json: not valid JSON \(.+\); fix it or start without it$/],
    ['[1]', /^daemon\.json: expected a JSON object$/],
    ['{"default-network-opts": 3}', /"default-network-opts" must be an object/],
    [
      '{"default-network-opts": {"bridge": "x"}}',
      /"default-network-opts\.bridge" must be an object/
    ]
  ])('refuses %s', (text, message) => {
    expect(() => renderDaemonJson(1400, text, 'daemon.json')).toThrow(message)
  })

  it('treats an empty existing file as {}', () => {
    expect(JSON.parse(renderDaemonJson(1400, '\n'))).toHaveProperty('mtu', 1400)
  })
})

describe('renderMtuConfig', () => {
  const config = renderMtuConfig(1400)

  it('renders every file and command', () => {
    expect(Object.keys(config.files)).toEqual([
      'daemon.json',
      'containers.conf',
      '99-runnerkit-mtu.conf',
      'docker-rootless.env'
    ])
    expect(config.podmanNetworkCommand).toBe('podman network create --opt mtu=1400 NAME')
    expect(podmanNetworkCommand(1400, 'ci')).toBe('podman network create --opt mtu=1400 ci')
    expect(config.rootlessDockerEnv).toBe('DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1400')
    expect(config.files['docker-rootless.env']).toBe('DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1400\n')
    expect(config.files['99-runnerkit-mtu.conf']).toMatch(/^net\.ipv4\.tcp_mtu_probing = 1$/m)
  })

  it('renders a containers.conf that is valid TOML and reads back as MTU 1400', () => {
    const text = config.files['containers.conf']
    expect(parseToml(text)).toEqual({
      network: { pasta_options: ['--mtu', '1400'] },
      engine: { network_cmd_options: ['mtu=1400'] }
    })
    expect(
      containersConfSettings([{ source: 'c.conf', text }]).settings.map((s) => s.value)
    ).toEqual([1400, 1400])
  })

  it('merges daemon.json when given', () => {
    const merged = renderMtuConfig(1350, '{"debug": true}')
    expect(JSON.parse(merged.files['daemon.json'])).toEqual({
      debug: true,
      mtu: 1350,
      'default-network-opts': { bridge: { 'com.docker.network.driver.mtu': '1350' } }
    })
  })

  it('validates the MTU', () => {
    expect(() => renderMtuConfig(100)).toThrow(/from 576 to 9000, got 100/)
  })
})
