/**
 * Real pip and real npm obey what the pip and npm ecosystems render. One node:http server on
 * 127.0.0.1 plays both mirrors — a static PEP 503 index with a hand-made wheel, and an npm
 * registry with a packument and an `npm pack` tarball — and logs every request with its
 * Authorization header. The mirrors demand credentials, so a success also proves the netrc entry
 * (pip) and the `${VAR}` placeholder in the npmrc (npm) work. The clients run with a scratch HOME
 * and none of the machine's PIP_*, npm_config_* or XDG_* variables, so only the rendered files
 * and the plan's variables can point them at the mirror.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import type { MirrorConfig } from '../../src/mirrors/config.js'
import type { Plan, Target } from '../../src/mirrors/ecosystem.js'
import { npmEcosystem } from '../../src/mirrors/ecosystems/npm.js'
import { pipEcosystem } from '../../src/mirrors/ecosystems/pip.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

interface Logged {
  method: string
  url: string
  authorization: string | undefined
}

const pypiUser = 'ci-bot'
const pypiPassword = 'pypi-s3cret'
const npmToken = 'npm-s3cret-token'
const wheelName = 'hello_mirror-1.0.0-py3-none-any.whl'
const tarballName = 'hello-mirror-1.0.0.tgz'

let root: string
let home: string
let server: Server
let base: string
const log: Logged[] = []
let wheel: Buffer
let tarball: Buffer

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv }
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // Asynchronous: the mirror answers from this very process.
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** The machine's environment without anything that configures pip, npm or XDG paths. */
function cleanEnv(extra: Array<[string, string]> = []): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (
      /^(PIP_|NPM_CONFIG_|XDG_|PYTHON|VIRTUAL_ENV|NODE_|PREFIX$|HTTPS?_PROXY$|NO_PROXY$)/i.test(
        name
      )
    )
      continue
    if (/^(HOME|USERPROFILE|INIT_CWD)$/.test(name)) continue
    env[name] = value
  }
  env.HOME = home
  // /etc/xdg/pip/pip.conf is a machine setting; /etc/pip.conf (cert only) is still read.
  env.XDG_CONFIG_DIRS = join(root, 'no-xdg-dirs')
  for (const [name, value] of extra) env[name] = value
  return env
}

const basic = `Basic ${Buffer.from(`${pypiUser}:${pypiPassword}`).toString('base64')}`

function startMirror(): Promise<void> {
  const sha256 = createHash('sha256').update(wheel).digest('hex')
  server = createServer((request, response) => {
    const url = request.url ?? '/'
    log.push({ method: request.method ?? '', url, authorization: request.headers.authorization })
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { 'content-type': type })
      response.end(body)
    }
    if (url.startsWith('/simple/') || url.startsWith('/packages/')) {
      if (request.headers.authorization !== basic) {
        response.writeHead(401, { 'www-authenticate': 'Basic realm="pypi mirror"' })
        response.end()
        return
      }
      if (url === '/simple/hello-mirror/')
        return send(
          200,
          'text/html',
          `<!DOCTYPE html><html><body><a href="../../packages/${wheelName}#sha256=${sha256}">${wheelName}</a></body></html>\n`
        )
      if (url === `/packages/${wheelName}`) return send(200, 'application/octet-stream', wheel)
      return send(404, 'text/plain', 'not found\n')
    }
    if (url.startsWith('/npm/')) {
      if (request.headers.authorization !== `Bearer ${npmToken}`)
        return send(401, 'application/json', '{"error":"unauthorized"}')
      if (url === '/npm/hello-mirror') {
        const packument = {
          name: 'hello-mirror',
          'dist-tags': { latest: '1.0.0' },
          versions: {
            '1.0.0': {
              name: 'hello-mirror',
              version: '1.0.0',
              main: 'index.js',
              dist: {
                tarball: `${base}/npm/hello-mirror/-/${tarballName}`,
                shasum: createHash('sha1').update(tarball).digest('hex'),
                integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`
              }
            }
          }
        }
        return send(200, 'application/json', JSON.stringify(packument))
      }
      if (url === `/npm/hello-mirror/-/${tarballName}`)
        return send(200, 'application/octet-stream', tarball)
    }
    send(404, 'text/plain', 'not found\n')
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      resolve()
    })
  )
}

/** What apply.ts does, minus backups: each file's render over what is there, secrets 0600. */
function applyPlan(plan: Plan): void {
  for (const edit of plan.files) {
    const existing = existsSync(edit.path) ? readFileSync(edit.path, 'utf8') : undefined
    mkdirSync(dirname(edit.path), { recursive: true })
    writeFileSync(edit.path, edit.render(existing), {
      mode: edit.mode ?? (edit.secret === true ? 0o600 : 0o644)
    })
  }
}

function mirrorConfig(): MirrorConfig {
  return {
    mirrors: { pypi: `${base}/simple/`, npm: `${base}/npm/` },
    credentials: {
      pypi: { username: 'MIRROR_USER', password: 'MIRROR_PASSWORD' },
      npm: { token: 'MIRROR_NPM_TOKEN' }
    }
  }
}

function jobTarget(): Target {
  return {
    mode: 'job',
    home,
    env: {
      HOME: home,
      MIRROR_USER: pypiUser,
      MIRROR_PASSWORD: pypiPassword,
      MIRROR_NPM_TOKEN: npmToken
    }
  }
}

beforeAll(async () => {
  requireTool('pip3')
  requireTool('npm')
  root = scratchDir('mirrors-pyjs')
  home = join(root, 'home')
  mkdirSync(home)

  // A pure-python wheel, by hand (no `wheel` module needed): a zip with the package and its
  // dist-info (METADATA, WHEEL, RECORD with sha256 digests).
  const wheelPath = join(root, wheelName)
  const script = `
import base64, hashlib, sys, zipfile
files = {
    "hello_mirror/__init__.py": "GREETING = 'hello from the mirror'\\n",
    "hello_mirror-1.0.0.dist-info/METADATA": "Metadata-Version: 2.1\\nName: hello-mirror\\nVersion: 1.0.0\\n",
    "hello_mirror-1.0.0.dist-info/WHEEL": "Wheel-Version: 1.0\\nGenerator: runnerkit-test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n",
}
record = []
with zipfile.ZipFile(sys.argv[1], "w") as archive:
    for name, text in files.items():
        data = text.encode()
        archive.writestr(name, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append("hello_mirror-1.0.0.dist-info/RECORD,,")
    archive.writestr("hello_mirror-1.0.0.dist-info/RECORD", "\\n".join(record) + "\\n")
`
  const built = await run('python3', ['-c', script, wheelPath], { cwd: root, env: cleanEnv() })
  if (built.code !== 0) throw new Error(`building the wheel failed: ${built.stderr}`)
  wheel = readFileSync(wheelPath)

  const pkg = join(root, 'hello-mirror')
  mkdirSync(pkg)
  writeFileSync(
    join(pkg, 'package.json'),
    JSON.stringify({ name: 'hello-mirror', version: '1.0.0', main: 'index.js' })
  )
  writeFileSync(join(pkg, 'index.js'), "module.exports = 'hello from the mirror'\n")
  // Packed under another HOME: npm caches what it packs, and the install must not find it there.
  const packed = await run('npm', ['pack', '--pack-destination', root], {
    cwd: pkg,
    env: { ...cleanEnv(), HOME: join(root, 'pack-home') }
  })
  if (packed.code !== 0) throw new Error(`npm pack failed: ${packed.stderr}`)
  tarball = readFileSync(join(root, tarballName))

  await startMirror()
})

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
})

describe('pip and npm use the rendered mirror config', () => {
  it('pip installs from the mirror named in ~/.config/pip/pip.conf, with ~/.netrc credentials', async () => {
    const plan = pipEcosystem.plan(mirrorConfig(), jobTarget())!
    expect(plan.files.map((file) => file.path)).toEqual([
      join(home, '.config', 'pip', 'pip.conf'),
      join(home, '.netrc')
    ])
    applyPlan(plan)
    expect(statSync(join(home, '.netrc')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(home, '.config', 'pip', 'pip.conf'), 'utf8')).not.toContain(
      pypiPassword
    )

    const target = join(root, 'site')
    const since = log.length
    const result = await run(
      'pip3',
      [
        'install',
        '--no-cache-dir',
        '--disable-pip-version-check',
        '--target',
        target,
        'hello-mirror'
      ],
      { cwd: root, env: cleanEnv(plan.env) }
    )
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 })
    expect(readFileSync(join(target, 'hello_mirror', '__init__.py'), 'utf8')).toContain(
      'hello from the mirror'
    )
    const requests = log.slice(since)
    expect(requests).toContainEqual({
      method: 'GET',
      url: '/simple/hello-mirror/',
      authorization: basic
    })
    expect(requests).toContainEqual({
      method: 'GET',
      url: `/packages/${wheelName}`,
      authorization: basic
    })
  })

  it('npm installs from the registry in the exported global config, with the token placeholder', async () => {
    const plan = npmEcosystem.plan(mirrorConfig(), jobTarget())!
    const globalConfig = join(home, '.config', 'runnerkit', 'npm', 'npmrc')
    expect(plan.files.map((file) => file.path)).toEqual([globalConfig])
    applyPlan(plan)
    const npmrc = readFileSync(globalConfig, 'utf8')
    expect(npmrc).toContain('${MIRROR_NPM_TOKEN}')
    expect(npmrc).not.toContain(npmToken)
    expect(plan.env).toEqual([
      ['MIRROR_NPM_TOKEN', npmToken],
      ['NPM_CONFIG_GLOBALCONFIG', globalConfig]
    ])

    const project = join(root, 'consumer')
    mkdirSync(project)
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', version: '1.0.0', private: true })
    )
    const since = log.length
    // Only the plan's variables (the global config and the token) reach npm.
    const result = await run('npm', ['install', '--no-audit', '--no-fund', 'hello-mirror'], {
      cwd: project,
      env: cleanEnv(plan.env)
    })
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 })
    expect(readdirSync(join(project, 'node_modules', 'hello-mirror')).sort()).toEqual([
      'index.js',
      'package.json'
    ])
    const requests = log.slice(since)
    const bearer = `Bearer ${npmToken}`
    expect(requests).toContainEqual({
      method: 'GET',
      url: '/npm/hello-mirror',
      authorization: bearer
    })
    expect(requests).toContainEqual({
      method: 'GET',
      url: `/npm/hello-mirror/-/${tarballName}`,
      authorization: bearer
    })
    const lock = JSON.parse(readFileSync(join(project, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { resolved?: string }>
    }
    expect(lock.packages['node_modules/hello-mirror']?.resolved).toBe(
      `${base}/npm/hello-mirror/-/${tarballName}`
    )
  })
})
