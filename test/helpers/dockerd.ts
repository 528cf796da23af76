/**
 * A real Docker daemon (Debian's docker.io) for the e2e tier, started the way this machine
 * allows: no bridge and no iptables (builds then use --network host), its data, state and socket
 * in temporary directories so it never touches a system daemon.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { scratchDir } from './scratch.js'
import { requireTool } from './tools.js'

export interface LocalDockerd {
  /** DOCKER_HOST for clients: unix:///…/docker.sock */
  host: string
  output(): string
  stop(): Promise<void>
}

export async function startDockerd(): Promise<LocalDockerd> {
  const dockerd = requireTool('dockerd')
  const docker = requireTool('docker')
  const data = scratchDir('dockerd')
  // The exec root holds unix sockets, whose paths must stay short.
  const exec = mkdtempSync('/tmp/rk-dx-')
  const socket = join(exec, 'docker.sock')
  const host = `unix://${socket}`
  const child: ChildProcess = spawn(
    dockerd,
    [
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
      '--data-root',
      join(data, 'data'),
      '--exec-root',
      join(exec, 'x'),
      '--pidfile',
      join(exec, 'docker.pid'),
      '-H',
      host
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dockerd exited:\n${output}`)
    const probe = spawnSync(docker, ['version', '--format', '{{.Server.Version}}'], {
      env: { ...process.env, DOCKER_HOST: host },
      encoding: 'utf8'
    })
    if (probe.status === 0) break
    if (Date.now() > deadline) {
      child.kill()
      throw new Error(`dockerd did not answer on ${host}:\n${output}`)
    }
    await new Promise((retry) => setTimeout(retry, 250))
  }
  return {
    host,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
      // dockerd leaves its default network namespace bind-mounted.
      spawnSync('umount', ['--lazy', join(exec, 'x', 'netns', 'default')])
      rmSync(exec, { recursive: true, force: true })
    }
  }
}
