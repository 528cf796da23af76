/**
 * What `runnerkit promote` and the image-promote action both run: inputs checked (each error
 * names its field, which the front end turns into an input or flag name), credentials read,
 * tags computed (plain names, or image-meta rules against the GitHub event), the immutable
 * check, then src/oci/promote.ts.
 */
import { readFileSync } from 'node:fs'
import { UserError, messageOf } from '../errors.js'
import { metaForEvent } from './event-meta.js'
import { checkImmutableTags, promote, type BlobCopyEvent } from '../oci/promote.js'
import { pushFromLayout } from '../oci/push.js'
import { isLocalSource, openLocalImage, type LocalImage } from './local-source.js'
import {
  dockerHub,
  formatRepository,
  isValidTag,
  parseReference,
  parseRepository,
  type ImageReference,
  type RepositoryRef
} from '../oci/reference.js'
import { RegistryClient, type RegistryCredentials, type RetryEvent } from '../oci/registry.js'
import { payloadValue, type GitHubContext } from '../release/context.js'

/** The option a PromoteInputError is about; front ends name the matching input or flag. */
export type PromoteField =
  'source' | 'tags' | 'destination' | 'insecure-registries' | 'auth-file' | 'username' | 'password'

export class PromoteInputError extends UserError {
  constructor(
    readonly field: PromoteField,
    message: string
  ) {
    super(message)
  }
}

export interface PromoteRunOptions {
  /**
   * `name@sha256:…`, or `name:tag` resolved to its digest; or an image on this machine,
   * `oci:DIR[:NAME]` or `oci-archive:FILE[:NAME]`, pushed by digest into `destination`.
   */
  source: string
  /** Plain tag names, or image-meta rules (entries containing `type=`). */
  tags: readonly string[]
  /** Another repository, `[registry/]name`; the source's repository when omitted. */
  destination?: string
  insecureRegistries?: readonly string[]
  /** Used for the source's and the destination's registry; wins over the auth file. */
  credentials?: RegistryCredentials
  /** A Docker config.json (`auths`): the entries for the source and destination hosts. */
  authFile?: string
  /** Refuse to move a full-version tag (1.2.3, v1.2.3-rc.1) that points at another digest. */
  immutable: boolean
  /** Resolve, read and check, and write nothing (pull access is enough). */
  dryRun?: boolean
  /** For image-meta rules: the environment (GITHUB_*, DOCKER_METADATA_*, SOURCE_DATE_EPOCH). */
  env?: NodeJS.ProcessEnv
  /** For image-meta rules: the event; contextFromEnv(env) when omitted. */
  metaContext?: () => Promise<GitHubContext>
  onRetry?: (event: RetryEvent) => void
  onBlobCopy?: (event: BlobCopyEvent) => void
  onWarning?: (message: string) => void
  /** Test seam: client options such as faster retries. */
  client?: RegistryClient
}

export interface PromoteRunResult {
  digest: string
  mediaType: string
  /** `registry/repository@digest` in the destination. */
  image: string
  /** `registry/repository:tag` for every tag written. */
  tags: string[]
  tagNames: string[]
  /** Tags that already pointed at the digest. */
  unchanged: string[]
  /** Nothing was written: `tags` are what a real run would write. */
  dryRun: boolean
  blobsMounted: number
  blobsCopied: number
  blobsPresent: number
}

/** Full versions that a release never moves; `1.2`, `1` and `latest` float. */
const fullVersion = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:_[0-9A-Za-z.-]+)?$/

export function isImmutableTag(tag: string): boolean {
  return fullVersion.test(tag)
}

/**
 * Splits tag list text: one entry per line; a line holding an image-meta rule (`type=…`) is one
 * entry, since its commas separate attributes; other lines may list tags with commas.
 */
export function splitTagList(text: string): string[] {
  const entries: string[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()
    if (line === '' || line.startsWith('#')) continue
    if (isMetaRule(line)) entries.push(line)
    else entries.push(...line.split(',').map((tag) => tag.trim()))
  }
  return entries.filter((entry) => entry !== '')
}

function isMetaRule(entry: string): boolean {
  return /(?:^|,)\s*type=/.test(entry)
}

function invalidTag(tag: string): PromoteInputError {
  return new PromoteInputError(
    'tags',
    `tag '${tag}' is not a valid OCI tag: up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`
  )
}

export function parseSource(source: string): ImageReference {
  if (source.trim() === '') {
    throw new PromoteInputError('source', 'give the image to promote, as name@sha256:… or name:tag')
  }
  try {
    return parseReference(source)
  } catch (error) {
    throw new PromoteInputError('source', messageOf(error))
  }
}

export function parseDestination(destination: string | undefined): RepositoryRef | undefined {
  if (destination === undefined || destination.trim() === '') return undefined
  try {
    return parseRepository(destination)
  } catch (error) {
    throw new PromoteInputError('destination', messageOf(error))
  }
}

export function parseInsecureRegistries(entries: readonly string[]): string[] {
  const hosts = entries.map((entry) =>
    entry
      .trim()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '')
  )
  for (const host of hosts) {
    if (!/^[A-Za-z0-9.[\]:-]+$/.test(host)) {
      throw new PromoteInputError(
        'insecure-registries',
        `'${host}' is not a registry host; give HOST or HOST:PORT`
      )
    }
  }
  return hosts.filter((host) => host !== '')
}

/** The registry an auths key names: `https://index.docker.io/v1/` is docker.io. */
function authKeyRegistry(key: string): string {
  const host = key
    .trim()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/\/.*$/, '')
  return ['index.docker.io', 'registry-1.docker.io'].includes(host) ? dockerHub : host
}

/** Reads credentials for `registries` from a Docker/Podman auth file (`{"auths": {…}}`). */
export function readAuthFile(
  path: string,
  registries: readonly string[]
): Record<string, RegistryCredentials> {
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new PromoteInputError(
      'auth-file',
      code === 'ENOENT'
        ? `${path} does not exist`
        : code !== undefined
          ? `${path} cannot be read (${code})`
          : `${path} is not JSON; expected a Docker config.json with "auths"`
    )
  }
  const auths = payloadValue(parsed, 'auths')
  if (auths === null || typeof auths !== 'object') {
    throw new PromoteInputError('auth-file', `${path} has no "auths" object`)
  }
  const found: Record<string, RegistryCredentials> = {}
  for (const [key, entry] of Object.entries(auths as Record<string, unknown>)) {
    const registry = authKeyRegistry(key)
    if (!registries.includes(registry) || found[registry] !== undefined) continue
    const credentials = credentialsOfEntry(entry)
    if (credentials === undefined) {
      throw new PromoteInputError(
        'auth-file',
        `${path}: the entry for ${key} has neither "auth" (base64 user:password) nor "username" and "password"`
      )
    }
    found[registry] = credentials
  }
  return found
}

function credentialsOfEntry(entry: unknown): RegistryCredentials | undefined {
  const auth = payloadValue(entry, 'auth')
  if (typeof auth === 'string' && auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon <= 0) return undefined
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  const username = payloadValue(entry, 'username')
  const password = payloadValue(entry, 'password')
  if (typeof username === 'string' && typeof password === 'string' && username !== '')
    return { username, password }
  return undefined
}

/** Tag names from plain entries and image-meta rules; each plain tag checked against the grammar. */
export async function resolveTagNames(
  entries: readonly string[],
  options: Pick<PromoteRunOptions, 'env' | 'metaContext' | 'onWarning'> = {}
): Promise<string[]> {
  const plain = entries.filter((entry) => !isMetaRule(entry))
  const rules = entries.filter(isMetaRule)
  for (const tag of plain) if (!isValidTag(tag)) throw invalidTag(tag)
  const names = [...plain]
  if (rules.length > 0) {
    const env = options.env ?? {}
    let meta
    try {
      meta = await metaForEvent(
        { tags: rules.join('\n') },
        { env, ...(options.metaContext !== undefined && { metaContext: options.metaContext }) }
      )
    } catch (error) {
      if (error instanceof UserError && !(error instanceof PromoteInputError))
        throw new PromoteInputError('tags', messageOf(error))
      throw error
    }
    for (const warning of meta.warnings) options.onWarning?.(warning)
    names.push(...meta.tagNames)
  }
  const unique = [...new Set(names)]
  if (unique.length === 0) {
    throw new PromoteInputError(
      'tags',
      rules.length > 0
        ? 'the tag rules give no tag for this event (a semver rule needs a version tag or release)'
        : 'give at least one tag to write, e.g. 1.2.3'
    )
  }
  return unique
}

export async function runPromote(options: PromoteRunOptions): Promise<PromoteRunResult> {
  const local = isLocalSource(options.source)
  const source = local ? undefined : parseSource(options.source)
  const destination =
    parseDestination(options.destination) ??
    (source !== undefined
      ? { registry: source.registry, repository: source.repository }
      : undefined)
  if (destination === undefined) {
    throw new PromoteInputError(
      'destination',
      `${options.source.trim()} is on this machine: give the repository to push it into, [registry/]name`
    )
  }
  const insecureRegistries = parseInsecureRegistries(options.insecureRegistries ?? [])
  if (options.credentials !== undefined) {
    if (options.credentials.username === '')
      throw new PromoteInputError('username', 'a password was given without a username')
    if (options.credentials.password === '')
      throw new PromoteInputError('password', 'a username was given without a password')
  }
  const registries = [...new Set([source?.registry ?? destination.registry, destination.registry])]
  const credentials: Record<string, RegistryCredentials> = options.authFile
    ? readAuthFile(options.authFile, registries)
    : {}
  if (options.credentials !== undefined) {
    for (const registry of registries) credentials[registry] = options.credentials
  }
  const tagNames = await resolveTagNames(options.tags, options)

  const client =
    options.client ??
    new RegistryClient({
      insecureRegistries,
      credentials,
      ...(options.onRetry !== undefined && { onRetry: options.onRetry })
    })
  try {
    if (source === undefined) return await pushLocal(client, destination, tagNames, options)
    const digest = source.digest ?? (await resolveDigest(client, source))
    const result = await promote({
      client,
      source: { registry: source.registry, repository: source.repository, digest },
      destination,
      tags: tagNames,
      immutable: options.immutable ? isImmutableTag : false,
      dryRun: options.dryRun === true,
      ...(options.onBlobCopy !== undefined && { onBlobCopy: options.onBlobCopy })
    })
    return {
      digest: result.digest,
      mediaType: result.mediaType,
      image: `${result.repository}@${result.digest}`,
      tags: result.references,
      tagNames: result.tags,
      unchanged: result.unchanged,
      dryRun: options.dryRun === true,
      blobsMounted: result.blobsMounted,
      blobsCopied: result.blobsCopied,
      blobsPresent: result.blobsPresent
    }
  } finally {
    if (options.client === undefined) client.close()
  }
}

/**
 * A local image (oci:DIR, oci-archive:FILE) pushed by digest: blobs, manifests by digest, then
 * the tags, after the same immutable-tag check a registry promote makes.
 */
async function pushLocal(
  client: RegistryClient,
  destination: RepositoryRef,
  tagNames: string[],
  options: PromoteRunOptions
): Promise<PromoteRunResult> {
  let image: LocalImage
  try {
    image = await openLocalImage(options.source)
  } catch (error) {
    if (error instanceof UserError) throw new PromoteInputError('source', messageOf(error))
    throw error
  }
  try {
    const { digest, mediaType } = image.descriptor
    const unchanged = await checkImmutableTags(
      client,
      destination,
      tagNames,
      digest,
      options.immutable ? isImmutableTag : false
    )
    const repository = formatRepository(destination)
    const pushed =
      options.dryRun === true
        ? { blobsUploaded: 0, blobsPresent: 0 }
        : await pushFromLayout({
            client,
            layout: image.layout,
            descriptor: image.descriptor,
            repository: destination,
            tags: tagNames
          })
    return {
      digest,
      mediaType,
      image: `${repository}@${digest}`,
      tags: tagNames.map((tag) => `${repository}:${tag}`),
      tagNames,
      unchanged,
      dryRun: options.dryRun === true,
      blobsMounted: 0,
      blobsCopied: pushed.blobsUploaded,
      blobsPresent: pushed.blobsPresent
    }
  } finally {
    await image.close()
  }
}

async function resolveDigest(client: RegistryClient, source: ImageReference): Promise<string> {
  const head = await client.headManifest(source)
  if (head === undefined) {
    throw new PromoteInputError(
      'source',
      `${formatRepository(source)}:${source.tag ?? 'latest'} does not exist (check the name and tag)`
    )
  }
  return head.digest
}
