/**
 * A real Distribution registry (Debian's docker-registry) on 127.0.0.1 with a free port and
 * temporary storage, for the e2e tier. Its access log (stdout, combined format) is parsed into
 * `requests`, so a test can assert which requests the registry actually received.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { scratchDir } from './scratch.js'
import { requireTool } from './tools.js'

export interface RegistryRequest {
  method: string
  path: string
  status: number
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, as an image reference's registry part. */
  host: string
  url: string
  /** Every request the registry logged so far, in order. */
  requests: RegistryRequest[]
  /** Everything the registry wrote to stdout and stderr. */
  output(): string
  /** Waits until the registry has logged every request made before this call. */
  flushLog(): Promise<void>
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((closed) => server.close(() => closed()))
  return port
}

const accessLogLine = /"([A-Z]+) (\S+) HTTP\/[\d.]+" (\d{3})/

export interface RegistryOptions {
  /** Require HTTP Basic credentials (the registry's htpasswd auth; bcrypt hashes from htpasswd). */
  user?: { username: string; password: string }
}

export async function startRegistry(options: RegistryOptions = {}): Promise<LocalRegistry> {
  const binary = requireTool('docker-registry')
  const dir = scratchDir('registry')
  const auth: string[] = []
  if (options.user !== undefined) {
    const htpasswd = requireTool('htpasswd')
    const hashed = spawnSync(htpasswd, ['-Bbn', options.user.username, options.user.password], {
      encoding: 'utf8'
    })
    if (hashed.status !== 0) throw new Error(`htpasswd failed: ${hashed.stderr}`)
    writeFileSync(join(dir, 'htpasswd'), hashed.stdout)
    auth.push(
      'auth:',
      '  htpasswd:',
      '    realm: runnerkit-test',
      `    path: ${join(dir, 'htpasswd')}`
    )
  }
  const port = await freePort()
  const host = `127.0.0.1:${port}`
  const config = join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: info',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      'http:',
      `  addr: ${host}`,
      ...auth,
      ''
    ].join('\n')
  )
  const child: ChildProcess = spawn(binary, ['serve', config], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const requests: RegistryRequest[] = []
  let output = ''
  let pending = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk
    pending += chunk
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const match = accessLogLine.exec(line)
      if (match) requests.push({ method: match[1]!, path: match[2]!, status: Number(match[3]) })
    }
  })
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))

  const url = `http://${host}`
  const deadline = Date.now() + 20_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited:\n${output}`)
    try {
      const response = await fetch(`${url}/v2/`)
      if (response.status === 200 || (options.user !== undefined && response.status === 401)) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill()
      throw new Error(`docker-registry did not answer on ${url}/v2/:\n${output}`)
    }
    await new Promise((retry) => setTimeout(retry, 50))
  }

  let markers = 0
  return {
    host,
    url,
    requests,
    output: () => output,
    async flushLog() {
      const marker = `/v2/?flush=${++markers}`
      await fetch(`${url}${marker}`)
      while (!requests.some((request) => request.path === marker)) {
        await new Promise((retry) => setTimeout(retry, 20))
      }
      requests.splice(
        requests.findIndex((request) => request.path === marker),
        1
      )
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      await exited
    }
  }
}
