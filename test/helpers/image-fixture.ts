/**
 * Hand-made images for tests that need exact owners and modes (a build's COPY resets them):
 * one gzip layer per entry list, written as an OCI layout with our own layout code.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { pack } from 'tar-stream'
import { initLayout, writeBlob, writeImage } from '../../src/oci/layout.js'
import { mediaTypes } from '../../src/oci/media-types.js'
import { scratchDir } from './scratch.js'

export interface FixtureEntry {
  path: string
  type?: 'file' | 'directory' | 'symlink'
  body?: string
  mode?: number
  uid?: number
  gid?: number
  linkname?: string
}

async function tarOf(entries: readonly FixtureEntry[]): Promise<Buffer> {
  const archive = pack()
  const chunks: Buffer[] = []
  archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer))
  const done = new Promise<void>((resolve) => archive.on('end', resolve))
  for (const entry of entries) {
    const type = entry.type ?? 'file'
    const header = {
      name: entry.path,
      type,
      mode: entry.mode ?? (type === 'directory' ? 0o755 : 0o644),
      uid: entry.uid ?? 0,
      gid: entry.gid ?? 0,
      mtime: new Date(0),
      ...(entry.linkname !== undefined && { linkname: entry.linkname })
    }
    if (type === 'file') archive.entry(header, entry.body ?? '')
    else archive.entry(header)
  }
  archive.finalize()
  await done
  return Buffer.concat(chunks)
}

/** Writes the image into a new OCI layout and returns `oci:DIR:fixture`. */
export async function fixtureImage(
  layers: ReadonlyArray<readonly FixtureEntry[]>,
  config: { User?: string; Env?: string[]; Entrypoint?: string[]; Cmd?: string[] }
): Promise<string> {
  const layout = join(scratchDir('image-fixture'), 'layout')
  await initLayout(layout)
  const descriptors = []
  const diffIds = []
  for (const entries of layers) {
    const tar = await tarOf(entries)
    diffIds.push(`sha256:${createHash('sha256').update(tar).digest('hex')}`)
    descriptors.push({
      mediaType: mediaTypes.ociLayerGzip,
      ...(await writeBlob(layout, gzipSync(tar)))
    })
  }
  await writeImage(
    layout,
    { architecture: 'amd64', os: 'linux', config, rootfs: { type: 'layers', diff_ids: diffIds } },
    descriptors,
    'fixture'
  )
  return `oci:${layout}:fixture`
}

/** A rootless runner image's files: root and runner (1000) users, a home it owns. */
export const runnerBase: FixtureEntry[] = [
  { path: 'etc/', type: 'directory' },
  {
    path: 'etc/passwd',
    body: 'root:x:0:0:root:/root:/bin/bash\nrunner:x:1000:1000::/home/runner:/bin/bash\n'
  },
  { path: 'etc/group', body: 'root:x:0:\nsudo:x:27:\nrunner:x:1000:\n' },
  { path: 'home/', type: 'directory' },
  { path: 'home/runner/', type: 'directory', uid: 1000, gid: 1000 },
  { path: 'usr/', type: 'directory' },
  { path: 'usr/bin/', type: 'directory' },
  { path: 'usr/local/', type: 'directory' },
  { path: 'usr/local/bin/', type: 'directory' },
  { path: 'bin', type: 'symlink', linkname: 'usr/bin' },
  { path: 'usr/bin/bash', body: '#!fake bash\n', mode: 0o755 }
]

export const runnerConfig = {
  User: '1000',
  Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  Entrypoint: ['/usr/bin/bash']
}
