/**
 * The rendered squid.conf, run for real: Debian's squid-openssl on a free loopback port with a
 * private cache, logs and pid file (no system squid is touched), bumping TLS to small HTTPS
 * origins. The origins answer to *.test names that only squid resolves (its hosts_file), so a
 * client that bypasses the proxy fails with a DNS error instead of silently going direct.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer as createHttpsServer, type Server } from 'node:https'
import { connect, createServer as createNetServer } from 'node:net'
import { join } from 'node:path'
import { parseMirrorConfig } from '../../src/mirrors/config.js'
import { applyJobMode } from '../../src/mirrors/run.js'
import { caGenerationSteps, renderSquid } from '../../src/mirrors/squid.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Async (the origin server lives in this process: a sync child would block it). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** No proxy variables, no CA variables: each curl says exactly what it uses. */
function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' }
}

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`squid exited (${child.exitCode}):\n${tail(log)}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`squid did not listen on ${port}:\n${tail(log)}`)
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')
  } catch {
    return '(no log)'
  }
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

interface Logged {
  host: string
  method: string
  url: string
  conditional: boolean
  status: number
}

const artifacts: Record<string, Buffer> = {
  '/packages/alpha-1.0.0-py3-none-any.whl': randomBytes(1024 * 1024),
  '/npm/beta/-/beta-2.0.0.tgz': randomBytes(768 * 1024),
  '/debian/pool/main/g/gamma/gamma_3.0-1_amd64.deb': randomBytes(1536 * 1024)
}
const metadataPath = '/simple/alpha/'
const lastModified = new Date(Date.now() - 3600_000).toUTCString()
const metadata = {
  body: '<a href="../../packages/alpha-1.0.0-py3-none-any.whl">1.0.0</a>\n',
  version: 1,
  lastModified
}

const dir = scratchDir('squid')
const bumpCaName = 'runnerkit test bump CA'
const originCaName = 'runnerkit test origin CA'
const originLog: Logged[] = []
let origin: Server
let originPort = 0
let proxyPort = 0
let squid: ChildProcess
let parsed: Run
const paths = {
  conf: join(dir, 'squid.conf'),
  bumpCa: join(dir, 'bump-ca.crt'),
  bumpKey: join(dir, 'bump-ca.key'),
  certDb: join(dir, 'ssl_db'),
  originCa: join(dir, 'origin-ca.crt'),
  trusting: join(dir, 'bundle.pem'),
  systemOnly: '/etc/ssl/certs/ca-certificates.crt',
  cacheLog: join(dir, 'cache.log')
}

const url = (host: string, path: string) => `https://${host}:${originPort}${path}`
const viaProxy = () => ['--proxy', `http://127.0.0.1:${proxyPort}`]

beforeAll(async () => {
  requireTool('squid')
  requireTool('openssl')
  requireTool('curl')
  chmodSync(dir, 0o755)

  // The origins' own CA and a leaf for every *.test name; squid trusts that CA for upstream TLS.
  const openssl = async (...args: string[]) => {
    const result = await run('openssl', args)
    if (result.code !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`)
  }
  await openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-sha256',
    '-days',
    '2',
    '-subj',
    `/CN=${originCaName}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    join(dir, 'origin-ca.key'),
    '-out',
    paths.originCa
  )
  await openssl(
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    '/CN=files.pkg.test',
    '-keyout',
    join(dir, 'origin.key'),
    '-out',
    join(dir, 'origin.csr')
  )
  writeFileSync(
    join(dir, 'origin.ext'),
    'subjectAltName=DNS:files.pkg.test,DNS:registry.pkg.test,DNS:other.pkg.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n'
  )
  await openssl(
    'x509',
    '-req',
    '-in',
    join(dir, 'origin.csr'),
    '-CA',
    paths.originCa,
    '-CAkey',
    join(dir, 'origin-ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-sha256',
    '-extfile',
    join(dir, 'origin.ext'),
    '-out',
    join(dir, 'origin.crt')
  )

  // The bump CA and certificate DB, made by the very steps the README prints.
  for (const step of caGenerationSteps(bumpCaName, {
    caCert: paths.bumpCa,
    caKey: paths.bumpKey,
    certDbDir: paths.certDb,
    user: 'proxy'
  })) {
    const result = await run('sh', ['-c', step])
    if (result.code !== 0) throw new Error(`${step}: ${result.stderr}`)
  }
  writeFileSync(
    paths.trusting,
    `${readFileSync(paths.systemOnly, 'utf8').trimEnd()}\n${readFileSync(paths.bumpCa, 'utf8')}`
  )

  origin = createHttpsServer(
    { key: readFileSync(join(dir, 'origin.key')), cert: readFileSync(join(dir, 'origin.crt')) },
    (request, response) => {
      const path = request.url ?? '/'
      const conditional =
        request.headers['if-none-match'] !== undefined ||
        request.headers['if-modified-since'] !== undefined
      const log = (status: number) =>
        originLog.push({
          host: String(request.headers.host),
          method: request.method ?? '',
          url: path,
          conditional,
          status
        })
      const body = artifacts[path]
      if (body !== undefined) {
        log(200)
        response.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': body.length,
          'last-modified': lastModified,
          etag: `"${sha256(body).slice(0, 16)}"`
        })
        response.end(body)
        return
      }
      if (path === metadataPath) {
        const etag = `"meta-${metadata.version}"`
        const since = request.headers['if-modified-since']
        const unchanged =
          request.headers['if-none-match'] !== undefined
            ? request.headers['if-none-match'] === etag
            : since !== undefined && Date.parse(since) >= Date.parse(metadata.lastModified)
        if (unchanged) {
          log(304)
          response.writeHead(304, { etag, 'last-modified': metadata.lastModified })
          response.end()
          return
        }
        log(200)
        response.writeHead(200, {
          'content-type': 'text/html',
          etag,
          'last-modified': metadata.lastModified
        })
        response.end(metadata.body)
        return
      }
      log(404)
      response.writeHead(404).end()
    }
  )
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  originPort = (origin.address() as { port: number }).port
  proxyPort = await freePort()

  writeFileSync(join(dir, 'hosts'), '127.0.0.1 files.pkg.test registry.pkg.test other.pkg.test\n')
  const files = renderSquid({
    port: proxyPort,
    listenAddress: '127.0.0.1',
    cacheDir: join(dir, 'cache'),
    caCert: paths.bumpCa,
    caKey: paths.bumpKey,
    certDbDir: paths.certDb,
    bumpHosts: ['files.pkg.test', 'registry.pkg.test'],
    allowedNetworks: ['127.0.0.1/32'],
    // the origin listens on a high port: CONNECT to it is allowed only when listed
    extraSslPorts: [originPort],
    hostsFile: join(dir, 'hosts'),
    upstreamCaFile: paths.originCa,
    cacheSizeMb: 200,
    maxObjectSizeMb: 64,
    logDir: dir,
    pidFile: join(dir, 'squid.pid'),
    effectiveUser: 'proxy',
    allowLoopbackOrigins: true
  })
  // Test-only: stop fast, and leave /var/spool/squid (netdb) and the setuid pinger alone.
  writeFileSync(
    paths.conf,
    `${files['squid.conf']}\nshutdown_lifetime 1 seconds\nnetdb_filename none\npinger_enable off\n`
  )
  spawnSync('chown', ['-R', 'proxy:proxy', dir])

  parsed = await run('squid', ['-k', 'parse', '-f', paths.conf])
  const created = await run('squid', ['-z', '-N', '-f', paths.conf])
  if (created.code !== 0) throw new Error(`squid -z: ${created.stderr}\n${tail(paths.cacheLog)}`)
  squid = spawn('squid', ['-N', '-f', paths.conf], { stdio: 'ignore', env: cleanEnv() })
  await waitForPort(proxyPort, squid, paths.cacheLog)
})

afterAll(async () => {
  if (squid !== undefined && squid.exitCode === null) {
    const exited = new Promise((resolve) => squid.once('exit', resolve))
    squid.kill('SIGTERM')
    const timer = setTimeout(() => squid.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  await new Promise((resolve) => (origin ? origin.close(resolve) : resolve(undefined)))
})

const issuer = (verbose: string) => /issuer: (.*)/.exec(verbose)?.[1]?.trim()

describe('squid (squid-openssl) with the rendered squid.conf', () => {
  it('squid -k parse accepts the rendered conf (only the expected HTTP-violation warnings)', () => {
    expect(parsed.code).toBe(0)
    const complaints = parsed.stderr
      .split('\n')
      .filter((line) => /ERROR|FATAL|WARNING/.test(line))
      .filter((line) => !/use of '(override-expire|override-lastmod|ignore-reload)'/.test(line))
    expect(complaints).toEqual([])
  })

  it('bumps a package host: untrusted without the bump CA, trusted with system CAs + bump CA', async () => {
    const target = url('files.pkg.test', '/packages/alpha-1.0.0-py3-none-any.whl')
    const systemOnly = await run('curl', [
      '-sS',
      ...viaProxy(),
      '--cacert',
      paths.systemOnly,
      '-o',
      '/dev/null',
      target
    ])
    expect(systemOnly.code).toBe(60) // SSL certificate problem
    expect(systemOnly.stderr).toMatch(/certificate/i)

    const out = join(dir, 'alpha.whl')
    const trusted = await run('curl', [
      '-sS',
      '-v',
      '--fail',
      ...viaProxy(),
      '--cacert',
      paths.trusting,
      '-o',
      out,
      target
    ])
    expect(trusted.code).toBe(0)
    expect(issuer(trusted.stderr)).toBe(`CN=${bumpCaName}`)
    expect(sha256(readFileSync(out))).toBe(
      sha256(artifacts['/packages/alpha-1.0.0-py3-none-any.whl']!)
    )

    // CURL_CA_BUNDLE is the same bundle by environment
    const byEnv = await run('curl', ['-sS', '--fail', ...viaProxy(), '-o', '/dev/null', target], {
      ...cleanEnv(),
      CURL_CA_BUNDLE: paths.trusting
    })
    expect(byEnv.code).toBe(0)
  })

  it("mirror-config's rendered settings alone make the bumped download work: proxy and trust from its environment", async () => {
    const home = scratchDir('squid-mirror-home')
    const config = parseMirrorConfig(
      `proxy: { http: http://127.0.0.1:${proxyPort}, https: http://127.0.0.1:${proxyPort} }\nca: { file: ${paths.bumpCa} }\n`,
      join(dir, 'mirrors.yaml')
    )
    const applied = await applyJobMode(config, { ...cleanEnv(), HOME: home }, join(home, 'state'))
    const exported = Object.fromEntries(applied.env)
    const target = url('files.pkg.test', '/packages/alpha-1.0.0-py3-none-any.whl')
    // No --proxy and no --cacert: curl reads https_proxy and CURL_CA_BUNDLE/SSL_CERT_FILE.
    const withRendered = await run('curl', ['-sS', '--fail', '-o', '/dev/null', target], {
      ...cleanEnv(),
      ...exported
    })
    expect(withRendered.code).toBe(0)
    const withoutTrust = await run('curl', ['-sS', '--fail', '-o', '/dev/null', target], {
      ...cleanEnv(),
      https_proxy: exported.https_proxy,
      CURL_CA_BUNDLE: paths.systemOnly
    })
    expect(withoutTrust.code).toBe(60)
  })

  it('splices every other host: the origin certificate passes through, nothing is bumped', async () => {
    const target = url('other.pkg.test', metadataPath)
    const spliced = await run('curl', [
      '-sS',
      '-v',
      '--fail',
      ...viaProxy(),
      '--cacert',
      paths.originCa,
      '-o',
      '/dev/null',
      target
    ])
    expect(spliced.code).toBe(0)
    expect(issuer(spliced.stderr)).toBe(`CN=${originCaName}`)
    const bumpTrustOnly = await run('curl', [
      '-sS',
      ...viaProxy(),
      '--cacert',
      paths.trusting,
      '-o',
      '/dev/null',
      target
    ])
    expect(bumpTrustOnly.code).toBe(60)
  })

  it('20 concurrent clients fetch 3 artifacts: the origin serves each exactly once', async () => {
    const paths3 = Object.keys(artifacts)
    const hosts = ['files.pkg.test', 'registry.pkg.test', 'files.pkg.test']
    const targets = paths3.map((path, index) => url(hosts[index]!, path))
    const before = originLog.length
    const clients = await Promise.all(
      Array.from({ length: 20 }, () =>
        run('curl', [
          '-sS',
          '--fail',
          ...viaProxy(),
          '--cacert',
          paths.trusting,
          '-w',
          '%{http_code} %{size_download}\n',
          ...targets.flatMap((target) => ['-o', '/dev/null', target])
        ])
      )
    )
    for (const client of clients) {
      expect(client.stderr).toBe('')
      expect(client.code).toBe(0)
      expect(client.stdout.trim().split('\n')).toEqual(
        paths3.map((path) => `200 ${artifacts[path]!.length}`)
      )
    }
    const fetched = originLog.slice(before)
    for (const path of paths3) {
      // the whl was fetched once already, by the bump test above
      const expected = path.endsWith('.whl') ? 0 : 1
      expect([path, fetched.filter((entry) => entry.url === path).length]).toEqual([path, expected])
    }
    expect(originLog.filter((entry) => entry.url.endsWith('.whl'))).toHaveLength(1)
  })

  it('revalidates metadata on every request, and a change upstream is seen at once', async () => {
    const target = url('files.pkg.test', metadataPath)
    const fetchMeta = () =>
      run('curl', ['-sS', '--fail', ...viaProxy(), '--cacert', paths.trusting, target])
    const before = originLog.length
    for (let client = 0; client < 3; client++) {
      const result = await fetchMeta()
      expect(result.code).toBe(0)
      expect(result.stdout).toBe(metadata.body)
    }
    const seen = originLog.slice(before).filter((entry) => entry.url === metadataPath)
    expect(seen.map((entry) => [entry.conditional, entry.status])).toEqual([
      [false, 200],
      [true, 304],
      [true, 304]
    ])
    metadata.body = `${metadata.body}<a href="../../packages/alpha-1.0.1-py3-none-any.whl">1.0.1</a>\n`
    metadata.version = 2
    metadata.lastModified = new Date().toUTCString()
    const changed = await fetchMeta()
    expect(changed.stdout).toBe(metadata.body)
  })

  it('a client that bypasses the proxy fails loudly: the .test name does not resolve', async () => {
    const direct = await run('curl', [
      '-sS',
      '--cacert',
      paths.trusting,
      '-o',
      '/dev/null',
      url('files.pkg.test', '/packages/alpha-1.0.0-py3-none-any.whl')
    ])
    expect(direct.code).toBe(6)
    expect(direct.stderr).toMatch(/Could not resolve host: files\.pkg\.test/)
  })
})
