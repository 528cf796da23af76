/**
 * A stand-in for the runner agent's tarball, for building on a machine that cannot reach
 * github.com (and has no internal mirror of it): run.sh and config.sh that say what they are and
 * exit non-zero, served on 127.0.0.1 for the build's RUNNER_URL. The image still goes through
 * every check; the pipeline marks it as not for deployment.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { pack } from 'tar-stream'

const notice = `#!/bin/sh
echo "runnerkit stand-in: this image was built without the GitHub Actions runner (github.com was unreachable)." >&2
echo "Rebuild with RUNNER_URL and RUNNER_SHA256 pointing at the real tarball before deploying it." >&2
exit 78
`

/** The tarball's bytes: the entry points the images use, and the bin/ folder they expect. */
export async function standInRunnerTarball(): Promise<Buffer> {
  const archive = pack()
  const chunks: Buffer[] = []
  archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer))
  const done = new Promise<void>((resolve, reject) => {
    archive.on('end', resolve)
    archive.on('error', reject)
  })
  const mtime = new Date(0)
  archive.entry({ name: 'bin/', type: 'directory', mode: 0o755, mtime })
  for (const name of ['run.sh', 'config.sh', 'bin/Runner.Listener']) {
    archive.entry({ name, mode: 0o755, mtime }, notice)
  }
  archive.finalize()
  await done
  return gzipSync(Buffer.concat(chunks))
}

export interface ServedTarball {
  url: string
  sha256: string
  close(): Promise<void>
}

/** Serves `bytes` at http://127.0.0.1:PORT/<name> until closed. */
export async function serveTarball(bytes: Buffer, name: string): Promise<ServedTarball> {
  const server: Server = createServer((request, response) => {
    if (request.url !== `/${name}`) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, {
      'content-type': 'application/gzip',
      'content-length': String(bytes.length)
    })
    response.end(request.method === 'HEAD' ? undefined : bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/${name}`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
