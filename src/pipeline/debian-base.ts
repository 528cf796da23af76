/**
 * A Debian bookworm minbase made on this machine, for when an image's own base cannot be pulled
 * (no registry reachable): debootstrap from Debian's package mirror (about a minute), packed as
 * a one-layer OCI image. buildah and podman take it as `oci:DIR:bookworm` in FROM, so an
 * apt-based runner image builds with real `apt-get install` without any registry.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { createGzip } from 'node:zlib'
import { UserError } from '../errors.js'
import { initLayout, writeBlobStream, writeImage } from '../oci/layout.js'
import { mediaTypes } from '../oci/media-types.js'

export const debianSuite = 'bookworm'

export interface DebianBaseOptions {
  /** Where the layout is kept between runs (`<cacheDir>/bookworm-minbase-layout`). */
  cacheDir: string
  /** Debian's mirror; RUNNERKIT_DEBIAN_MIRROR overrides the default. */
  mirror?: string
  onProgress?: (line: string) => void
}

/** The cached layout holding the minbase under the name `bookworm`; made when missing. */
export async function debianBaseLayout(options: DebianBaseOptions): Promise<string> {
  const mirror = options.mirror ?? 'http://deb.debian.org/debian'
  const layout = join(options.cacheDir, `${debianSuite}-minbase-layout`)
  const complete = join(layout, '.complete')
  if (existsSync(complete)) return layout
  if (process.getuid?.() !== 0) {
    throw new UserError(
      'making a Debian base with debootstrap needs root; run as root or give --base-image REF'
    )
  }
  const probe = spawnSync('debootstrap', ['--version'], { encoding: 'utf8' })
  if (probe.error !== undefined) {
    throw new UserError(
      'no base image is reachable and debootstrap is not installed: apt-get install debootstrap, or give --base-image REF'
    )
  }
  mkdirSync(options.cacheDir, { recursive: true })
  rmSync(layout, { recursive: true, force: true })
  const rootfs = join(options.cacheDir, `rootfs-${randomBytes(4).toString('hex')}`)
  try {
    options.onProgress?.(`debootstrap --variant=minbase ${debianSuite} from ${mirror}`)
    const made = spawnSync('debootstrap', ['--variant=minbase', debianSuite, rootfs, mirror], {
      encoding: 'utf8'
    })
    if (made.status !== 0) {
      const last = `${made.stderr}\n${made.stdout}`.trim().split('\n').pop() ?? ''
      throw new UserError(`debootstrap ${debianSuite} from ${mirror} failed: ${last}`)
    }
    await initLayout(layout)
    const { layer, diffId } = await packLayer(rootfs, layout)
    await writeImage(
      layout,
      {
        architecture: 'amd64',
        os: 'linux',
        config: {
          Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
          Cmd: ['bash']
        },
        rootfs: { type: 'layers', diff_ids: [diffId] },
        history: [{ created_by: `debootstrap --variant=minbase ${debianSuite}` }]
      },
      [{ mediaType: mediaTypes.ociLayerGzip, ...layer }],
      debianSuite
    )
    writeFileSync(complete, new Date().toISOString())
    return layout
  } finally {
    rmSync(rootfs, { recursive: true, force: true })
  }
}

/** tar of the root filesystem, hashed as it streams (the diff_id) and gzipped into the layout. */
async function packLayer(
  rootfs: string,
  layout: string
): Promise<{ layer: { digest: string; size: number }; diffId: string }> {
  // Sorted names, zero mtimes and numeric owners: the same tree packs to the same bytes.
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
  if (code !== 0) throw new UserError(`tar of ${rootfs} failed: ${stderr.trim()}`)
  return { layer, diffId: `sha256:${hash.digest('hex')}` }
}
