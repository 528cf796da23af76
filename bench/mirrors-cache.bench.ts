/**
 * Caching proxy vs direct: N ephemeral clients (fresh curl processes, all at once, as pods of
 * one workflow run starting together) each download the same artifacts over HTTPS, either
 * directly from the origin or through squid running the squid.conf runnerkit renders (bumping
 * the origin's host, cold cache). Measured at the origin: requests and bytes it served; and
 * the wall time until every client is done. Needs squid-openssl, openssl and curl; runs as root
 * (squid drops to proxy) with everything under a scratch folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:https'
import { connect, createServer as createNetServer } from 'node:net'
import { join } from 'node:path'
import { caGenerationSteps, renderSquid } from '../src/mirrors/squid.js'
import { removeScratchDirs, scratchDir } from '../test/helpers/scratch.js'
import { machine, printTable } from './machine.js'

const clients = 20
const artifactCount = 5
const artifactBytes = 2 * 1024 * 1024
const host = 'files.pkg.test'

function run(command: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin' },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr }))
  })
}

async function must(command: string, args: string[]): Promise<void> {
  const result = await run(command, args)
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
}

async function freePort(): Promise<number> {
  const server = createNetServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`squid exited with ${child.exitCode}`)
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.once('connect', () => (socket.destroy(), resolve(true)))
      socket.once('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`squid did not listen on ${port}`)
}

for (const [command, pkg] of [
  ['squid', 'squid-openssl'],
  ['openssl', 'openssl'],
  ['curl', 'curl']
]) {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0)
    throw new Error(`'${command}' is not installed: apt-get install ${pkg}`)
}

const dir = scratchDir('bench-squid')
chmodSync(dir, 0o755)
let squid: ChildProcess | undefined
const origin = { requests: 0, bytes: 0 }
const artifacts = new Map<string, Buffer>()
for (let index = 0; index < artifactCount; index++)
  artifacts.set(`/packages/pkg${index}-1.0.${index}-py3-none-any.whl`, randomBytes(artifactBytes))

try {
  // origin CA + leaf for the .test name; bump CA by the steps the README prints
  await must('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=bench origin CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-keyout',
    join(dir, 'origin-ca.key'),
    '-out',
    join(dir, 'origin-ca.crt')
  ])
  await must('openssl', [
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-subj',
    `/CN=${host}`,
    '-keyout',
    join(dir, 'origin.key'),
    '-out',
    join(dir, 'origin.csr')
  ])
  writeFileSync(
    join(dir, 'origin.ext'),
    `subjectAltName=DNS:${host}\nextendedKeyUsage=serverAuth\n`
  )
  await must('openssl', [
    'x509',
    '-req',
    '-in',
    join(dir, 'origin.csr'),
    '-CA',
    join(dir, 'origin-ca.crt'),
    '-CAkey',
    join(dir, 'origin-ca.key'),
    '-CAcreateserial',
    '-days',
    '1',
    '-extfile',
    join(dir, 'origin.ext'),
    '-out',
    join(dir, 'origin.crt')
  ])
  const bumpCa = join(dir, 'bump-ca.crt')
  const steps = caGenerationSteps('bench bump CA', {
    caCert: bumpCa,
    caKey: join(dir, 'bump-ca.key'),
    certDbDir: join(dir, 'ssl_db')
  })
  for (const step of steps) await must('sh', ['-c', step])

  const server = createServer(
    { key: readFileSync(join(dir, 'origin.key')), cert: readFileSync(join(dir, 'origin.crt')) },
    (request, response) => {
      const body = artifacts.get(request.url ?? '')
      origin.requests++
      if (body === undefined) return void response.writeHead(404).end()
      origin.bytes += body.length
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': body.length,
        'last-modified': new Date(Date.now() - 86_400_000).toUTCString()
      })
      response.end(body)
    }
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const originPort = (server.address() as { port: number }).port
  const urls = [...artifacts.keys()].map((path) => `https://${host}:${originPort}${path}`)

  const proxyPort = await freePort()
  writeFileSync(join(dir, 'hosts'), `127.0.0.1 ${host}\n`)
  const conf = renderSquid({
    port: proxyPort,
    listenAddress: '127.0.0.1',
    cacheDir: join(dir, 'cache'),
    caCert: bumpCa,
    caKey: join(dir, 'bump-ca.key'),
    certDbDir: join(dir, 'ssl_db'),
    bumpHosts: [host],
    allowedNetworks: ['127.0.0.1/32'],
    extraSslPorts: [originPort],
    hostsFile: join(dir, 'hosts'),
    upstreamCaFile: join(dir, 'origin-ca.crt'),
    cacheSizeMb: 500,
    logDir: dir,
    pidFile: join(dir, 'squid.pid'),
    effectiveUser: 'proxy',
    allowLoopbackOrigins: true
  })['squid.conf']
  writeFileSync(
    join(dir, 'squid.conf'),
    `${conf}\nshutdown_lifetime 1 seconds\nnetdb_filename none\npinger_enable off\n`
  )
  writeFileSync(
    join(dir, 'bundle.pem'),
    `${readFileSync('/etc/ssl/certs/ca-certificates.crt', 'utf8').trimEnd()}\n${readFileSync(bumpCa, 'utf8')}`
  )
  spawnSync('chown', ['-R', 'proxy:proxy', dir])
  await must('squid', ['-z', '-N', '-f', join(dir, 'squid.conf')])
  squid = spawn('squid', ['-N', '-f', join(dir, 'squid.conf')], { stdio: 'ignore' })
  await waitForPort(proxyPort, squid)

  const wave = async (clientArgs: string[]) => {
    const before = { ...origin }
    const started = performance.now()
    const results = await Promise.all(
      Array.from({ length: clients }, () =>
        run('curl', [
          '-sS',
          '--fail',
          ...clientArgs,
          ...urls.flatMap((url) => ['-o', '/dev/null', url])
        ])
      )
    )
    const ms = performance.now() - started
    const failed = results.filter((result) => result.code !== 0)
    if (failed.length > 0) throw new Error(`${failed.length} clients failed: ${failed[0]?.stderr}`)
    return {
      ms,
      requests: origin.requests - before.requests,
      bytes: origin.bytes - before.bytes
    }
  }

  const direct = await wave([
    '--resolve',
    `${host}:${originPort}:127.0.0.1`,
    '--cacert',
    join(dir, 'origin-ca.crt')
  ])
  const proxyArgs = [
    '--proxy',
    `http://127.0.0.1:${proxyPort}`,
    '--cacert',
    join(dir, 'bundle.pem')
  ]
  const cold = await wave(proxyArgs)
  const warm = await wave(proxyArgs)
  await new Promise((resolve) => server.close(resolve))

  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`
  const clientBytes = clients * artifactCount * artifactBytes
  printTable([
    ['machine', machine()],
    [
      'workload',
      `${clients} concurrent clients × ${artifactCount} artifacts × ${mib(artifactBytes)} (${mib(clientBytes)} delivered per wave)`
    ],
    ['direct: upstream requests / bytes', `${direct.requests} / ${mib(direct.bytes)}`],
    ['direct: wall time', `${direct.ms.toFixed(0)} ms`],
    ['squid, cold cache: upstream requests / bytes', `${cold.requests} / ${mib(cold.bytes)}`],
    ['squid, cold cache: wall time', `${cold.ms.toFixed(0)} ms`],
    ['squid, warm cache: upstream requests / bytes', `${warm.requests} / ${mib(warm.bytes)}`],
    ['squid, warm cache: wall time', `${warm.ms.toFixed(0)} ms`],
    ['upstream bytes saved (cold)', `${((1 - cold.bytes / direct.bytes) * 100).toFixed(0)} %`]
  ])
  console.log(
    JSON.stringify({
      bench: 'mirrors-cache',
      machine: machine(),
      clients,
      artifacts: artifactCount,
      artifactBytes,
      directRequests: direct.requests,
      directBytes: direct.bytes,
      directMs: Math.round(direct.ms),
      squidColdRequests: cold.requests,
      squidColdBytes: cold.bytes,
      squidColdMs: Math.round(cold.ms),
      squidWarmRequests: warm.requests,
      squidWarmBytes: warm.bytes,
      squidWarmMs: Math.round(warm.ms)
    })
  )
} finally {
  if (squid !== undefined && squid.exitCode === null) {
    const exited = new Promise((resolve) => squid?.once('exit', resolve))
    squid.kill('SIGTERM')
    await exited
  }
  removeScratchDirs()
}
