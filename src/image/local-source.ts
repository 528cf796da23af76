/**
 * A promote source on this machine rather than in a registry: `oci:DIR[:NAME]` (an OCI layout,
 * what image-build's `oci-layout` writes) or `oci-archive:FILE[:NAME]`. Promoting it is a push
 * by digest, so a pipeline can build, check the very bytes it built, and only then publish them.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { readOciArchive } from '../oci/archive.js'
import { refNameAnnotation, resolveInLayout } from '../oci/layout.js'
import type { Descriptor } from '../oci/media-types.js'

export interface LocalImage {
  layout: string
  descriptor: Descriptor
  /** Removes what opening the source unpacked (an archive's temporary layout). */
  close(): Promise<void>
}

const transports = ['oci:', 'oci-archive:'] as const

export function isLocalSource(source: string): boolean {
  return transports.some((transport) => source.trim().startsWith(transport))
}

/** `PATH[:NAME]`: the first colon ends the path, as for runner-check's image references. */
function splitPathAndName(source: string, rest: string): { path: string; name?: string } {
  const colon = rest.indexOf(':')
  const path = colon === -1 ? rest : rest.slice(0, colon)
  const name = colon === -1 ? '' : rest.slice(colon + 1)
  if (path === '') throw new UserError(`${source}: give a path after the transport`)
  return { path: resolve(path), ...(name !== '' && { name }) }
}

export async function openLocalImage(source: string): Promise<LocalImage> {
  const text = source.trim()
  if (text.startsWith('oci:')) {
    const { path, name } = splitPathAndName(text, text.slice('oci:'.length))
    const descriptor = await resolveInLayout(path, name)
    return { layout: path, descriptor, close: () => Promise.resolve() }
  }
  const { path, name } = splitPathAndName(text, text.slice('oci-archive:'.length))
  const layout = await mkdtemp(join(tmpdir(), 'runnerkit-archive-'))
  const close = () => rm(layout, { recursive: true, force: true })
  try {
    const descriptors = await readOciArchive(path, layout)
    const descriptor =
      name === undefined
        ? descriptors.length === 1
          ? descriptors[0]
          : undefined
        : descriptors.find((entry) => entry.annotations?.[refNameAnnotation] === name)
    if (descriptor === undefined) {
      const names = descriptors
        .map((entry) => entry.annotations?.[refNameAnnotation])
        .filter((entry): entry is string => entry !== undefined)
      throw new UserError(
        name === undefined
          ? `${path} holds ${descriptors.length} images: name one (oci-archive:${path}:NAME)`
          : `${path} has no image named '${name}'${names.length > 0 ? ` (it has: ${names.join(', ')})` : ''}`
      )
    }
    return { layout, descriptor, close }
  } catch (error) {
    await close()
    throw error
  }
}
