/**
 * `runnerkit mirrors doctor` after `apply`: the tools themselves (pip, npm, git) report the
 * settings mirror-config wrote, and each mirror is asked whether it answers — one on a live
 * local server, one on a port where nothing listens.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { runRunnerkit } from '../helpers/cli.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let server: Server
let port = 0
/** A port nothing listens on (fetch refuses well-known ports such as 1 outright). */
let closedPort = 0

beforeAll(async () => {
  requireTool('pip3')
  requireTool('npm')
  requireTool('git')
  server = createServer((_request, response) => response.end('<html></html>'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  closedPort = (probe.address() as AddressInfo).port
  await new Promise((resolve) => probe.close(resolve))
})

afterAll(async () => {
  // doctor's fetch keeps its connection alive; close it so jest can exit.
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
})

interface Doctor {
  tools: Array<{ tool: string; output?: string }>
  mirrors: Array<{ ecosystem: string; status: number | string }>
}

describe('mirrors doctor', () => {
  it('shows what the tools really use, and which mirror does not answer', async () => {
    const home = scratchDir('doctor-home')
    const config = join(home, 'mirrors.yaml')
    writeFileSync(
      config,
      [
        'mirrors:',
        `  pypi: http://127.0.0.1:${port}/simple/`,
        `  npm: http://127.0.0.1:${closedPort}/npm/`,
        '  git:',
        `    https://github.com/: http://127.0.0.1:${port}/git/`,
        ''
      ].join('\n')
    )
    const base = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: home,
      XDG_CONFIG_DIRS: scratchDir('doctor-xdg'),
      PIP_CONFIG_FILE: join(home, '.config', 'pip', 'pip.conf')
    }
    const applied = await runRunnerkit(['mirrors', 'apply', '--config', config], base)
    expect(applied.code).toBe(0)
    const exported = Object.fromEntries(
      applied.stdout
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    const doctor = await runRunnerkit(
      ['mirrors', 'doctor', '--config', config, '--format', 'json'],
      {
        ...base,
        ...exported
      }
    )
    expect(doctor.code).toBe(1)
    const report = JSON.parse(doctor.stdout) as Doctor
    const tool = (name: string) => report.tools.find((entry) => entry.tool === name)?.output ?? ''
    expect(tool('pip')).toContain(`index-url='http://127.0.0.1:${port}/simple/'`)
    expect(tool('npm')).toBe(`http://127.0.0.1:${closedPort}/npm/`)
    expect(tool('git')).toContain(`url.http://127.0.0.1:${port}/git/.insteadof https://github.com/`)
    expect(report.mirrors).toEqual([
      { ecosystem: 'pypi', url: `http://127.0.0.1:${port}/simple/`, status: 200 },
      { ecosystem: 'npm', url: `http://127.0.0.1:${closedPort}/npm/`, status: 'ECONNREFUSED' }
    ])
  }, 60_000)
})
