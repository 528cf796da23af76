/**
 * What `runnerkit check` and the runner-check action both run: the expectations checked, then
 * either the live checks on this machine or the static checks over an image read from a
 * registry, an OCI layout or an archive (one streaming pass over its layers).
 */
import { promises as fs } from 'node:fs'
import { UserError } from '../errors.js'
import { openImage } from '../oci/image-source.js'
import { realPath, resolvePath, walkLayers, type ImageFilesystem } from '../oci/layer-walker.js'
import type { RegistryCredentials } from '../oci/registry.js'
import type { CheckResult } from './checks/check.js'
import type { ImageConfigView, ImageView } from './image-checks/image-check.js'
import { keepForChecks } from './image-checks/image-check.js'
import { runImageChecks } from './image-checks/index.js'
import { defaultSetuidAllowed } from './image-checks/setuid.js'
import { expectationsFrom, type ExpectationInputs } from './expectations.js'
import { processLiveContext, runLiveChecks } from './live.js'

export interface CheckRunOptions {
  target: string
  /** target image: the image, in the containers-transports syntax. */
  image?: string
  platform?: string
  expectations: ExpectationInputs
  /** Added to the default allow-list. */
  setuidAllowed: readonly string[]
  env: NodeJS.ProcessEnv
  credentials?: Record<string, RegistryCredentials>
  insecureRegistries?: string[]
  /** Scratch space for archives that must be unpacked; the caller removes it. */
  workDir: string
}

export interface CheckRunResult {
  target: 'runner' | 'image'
  /** What was checked: the user@host, or the image reference and its digest. */
  subject: string
  results: CheckResult[]
}

export async function runRunnerCheck(options: CheckRunOptions): Promise<CheckRunResult> {
  const target = options.target.trim() === '' ? 'runner' : options.target.trim()
  if (target !== 'runner' && target !== 'image') {
    throw new UserError(`target: expected runner or image, got '${target}'`)
  }
  const expected = expectationsFrom(options.expectations)
  if (target === 'runner') {
    const context = processLiveContext(options.env, expected)
    return { target, subject: `uid ${context.uid}`, results: await runLiveChecks(context) }
  }
  const reference = (options.image ?? '').trim()
  if (reference === '')
    throw new UserError(
      'image: give the image to check (oci:DIR, oci-archive:FILE, docker-archive:FILE or a registry reference)'
    )
  await fs.mkdir(options.workDir, { recursive: true, mode: 0o700 })
  const source = await openImage(reference, {
    workDir: options.workDir,
    ...(options.platform !== undefined &&
      options.platform !== '' && { platform: options.platform }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.insecureRegistries !== undefined && {
      insecureRegistries: options.insecureRegistries
    })
  })
  let filesystem: ImageFilesystem
  try {
    filesystem = await walkLayers(source, { keepContent: keepForChecks })
  } finally {
    await source.close()
  }
  const view = imageView(source.config.config ?? {}, filesystem)
  return {
    target,
    subject: `${reference} (${source.manifestDigest}, ${source.platform})`,
    results: runImageChecks(view, expected, [...defaultSetuidAllowed, ...options.setuidAllowed])
  }
}

function imageView(config: ImageConfigView, filesystem: ImageFilesystem): ImageView {
  return {
    config,
    entry: (path) => resolvePath(filesystem, path),
    text(path) {
      const real = realPath(filesystem, path)
      return real !== undefined ? filesystem.content.get(real)?.toString('utf8') : undefined
    },
    keptUnder: (prefix) =>
      [...filesystem.content.keys()].filter((path) => path.startsWith(prefix)).sort(),
    all: () => filesystem.entries.entries()
  }
}
