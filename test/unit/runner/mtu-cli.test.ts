import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { mtuCommand, mtuCommandWith } from '../../../src/cli/mtu.js'
import { runCli } from '../../../src/cli/main.js'
import type { Command } from '../../../src/cli/command.js'
import type { CommandResult } from '../../../src/runner/checks/check.js'
import type { Exec } from '../../../src/runner/mtu/probe.js'
import { scratchDir } from '../../helpers/scratch.js'

async function runnerkit(args: string[], command: Command = mtuCommand, cwd = '/') {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    ['mtu', ...args],
    {
      env: {},
      cwd,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text)
    },
    [command]
  )
  return { code, stdout, stderr }
}

/** A path with MTU 1450 behind a 1500 interface; `icmp` false: frag-needed is dropped. */
function network(icmp: boolean): Exec {
  return (command, args) => Promise.resolve(answer(icmp, command, args))
}

function answer(icmp: boolean, command: string, args: string[]): CommandResult {
  if (command === 'ip') {
    return args[1] === 'route'
      ? {
          code: 0,
          stdout: '10.0.0.9 via 10.0.0.1 dev eth0 src 10.0.0.2 \\    cache ',
          stderr: ''
        }
      : { code: 0, stdout: '2: eth0: <UP> mtu 1500 qdisc noqueue', stderr: '' }
  }
  if (command !== 'ping') return { code: 127, stdout: '', stderr: '' }
  const size = Number(args[args.indexOf('-s') + 1]) + 28
  if (size <= 1450) return { code: 0, stdout: '2 packets transmitted, 2 received', stderr: '' }
  const frag = icmp ? 'From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = 1450)\n' : ''
  return { code: 1, stdout: `${frag}2 packets transmitted, 0 received`, stderr: '' }
}

describe('runnerkit mtu probe', () => {
  it('exits 0 on a healthy path and prints a table', async () => {
    const result = await runnerkit(['probe', '10.0.0.9'], mtuCommandWith({ exec: network(true) }))
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^host {13}10\.0\.0\.9$/m)
    expect(result.stdout).toMatch(/^path MTU {9}1450$/m)
    expect(result.stdout).toMatch(/^black hole {7}no$/m)
    expect(result.stdout).toContain('runnerkit mtu config --mtu 1400')
  })

  it('exits 1 on a black hole; json carries the result', async () => {
    const result = await runnerkit(
      ['probe', '10.0.0.9', '--format', 'json', '--margin', '60'],
      mtuCommandWith({ exec: network(false) })
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>
    expect(parsed).toMatchObject({
      host: '10.0.0.9',
      localMtu: 1500,
      localInterface: 'eth0',
      pathMtu: 1450,
      blackHole: true,
      method: 'ping'
    })
    expect(parsed.remedy).toContain('--mtu 1390')
  })

  it.each([
    [[], /^runnerkit mtu: give an action: probe or config/],
    [['nope'], /^runnerkit mtu: unknown action 'nope'/],
    [['probe'], /^runnerkit mtu: give the HOST to probe/],
    [['probe', 'a', 'b'], /^runnerkit mtu: unexpected argument 'b'/],
    [
      ['probe', 'h', '--format', 'xml'],
      /^runnerkit mtu: --format: expected table or json, got 'xml'$/
    ],
    [
      ['probe', 'h', '--method', 'udp'],
      /^runnerkit mtu: --method: expected auto, ping, tracepath or both/
    ],
    [['probe', 'h', '--max-hops', '0'], /^runnerkit mtu: --max-hops: expected 1 to 255, got 0$/],
    [
      ['probe', 'h', '--local-mtu', '99'],
      /^runnerkit mtu: --local-mtu: expected a whole number from 576 to 9000, got 99$/
    ],
    [
      ['probe', 'h', '--bogus'],
      /^runnerkit mtu: .*Unknown option '--bogus'.*; run 'runnerkit mtu --help' for usage$/
    ]
  ])('%j is a one-line usage error', async (args, message) => {
    const result = await runnerkit(args, mtuCommandWith({ exec: network(true) }))
    expect(result.code).toBe(1)
    expect(result.stderr.trimEnd()).toMatch(message)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('--help prints the usage', async () => {
    const result = await runnerkit(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('runnerkit mtu probe HOST')
  })
})

describe('runnerkit mtu config', () => {
  it('prints every file and the podman command', async () => {
    const result = await runnerkit(['config', '--mtu', '1400'])
    expect(result.code).toBe(0)
    for (const heading of [
      '# daemon.json (/etc/docker/daemon.json; rootless: ~/.config/docker/daemon.json)',
      '# containers.conf (',
      '# 99-runnerkit-mtu.conf (/etc/sysctl.d/)',
      '# docker-rootless.env (',
      'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU=1400',
      'net.ipv4.tcp_mtu_probing = 1',
      'podman network create --opt mtu=1400 NAME'
    ])
      expect(result.stdout).toContain(heading)
  })

  it('--format json', async () => {
    const result = await runnerkit(['config', '--mtu', '1400', '--format', 'json'])
    const parsed = JSON.parse(result.stdout) as { mtu: number; files: Record<string, string> }
    expect(parsed.mtu).toBe(1400)
    expect(Object.keys(parsed.files)).toHaveLength(4)
  })

  it('--daemon-json merges and prints the result, leaving the file alone', async () => {
    const dir = scratchDir('mtu-cli')
    const original = '{"log-driver": "json-file", "mtu": 1500}\n'
    writeFileSync(join(dir, 'daemon.json'), original)
    const result = await runnerkit(
      ['config', '--mtu', '1400', '--daemon-json', 'daemon.json'],
      mtuCommand,
      dir
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      'log-driver': 'json-file',
      mtu: 1400,
      'default-network-opts': { bridge: { 'com.docker.network.driver.mtu': '1400' } }
    })
    expect(readFileSync(join(dir, 'daemon.json'), 'utf8')).toBe(original)
  })

  it('--out writes every file', async () => {
    const dir = scratchDir('mtu-cli')
    const result = await runnerkit(['config', '--mtu', '1380', '--out', 'etc'], mtuCommand, dir)
    expect(result.code).toBe(0)
    const out = join(dir, 'etc')
    expect(readdirSync(out).sort()).toEqual([
      '99-runnerkit-mtu.conf',
      'containers.conf',
      'daemon.json',
      'docker-rootless.env'
    ])
    expect(result.stdout).toContain(join(out, 'daemon.json'))
    expect(JSON.parse(readFileSync(join(out, 'daemon.json'), 'utf8'))).toHaveProperty('mtu', 1380)
    expect(parseToml(readFileSync(join(out, 'containers.conf'), 'utf8'))).toHaveProperty(
      'network.pasta_options',
      ['--mtu', '1380']
    )
  })

  it.each([
    [['config'], /^runnerkit mtu: --mtu: give the MTU the containers should use$/],
    [
      ['config', '--mtu', 'big'],
      /^runnerkit mtu: --mtu: expected a whole number from 576 to 9000, got 'big'$/
    ],
    [
      ['config', '--mtu', '9001'],
      /^runnerkit mtu: --mtu: expected a whole number from 576 to 9000, got 9001$/
    ],
    [
      ['config', '--mtu', '1400', '--format', 'yaml'],
      /--format: expected text or json, got 'yaml'/
    ],
    [['config', '--mtu', '1400', 'extra'], /unexpected argument 'extra'/],
    [
      ['config', '--mtu', '1400', '--daemon-json', '/nonexistent/daemon.json'],
      /^runnerkit mtu: --daemon-json: cannot read \/nonexistent\/daemon\.json \(ENOENT\)$/
    ]
  ])('%j is a one-line error', async (args, message) => {
    const result = await runnerkit(args)
    expect(result.code).toBe(1)
    expect(result.stderr.trimEnd()).toMatch(message)
  })

  it('writes nothing when daemon.json does not parse', async () => {
    const dir = scratchDir('mtu-cli')
    writeFileSync(join(dir, 'daemon.json'), '{ broken')
    const result = await runnerkit(
      ['config', '--mtu', '1400', '--daemon-json', 'daemon.json', '--out', 'out'],
      mtuCommand,
      dir
    )
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^runnerkit mtu: daemon\.json: not valid JSON/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })
})
