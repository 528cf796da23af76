/**
 * `runnerkit mtu probe` against real network namespaces: the topology of reference
 * runtime-validation.md §7.2, cli --(1500)-- r1 --(1450)-- r2 --(1500)-- srv, with the narrow
 * link in the middle so the endpoints cannot learn it from their own interfaces. First with
 * ICMP flowing (PMTU discovery works: 1450, no black hole), then with nftables dropping the
 * routers' ICMP "fragmentation needed" (a black hole the probe finds, measuring 1450 by sizes).
 *
 * The probe's commands run in the cli namespace through its `exec` option (`ip netns exec`);
 * the CLI test runs the whole runnerkit process there. Needs root (it is, here and in CI).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CommandResult } from '../../src/runner/checks/check.js'
import { probePathMtu, type Exec } from '../../src/runner/mtu/probe.js'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

const prefix = `rkmtu${randomBytes(3).toString('hex')}`
const ns = (name: string) => `${prefix}-${name}`
const server = '10.200.3.2'
const created: string[] = []

function sh(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`)
  }
  return result.stdout
}
const ip = (...args: string[]) => sh('ip', args)
const inNs = (name: string, ...args: string[]) => sh('ip', ['netns', 'exec', ns(name), ...args])

/** Runs a command inside the cli namespace, as the probe would run it on the runner. */
function execIn(name: string): Exec {
  return (command, args) =>
    new Promise<CommandResult>((resolve) => {
      const child = spawn('ip', ['netns', 'exec', ns(name), command, ...args])
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (code) => {
        // `ip netns exec` reports a missing program itself (exit 255).
        const missing = /exec of "[^"]*" failed: No such file/.test(stderr)
        resolve({ code: missing ? 127 : (code ?? 1), stdout, stderr })
      })
    })
}

function buildTopology() {
  for (const name of ['cli', 'r1', 'r2', 'srv']) {
    ip('netns', 'add', ns(name))
    created.push(ns(name))
    ip('-n', ns(name), 'link', 'set', 'lo', 'up')
  }
  const veth = (a: string, nsA: string, b: string, nsB: string) =>
    ip('link', 'add', a, 'netns', ns(nsA), 'type', 'veth', 'peer', 'name', b, 'netns', ns(nsB))
  veth('c-r1', 'cli', 'r1-c', 'r1')
  veth('r1-r2', 'r1', 'r2-r1', 'r2')
  veth('r2-s', 'r2', 's-r2', 'srv')
  ip('-n', ns('r1'), 'link', 'set', 'r1-r2', 'mtu', '1450')
  ip('-n', ns('r2'), 'link', 'set', 'r2-r1', 'mtu', '1450')
  const addresses: Array<[string, string, string]> = [
    ['cli', 'c-r1', '10.200.1.2/24'],
    ['r1', 'r1-c', '10.200.1.1/24'],
    ['r1', 'r1-r2', '10.200.2.1/24'],
    ['r2', 'r2-r1', '10.200.2.2/24'],
    ['r2', 'r2-s', '10.200.3.1/24'],
    ['srv', 's-r2', '10.200.3.2/24']
  ]
  for (const [name, dev, address] of addresses) {
    ip('-n', ns(name), 'addr', 'add', address, 'dev', dev)
    ip('-n', ns(name), 'link', 'set', dev, 'up')
  }
  ip('-n', ns('cli'), 'route', 'add', 'default', 'via', '10.200.1.1')
  ip('-n', ns('srv'), 'route', 'add', 'default', 'via', '10.200.3.1')
  ip('-n', ns('r1'), 'route', 'add', '10.200.3.0/24', 'via', '10.200.2.2')
  ip('-n', ns('r2'), 'route', 'add', '10.200.1.0/24', 'via', '10.200.2.1')
  for (const router of ['r1', 'r2']) inNs(router, 'sysctl', '-qw', 'net.ipv4.ip_forward=1')
}

/** The routers generate the ICMP themselves: drop it on their OUTPUT hook. */
function dropFragNeeded() {
  for (const router of ['r1', 'r2']) {
    inNs(router, 'nft', 'add', 'table', 'inet', 'pmtud')
    inNs(
      router,
      'nft',
      'add',
      'chain',
      'inet',
      'pmtud',
      'out',
      '{ type filter hook output priority 0 ; policy accept ; }'
    )
    inNs(
      router,
      'nft',
      'add',
      'rule',
      'inet',
      'pmtud',
      'out',
      'icmp',
      'type',
      'destination-unreachable',
      'icmp',
      'code',
      'frag-needed',
      'counter',
      'drop'
    )
  }
}

/** Runs the runnerkit CLI (from source, through tsx) as a process inside a namespace. */
function runnerkitIn(name: string, args: string[]) {
  const script = join(scratchDir('mtu-probe'), 'runnerkit-mtu.mts')
  const src = (path: string) => JSON.stringify(join(repositoryRoot, 'src', path))
  writeFileSync(
    script,
    [
      `import { runCli } from ${src('cli/main.ts')}`,
      `import { mtuCommand } from ${src('cli/mtu.ts')}`,
      'process.exitCode = await runCli(process.argv.slice(2), {',
      '  env: process.env,',
      '  cwd: process.cwd(),',
      '  stdout: (text) => void process.stdout.write(text),',
      '  stderr: (text) => void process.stderr.write(text)',
      '}, [mtuCommand])',
      ''
    ].join('\n')
  )
  const tsx = join(repositoryRoot, 'node_modules/.bin/tsx')
  return spawnSync('ip', ['netns', 'exec', ns(name), tsx, script, ...args], {
    encoding: 'utf8',
    cwd: repositoryRoot
  })
}

/** Forget a path MTU learned earlier (it would otherwise last 600 s). */
const forgetPmtu = () => inNs('cli', 'ip', 'route', 'flush', 'cache')

beforeAll(() => {
  for (const tool of ['ip', 'nft', 'ping', 'tracepath']) requireTool(tool)
  buildTopology()
})

afterAll(() => {
  for (const name of created.splice(0)) spawnSync('ip', ['netns', 'del', name])
})

describe('with ICMP flowing', () => {
  it('ping finds the path MTU 1450 from frag-needed: no black hole', async () => {
    forgetPmtu()
    const result = await probePathMtu(server, { exec: execIn('cli') })
    expect(result).toMatchObject({
      host: server,
      localMtu: 1500,
      localInterface: 'c-r1',
      pathMtu: 1450,
      blackHole: false,
      icmpSeen: true,
      method: 'ping'
    })
    expect(result.evidence).toContain(
      'ping -M do, 1500 bytes: "Frag needed and DF set (mtu = 1450)" from 10.200.1.1'
    )
    expect(inNs('cli', 'ip', 'route', 'get', server)).toMatch(/mtu 1450/)
  })

  it('tracepath sees pmtu 1450 at hop 2 and reaches the server', async () => {
    forgetPmtu()
    const result = await probePathMtu(server, { exec: execIn('cli'), method: 'tracepath' })
    expect(result).toMatchObject({ pathMtu: 1450, blackHole: false, icmpSeen: true })
    expect(result.evidence).toContain('tracepath: pmtu 1450 learned at hop 2 (ICMP arrived)')
  })
  it('the CLI, run inside the namespace, exits 0', () => {
    const run = runnerkitIn('cli', ['mtu', 'probe', server, '--format', 'json'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ pathMtu: 1450, blackHole: false })
  })
})

describe('with frag-needed dropped on r1 and r2', () => {
  beforeAll(() => {
    dropFragNeeded()
    forgetPmtu()
  })

  it('ping finds the black hole and measures 1450 by sizes', async () => {
    const result = await probePathMtu(server, { exec: execIn('cli') })
    expect(result).toMatchObject({
      localMtu: 1500,
      pathMtu: 1450,
      blackHole: true,
      icmpSeen: false
    })
    expect(result.evidence).toContain(
      'ping -M do, 1500 bytes: lost, no ICMP "fragmentation needed" came back'
    )
    expect(result.evidence.at(-1)).toMatch(/: 1450 bytes pass, 1451 do not$/)
    expect(result.remedy).toContain('ip link set dev c-r1 mtu 1450')
    // The routers did send frag-needed, and nftables dropped it.
    expect(inNs('r1', 'nft', 'list', 'chain', 'inet', 'pmtud', 'out')).toMatch(
      /counter packets [1-9]\d* bytes \d+ drop/
    )
    expect(inNs('cli', 'ip', 'route', 'get', server)).not.toMatch(/mtu 1450/)
  })

  it('tracepath: no reply past hop 1 at 1500 bytes, while 552-byte probes arrive', async () => {
    const result = await probePathMtu(server, {
      exec: execIn('cli'),
      method: 'tracepath',
      maxHops: 4
    })
    expect(result).toMatchObject({ blackHole: true, icmpSeen: false, method: 'tracepath' })
    expect(result.evidence).toEqual(
      expect.arrayContaining([
        'tracepath: no reply after hop 1 (10.200.1.1) with 1500-byte probes',
        `tracepath -l 552: ${server} reached in 3 hops, so large packets vanish where small ones pass`
      ])
    )
  })

  it('the CLI, run inside the namespace, reports it and exits 1', () => {
    const run = runnerkitIn('cli', ['mtu', 'probe', server, '--format', 'table'])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/^local MTU {8}1500 \(c-r1\)$/m)
    expect(run.stdout).toMatch(/^path MTU {9}1450$/m)
    expect(run.stdout).toMatch(/^black hole {7}YES$/m)
    expect(run.stdout).toContain('runnerkit mtu config --mtu 1400')
  })
})
