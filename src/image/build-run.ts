/**
 * What `runnerkit build` and the image-build action both run: inputs checked (each error names
 * its field, which the front end turns into an input or flag name), tags, labels and
 * annotations computed (plain, or image-meta rules against the event), the engine chosen, the
 * build (src/image/build.ts), then the outputs: the registry by digest and then by tag, an OCI
 * layout, an oci-archive.
 */
import { promises as fs } from 'node:fs'
import { join, resolve } from 'node:path'
import { UserError, messageOf } from '../errors.js'
import { metaForEvent } from './event-meta.js'
import { writeOciArchive } from '../oci/archive.js'
import { initLayout } from '../oci/layout.js'
import { pushFromLayout, type PushEvent } from '../oci/push.js'
import {
  formatRepository,
  parseReference,
  type ImageReference,
  type RepositoryRef
} from '../oci/reference.js'
import {
  RegistryClient,
  registryScheme,
  type RegistryCredentials,
  type RetryEvent
} from '../oci/registry.js'
import type { GitHubContext } from '../release/context.js'
import { parseAnnotation, type AnnotationSpec } from './annotations.js'
import { baseImages } from './base-images.js'
import { buildImage, parsePlatforms, type PlatformImage } from './build.js'
import { engineAuth, removeEngineAuth } from './engine-auth.js'
import { chooseEngine, parseEngineChoice } from './engines/index.js'
import type { EngineProbe } from './engines/engine.js'
import { parseInsecureRegistries, readAuthFile } from './promote-run.js'
import { insecureRegistriesEnv } from './registries-conf.js'
import { materialiseSecrets, parseSecret } from './secrets.js'

export type BuildField =
  | 'context'
  | 'file'
  | 'build-args'
  | 'secrets'
  | 'labels'
  | 'annotations'
  | 'platforms'
  | 'engine'
  | 'tags'
  | 'images'
  | 'push'
  | 'username'
  | 'auth-file'
  | 'insecure-registries'
  | 'oci-layout'
  | 'oci-archive'

export class BuildInputError extends UserError {
  constructor(
    readonly field: BuildField,
    message: string
  ) {
    super(message)
  }
}

export interface BuildRunOptions {
  context: string
  file?: string
  target?: string
  /** KEY=VALUE, or KEY alone to take the value from the environment (as docker build). */
  buildArgs: readonly string[]
  secrets: readonly string[]
  labels: readonly string[]
  annotations: readonly string[]
  platforms: readonly string[]
  pull: boolean
  noCache: boolean
  cacheFrom: readonly string[]
  cacheTo: readonly string[]
  network?: string
  engine: string
  /** Full references (registry/name:tag); image-meta tag rules when `images` is given. */
  tags: readonly string[]
  /** image-meta: the images the tag rules apply to, and its flavor. */
  images: readonly string[]
  flavor: readonly string[]
  push: boolean
  credentials?: RegistryCredentials
  authFile?: string
  insecureRegistries: readonly string[]
  /** `DIR[:NAME]`: also store the image in this OCI layout. */
  ociLayout?: string
  /** `FILE`: also write the image as an oci-archive (a tar of an OCI layout). */
  ociArchive?: string
  /** Scratch space (credentials, secrets, the build's layout), created 0700; the caller removes it. */
  workDir: string
  env: NodeJS.ProcessEnv
  metaContext?: () => Promise<GitHubContext>
  onEngine?: (probe: EngineProbe, skipped: EngineProbe[]) => void
  onLine?: (line: string) => void
  onStep?: (step: string, platform?: string) => void
  onPlatform?: (platform: string) => void
  onPhase?: (phase: string) => void
  onPush?: (event: PushEvent & { repository: string }) => void
  onRetry?: (event: RetryEvent) => void
  onWarning?: (message: string) => void
  /** Secret values (from the environment or inline) for the front end to mask at once. */
  onSecretValues?: (values: string[]) => void
  client?: RegistryClient
}

export interface BuildMetadata {
  engine: string
  engineVersion: string
  mediaType: string
  digest: string
  platforms: PlatformImage[]
  /** Sum over platforms (blobs shared between platforms counted once each time). */
  size: number
  layers: number
  pushed: string[]
  ociLayout?: string
  ociArchive?: string
}

export interface BuildRunResult {
  /** The registry's manifest (or index) digest when pushed; otherwise the digest a push would give. */
  digest: string
  imageId: string
  /** Full references: those pushed, or the names given when not pushing. */
  tags: string[]
  /** `registry/name@digest` of the first tag's repository; '' without tags. */
  image: string
  metadata: BuildMetadata
  labels: string[]
}

interface PlannedBuild {
  references: ImageReference[]
  labels: Array<[string, string]>
  annotations: AnnotationSpec[]
}

export async function runBuild(options: BuildRunOptions): Promise<BuildRunResult> {
  const context = resolve(options.context || '.')
  try {
    if (!(await fs.stat(context)).isDirectory()) throw new Error('not a directory')
  } catch {
    throw new BuildInputError('context', `${options.context || '.'} is not a directory`)
  }
  const file =
    options.file !== undefined && options.file !== ''
      ? resolve(options.file)
      : join(context, 'Dockerfile')
  let dockerfileText: string
  try {
    dockerfileText = await fs.readFile(file, 'utf8')
  } catch {
    throw new BuildInputError('file', `${file} cannot be read; give the Dockerfile's path`)
  }
  const buildArgs = parseBuildArgs(options.buildArgs, options.env)
  const platforms = withField('platforms', () => parsePlatforms(options.platforms))
  const engineChoice = withField('engine', () => parseEngineChoice(options.engine))
  const insecureRegistries = withField('insecure-registries', () =>
    parseInsecureRegistries(options.insecureRegistries)
  )
  const secretSpecs = withField('secrets', () => options.secrets.map(parseSecret))
  const plan = await planMetadata(options)
  if (options.push && plan.references.length === 0) {
    throw new BuildInputError('tags', 'push is on but no tags are given; give registry/name:tag')
  }
  const layoutTarget = parseLayoutTarget(options.ociLayout, plan.references)

  const registries = [...new Set(plan.references.map((reference) => reference.registry))]
  const credentials: Record<string, RegistryCredentials> = options.authFile
    ? withField('auth-file', () => readAuthFile(options.authFile as string, registries))
    : {}
  if (options.credentials !== undefined) {
    if (registries.length === 0) {
      throw new BuildInputError(
        'username',
        'credentials are given but no tag names a registry to use them for'
      )
    }
    for (const registry of registries) credentials[registry] = options.credentials
  }

  await fs.mkdir(options.workDir, { recursive: true, mode: 0o700 })
  const auth = await engineAuth(credentials, options.authFile, join(options.workDir, 'auth'))
  const secrets = await materialiseSecrets(
    secretSpecs,
    join(options.workDir, 'secrets'),
    options.env
  )
  options.onSecretValues?.(secrets.values)
  try {
    const plainHttpHosts = [
      ...insecureRegistries,
      ...[
        ...baseImages(dockerfileText, buildArgs).flatMap((image) => registryOf(image)),
        ...[...options.cacheFrom, ...options.cacheTo].flatMap((image) => registryOf(image)),
        ...registries
      ].filter((registry) => registryScheme(registry, insecureRegistries) === 'http')
    ]
    const registriesEnv = await insecureRegistriesEnv(plainHttpHosts, options.workDir, options.env)
    const engineEnv = { ...options.env, ...auth.env, ...registriesEnv }

    options.onPhase?.('engine')
    const chosen = await chooseEngine(engineChoice, engineEnv)
    options.onEngine?.(chosen.probe, chosen.skipped)

    const layout = layoutTarget?.dir ?? join(options.workDir, 'layout')
    await initLayout(layout)
    options.onPhase?.('build')
    const built = await buildImage(chosen, {
      context,
      file,
      ...(options.target !== undefined && options.target !== '' && { target: options.target }),
      buildArgs,
      labels: plan.labels,
      annotations: plan.annotations,
      platforms,
      pull: options.pull,
      noCache: options.noCache,
      cacheFrom: options.cacheFrom,
      cacheTo: options.cacheTo,
      secrets: secrets.files,
      ...(options.network !== undefined && options.network !== '' && { network: options.network }),
      localTags: plan.references.map(localName),
      env: engineEnv,
      workDir: options.workDir,
      layout,
      refName: layoutTarget?.refName ?? 'build',
      ...(options.onLine !== undefined && { onLine: options.onLine }),
      ...(options.onWarning !== undefined && { onWarning: options.onWarning }),
      ...(options.onStep !== undefined && { onStep: options.onStep }),
      ...(options.onPlatform !== undefined && { onPlatform: options.onPlatform })
    })

    const pushed: string[] = []
    if (options.push) {
      options.onPhase?.('push')
      const client =
        options.client ??
        new RegistryClient({
          insecureRegistries,
          credentials,
          ...(options.onRetry !== undefined && { onRetry: options.onRetry })
        })
      try {
        for (const [repository, tags] of groupByRepository(plan.references)) {
          const name = formatRepository(repository)
          await pushFromLayout({
            client,
            layout,
            descriptor: built.descriptor,
            repository,
            tags,
            onEvent: (event) => options.onPush?.({ ...event, repository: name })
          })
          pushed.push(...tags.map((tag) => `${name}:${tag}`))
        }
      } finally {
        if (options.client === undefined) client.close()
      }
    }
    let ociArchive: string | undefined
    if (options.ociArchive !== undefined && options.ociArchive !== '') {
      options.onPhase?.('oci-archive')
      ociArchive = resolve(options.ociArchive)
      await writeOciArchive(layout, ociArchive)
    }

    const references = plan.references.map(
      (reference) => `${formatRepository(reference)}:${reference.tag}`
    )
    const first = plan.references[0]
    return {
      digest: built.descriptor.digest,
      imageId: built.imageId,
      tags: references,
      image: first !== undefined ? `${formatRepository(first)}@${built.descriptor.digest}` : '',
      labels: plan.labels.map(([key, value]) => `${key}=${value}`),
      metadata: {
        engine: chosen.probe.name,
        engineVersion: chosen.probe.version ?? '',
        mediaType: built.descriptor.mediaType,
        digest: built.descriptor.digest,
        platforms: built.platforms,
        size: built.platforms.reduce((sum, image) => sum + image.size, 0),
        layers: built.platforms.reduce((sum, image) => sum + image.layers, 0),
        pushed,
        ...(layoutTarget !== undefined && {
          ociLayout: `${layoutTarget.dir}:${layoutTarget.refName}`
        }),
        ...(ociArchive !== undefined && { ociArchive })
      }
    }
  } finally {
    await removeEngineAuth(auth)
    await fs.rm(secrets.directory, { recursive: true, force: true })
  }
}

/** Tags, labels and annotations: plain, or computed by image-meta when `images` is given. */
async function planMetadata(options: BuildRunOptions): Promise<PlannedBuild> {
  let tags = [...options.tags]
  let labels = [...options.labels]
  let annotations = [...options.annotations]
  if (options.images.length > 0) {
    const env = options.env
    let meta
    try {
      meta = await metaForEvent(
        {
          images: options.images.join('\n'),
          tags: options.tags.join('\n'),
          flavor: options.flavor.join('\n'),
          labels: options.labels.join('\n'),
          annotations: options.annotations.join('\n')
        },
        { env, ...(options.metaContext !== undefined && { metaContext: options.metaContext }) }
      )
    } catch (error) {
      if (error instanceof UserError && !(error instanceof BuildInputError))
        throw new BuildInputError('images', messageOf(error))
      throw error
    }
    for (const warning of meta.warnings) options.onWarning?.(warning)
    tags = meta.tags
    labels = meta.labels
    annotations = meta.annotations
  }
  const references = tags.map((tag) => {
    const reference = withField('tags', () => parseReference(tag))
    if (reference.digest !== undefined) {
      throw new BuildInputError('tags', `'${tag}' names a digest; give registry/name:tag`)
    }
    return reference
  })
  return {
    references,
    labels: labels.map((entry) => keyValue('labels', entry)),
    annotations: withField('annotations', () => annotations.map(parseAnnotation))
  }
}

function parseBuildArgs(
  entries: readonly string[],
  env: NodeJS.ProcessEnv
): Array<[string, string]> {
  return entries.map((entry) => {
    const equals = entry.indexOf('=')
    const key = (equals === -1 ? entry : entry.slice(0, equals)).trim()
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      throw new BuildInputError('build-args', `'${entry}' is not NAME=VALUE`)
    }
    if (equals === -1) {
      const value = env[key]
      if (value === undefined) {
        throw new BuildInputError(
          'build-args',
          `'${key}' has no value and no environment variable ${key} is set`
        )
      }
      return [key, value]
    }
    return [key, entry.slice(equals + 1)]
  })
}

function keyValue(field: BuildField, entry: string): [string, string] {
  const equals = entry.indexOf('=')
  if (equals <= 0) throw new BuildInputError(field, `'${entry}' is not key=value`)
  return [entry.slice(0, equals).trim(), entry.slice(equals + 1)]
}

interface LayoutTarget {
  dir: string
  refName: string
}

/** `DIR[:NAME]`; without a name the first tag's tag, else `latest`. */
function parseLayoutTarget(
  text: string | undefined,
  references: readonly ImageReference[]
): LayoutTarget | undefined {
  if (text === undefined || text.trim() === '') return undefined
  const value = text.trim().replace(/^oci:/, '')
  const colon = value.lastIndexOf(':')
  const hasName = colon > 0 && !value.slice(colon + 1).includes('/')
  const dir = hasName ? value.slice(0, colon) : value
  const refName = hasName ? value.slice(colon + 1) : (references[0]?.tag ?? 'latest')
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/.test(refName)) {
    throw new BuildInputError(
      'oci-layout',
      `'${refName}' is not a valid image name inside an OCI layout`
    )
  }
  return { dir: resolve(dir), refName }
}

function registryOf(image: string): string[] {
  try {
    return [parseReference(image).registry]
  } catch {
    return []
  }
}

/** The engine's local name for a reference (docker keeps Docker Hub names short). */
function localName(reference: ImageReference): string {
  return `${formatRepository(reference)}:${reference.tag ?? 'latest'}`
}

function groupByRepository(
  references: readonly ImageReference[]
): Array<[RepositoryRef, string[]]> {
  const groups = new Map<string, [RepositoryRef, string[]]>()
  for (const reference of references) {
    const key = `${reference.registry}/${reference.repository}`
    const group = groups.get(key) ?? [
      { registry: reference.registry, repository: reference.repository },
      []
    ]
    if (reference.tag !== undefined && !group[1].includes(reference.tag))
      group[1].push(reference.tag)
    groups.set(key, group)
  }
  return [...groups.values()]
}

function withField<T>(field: BuildField, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof UserError && !(error instanceof BuildInputError)) {
      throw new BuildInputError(field, messageOf(error))
    }
    throw error
  }
}
