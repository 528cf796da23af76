/**
 * A stand-in for the GitHub Actions runner's release tarball, served over HTTP on 127.0.0.1.
 * github.com is unreachable from the test machines, and the image builds must still download,
 * verify and unpack a runner; this one has the same shape (run.sh, config.sh, bin/) and
 * nothing else. The server logs every path it was asked for, so a test can tell the build
 * really fetched from it.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import tarStream from 'tar-stream'

export interface RunnerTarballServer {
  /** The tarball's URL, for RUNNER_URL. */
  url: string
  /** Its sha256, hex, for RUNNER_SHA256. */
  sha256: string
  /** Paths requested so far, in order. */
  requests: string[]
  stop(): Promise<void>
}

const script = (text: string) => `#!/bin/bash\n${text}\n`

/** What the fake runner holds: name → [mode, body]. */
const files: Record<string, [number, string]> = {
  'run.sh': [0o755, script('echo "fake runner: run.sh $*"')],
  'config.sh': [0o755, script('echo "fake runner: config.sh $*"')],
  'bin/Runner.Listener': [0o755, script('echo "fake runner: Runner.Listener $*"')],
  'bin/installdependencies.sh': [0o755, script('exit 0')]
}

/** The gzip tar, with entries as the real tarball has them: relative, directories first. */
export async function fakeRunnerTarball(): Promise<Buffer> {
  const archive = tarStream.pack()
  const mtime = new Date(0)
  archive.entry({ name: 'bin/', type: 'directory', mode: 0o755, mtime })
  for (const [name, [mode, body]] of Object.entries(files)) {
    archive.entry({ name, mode, mtime }, body)
  }
  archive.finalize()
  const chunks: Buffer[] = []
  for await (const chunk of archive) chunks.push(chunk as Buffer)
  return gzipSync(Buffer.concat(chunks))
}

/** Serves the fake tarball at /actions-runner-linux-x64-<version>.tar.gz on a free port. */
export async function serveRunnerTarball(version = '2.330.0'): Promise<RunnerTarballServer> {
  const body = await fakeRunnerTarball()
  const path = `/actions-runner-linux-x64-${version}.tar.gz`
  const requests: string[] = []
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '')
    if (request.url !== path) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': 'application/gzip',
      'content-length': String(body.length)
    })
    response.end(body)
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    sha256: createHash('sha256').update(body).digest('hex'),
    requests,
    stop: () => new Promise<void>((closed) => server.close(() => closed()))
  }
}
