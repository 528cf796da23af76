/**
 * The download path of `shellcheck: auto`: real @actions/tool-cache, real tar and xz, a real
 * .tar.xz holding a copy of the real shellcheck binary. The one stand-in is GitHub's release
 * server, which cannot be reached here: a node:http server on 127.0.0.1 serves the archive
 * under the same path layout, through the base-URL override an enterprise mirror uses.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { arch } from 'node:os'
import { join } from 'node:path'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import {
  downloadShellCheck,
  findShellCheck,
  ShellCheckChecksumError,
  shellcheckFailures,
  type ShellCheckRelease
} from '../../src/lint/shellcheck/index.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

const version = '9.9.9'
const releaseArch = arch() === 'arm64' ? 'aarch64' : 'x86_64'
const assetPath = `/v${version}/shellcheck-v${version}.linux.${releaseArch}.tar.xz`

let server: Server
let baseUrl = ''
let archive: Buffer
let sha256 = ''
const requests: string[] = []

function release(digest: string): ShellCheckRelease {
  return { version, sha256: { x86_64: digest, aarch64: digest } }
}

beforeAll(async () => {
  const real = requireTool('shellcheck')
  // tool-cache extracts with tar, which needs xz for .tar.xz.
  requireTool('xz')
  // The release layout: shellcheck-v<version>/shellcheck inside a .tar.xz.
  const root = scratchDir('sc-release')
  mkdirSync(join(root, `shellcheck-v${version}`))
  copyFileSync(real, join(root, `shellcheck-v${version}`, 'shellcheck'))
  const file = join(root, 'release.tar.xz')
  // The fastest xz level: the archive's size does not matter here.
  const tar = spawnSync('tar', ['-cJf', file, '-C', root, `shellcheck-v${version}`], {
    env: { ...process.env, XZ_OPT: '-0' }
  })
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr.toString()}`)
  archive = readFileSync(file)
  sha256 = createHash('sha256').update(archive).digest('hex')

  server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url === `/mirror${assetPath}`) {
      response.writeHead(200, { 'content-type': 'application/octet-stream' })
      response.end(archive)
    } else {
      response.writeHead(404)
      response.end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mirror/`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

let toolCache = ''
let runnerTemp = ''

beforeEach(() => {
  // tool-cache v4 reads RUNNER_TOOL_CACHE and RUNNER_TEMP when each function is called (not at
  // import time), so setting them here is enough.
  toolCache = scratchDir('sc-toolcache')
  runnerTemp = scratchDir('sc-runnertemp')
  process.env.RUNNER_TOOL_CACHE = toolCache
  process.env.RUNNER_TEMP = runnerTemp
  requests.length = 0
})

afterAll(() => {
  delete process.env.RUNNER_TOOL_CACHE
  delete process.env.RUNNER_TEMP
  delete process.env.RUNNERKIT_SHELLCHECK_URL
})

describe('downloading ShellCheck', () => {
  it('downloads, verifies, caches, and then uses the cache without a request', async () => {
    const options = { baseUrl, release: release(sha256) }
    const binary = await downloadShellCheck(options)
    expect(binary).toBe(join(toolCache, 'shellcheck', version, arch(), 'shellcheck'))
    expect(existsSync(`${join(toolCache, 'shellcheck', version, arch())}.complete`)).toBe(true)
    expect(requests).toEqual([`/mirror${assetPath}`])
    expect(readdirSync(runnerTemp)).toEqual([])

    // The cached binary is a working ShellCheck.
    const failures = await shellcheckFailures(parseDockerfile('FROM debian\nRUN echo $X\n'), binary)
    expect(failures.map((failure) => [failure.code, failure.line, failure.column])).toEqual([
      ['SC2086', 2, 10]
    ])

    // auto, with nothing on the search path: the cache, and no second request.
    await expect(findShellCheck('auto', { ...options, searchPath: '' })).resolves.toEqual({
      binary,
      source: 'cache'
    })
    expect(requests).toHaveLength(1)
  })

  it('auto downloads from the mirror named by RUNNERKIT_SHELLCHECK_URL', async () => {
    process.env.RUNNERKIT_SHELLCHECK_URL = baseUrl
    try {
      const found = await findShellCheck('auto', { searchPath: '', release: release(sha256) })
      expect(found).toEqual({
        binary: join(toolCache, 'shellcheck', version, arch(), 'shellcheck'),
        source: 'download'
      })
      expect(requests).toEqual([`/mirror${assetPath}`])
    } finally {
      delete process.env.RUNNERKIT_SHELLCHECK_URL
    }
  })

  it('refuses a download whose sha256 is not the pinned one, and installs nothing', async () => {
    const wrong = release('0'.repeat(64))
    const download = downloadShellCheck({ baseUrl, release: wrong })
    await expect(download).rejects.toThrow(ShellCheckChecksumError)
    await expect(downloadShellCheck({ baseUrl, release: wrong })).rejects.toThrow(
      `has sha256 ${sha256}, not the pinned ${'0'.repeat(64)}; nothing was installed`
    )
    expect(existsSync(join(toolCache, 'shellcheck'))).toBe(false)
    expect(readdirSync(toolCache)).toEqual([])
    expect(readdirSync(runnerTemp)).toEqual([])

    // auto does not turn a mismatch into "no ShellCheck": it fails.
    await expect(
      findShellCheck('auto', { baseUrl, release: wrong, searchPath: '' })
    ).rejects.toThrow(ShellCheckChecksumError)
    expect(readdirSync(toolCache)).toEqual([])
  })

  it('gives a reason, not an error, when the download fails', async () => {
    const missing: ShellCheckRelease = { version: '9.9.8', sha256: release(sha256).sha256 }
    const found = await findShellCheck('auto', { baseUrl, release: missing, searchPath: '' })
    expect(found.binary).toBeUndefined()
    expect(found.reason).toContain(
      `ShellCheck could not be downloaded from ${baseUrl}v9.9.8/shellcheck-v9.9.8.linux.${releaseArch}.tar.xz`
    )
    expect(found.reason).toContain('Unexpected HTTP response: 404')
    expect(readdirSync(toolCache)).toEqual([])
    expect(readdirSync(runnerTemp)).toEqual([])
  })
})
