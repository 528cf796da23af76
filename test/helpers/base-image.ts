/**
 * The e2e tier's base image: no registry on the internet is reachable here, so a Debian bookworm
 * minbase made by debootstrap (from Debian's package mirror, about a minute) is packed into a
 * one-layer OCI image and pushed into the test's own registry. The packed layout is cached
 * between runs in the system temp directory, keyed by suite, so only the first run pays for
 * debootstrap.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { createGzip } from 'node:zlib'
import {
  initLayout,
  resolveInLayout,
  tagInLayout,
  writeBlob,
  writeBlobStream
} from '../../src/oci/layout.js'
import { mediaTypes } from '../../src/oci/media-types.js'
import { pushFromLayout } from '../../src/oci/push.js'
import { RegistryClient } from '../../src/oci/registry.js'
import type { LocalRegistry } from './registry.js'
import { requireTool } from './tools.js'

const suite = 'bookworm'
const mirror = process.env.RUNNERKIT_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian'

/** The cached layout holding the minbase image under the name `bookworm`; made when missing. */
export async function debianMinbaseLayout(): Promise<string> {
  const cache = join(tmpdir(), 'runnerkit-e2e-cache')
  const layout = join(cache, `${suite}-minbase-layout`)
  const complete = join(layout, '.complete')
  if (existsSync(complete)) return layout
  const debootstrap = requireTool('debootstrap')
  mkdirSync(cache, { recursive: true })
  rmSync(layout, { recursive: true, force: true })
  const rootfs = join(cache, `rootfs-${randomBytes(4).toString('hex')}`)
  try {
    const made = spawnSync(debootstrap, ['--variant=minbase', suite, rootfs, mirror], {
      encoding: 'utf8'
    })
    if (made.status !== 0) {
      throw new Error(`debootstrap ${suite} failed (${mirror}):\n${made.stdout}\n${made.stderr}`)
    }
    await initLayout(layout)
    const { layer, diffId } = await packLayer(rootfs, layout)
    const config = await writeBlob(
      layout,
      Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: {
            Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
            Cmd: ['bash']
          },
          rootfs: { type: 'layers', diff_ids: [diffId] },
          history: [{ created_by: `debootstrap --variant=minbase ${suite}` }]
        })
      )
    )
    const manifest = await writeBlob(
      layout,
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: mediaTypes.ociManifest,
          config: { mediaType: mediaTypes.ociConfig, ...config },
          layers: [{ mediaType: mediaTypes.ociLayerGzip, ...layer }]
        })
      )
    )
    await tagInLayout(layout, { mediaType: mediaTypes.ociManifest, ...manifest }, suite)
    writeFileSync(complete, new Date().toISOString())
    return layout
  } finally {
    rmSync(rootfs, { recursive: true, force: true })
  }
}

/** Pushes the minbase into `registry` and returns its reference (`HOST/REPOSITORY:bookworm`). */
export async function pushDebianBase(
  registry: LocalRegistry,
  repository = 'base/debian'
): Promise<string> {
  const layout = await debianMinbaseLayout()
  const client = new RegistryClient()
  try {
    await pushFromLayout({
      client,
      layout,
      descriptor: await resolveInLayout(layout, suite),
      repository: { registry: registry.host, repository },
      tags: [suite]
    })
  } finally {
    client.close()
  }
  return `${registry.host}/${repository}:${suite}`
}

/** tar of the root filesystem, hashed as it streams (the diff_id) and gzipped into the layout. */
async function packLayer(
  rootfs: string,
  layout: string
): Promise<{ layer: { digest: string; size: number }; diffId: string }> {
  const tar = spawn(
    'tar',
    ['--numeric-owner', '--sort=name', '--mtime=@0', '-C', rootfs, '-cf', '-', '.'],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  let stderr = ''
  tar.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<number>((done) => tar.on('close', (code) => done(code ?? 1)))
  const hash = createHash('sha256')
  const tee = new PassThrough()
  tee.on('data', (chunk: Buffer) => hash.update(chunk))
  tar.stdout.pipe(tee)
  const layer = await writeBlobStream(layout, tee.pipe(createGzip()))
  const code = await exited
  if (code !== 0) throw new Error(`tar of ${rootfs} failed: ${stderr}`)
  return { layer, diffId: `sha256:${hash.digest('hex')}` }
}
