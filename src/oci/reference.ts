/**
 * Image references with Docker's normalisation rules (github.com/distribution/reference):
 * `ubuntu` is `docker.io/library/ubuntu:latest`, `user/app` is `docker.io/user/app:latest`, and
 * the first path component names a registry only when it contains `.` or `:`, is `localhost`,
 * or has an upper-case letter.
 */
import { UserError } from '../errors.js'

export const dockerHub = 'docker.io'
const dockerHubApiHost = 'registry-1.docker.io'

/** A repository in a registry: `registry` as written by users (`docker.io`, `127.0.0.1:5000`). */
export interface RepositoryRef {
  registry: string
  repository: string
}

export interface ImageReference extends RepositoryRef {
  tag?: string
  digest?: string
}

const pathComponent = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const domain = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`
)
const tagPattern = /^[\w][\w.-]{0,127}$/
export const digestPattern = /^sha256:[a-f0-9]{64}$/
const maxNameLength = 255

export function isValidTag(tag: string): boolean {
  return tagPattern.test(tag)
}

export function isDigest(value: string): boolean {
  return digestPattern.test(value)
}

function fail(input: string, why: string): never {
  throw new UserError(`image reference '${input}': ${why}`)
}

function splitRegistry(input: string, name: string): RepositoryRef {
  const slash = name.indexOf('/')
  const first = slash === -1 ? '' : name.slice(0, slash)
  const isRegistry =
    slash !== -1 &&
    (first.includes('.') ||
      first.includes(':') ||
      first === 'localhost' ||
      first !== first.toLowerCase())
  let registry = isRegistry ? first : dockerHub
  let repository = isRegistry ? name.slice(slash + 1) : name
  if (isRegistry && !domain.test(registry))
    fail(input, `'${registry}' is not a valid registry host`)
  if (registry === 'index.docker.io') registry = dockerHub
  if (registry === dockerHub && !repository.includes('/')) repository = `library/${repository}`
  if (repository === '') fail(input, 'the repository name is empty')
  for (const component of repository.split('/')) {
    if (!pathComponent.test(component)) {
      fail(
        input,
        `repository '${repository}' must be lower-case letters, digits and separators (. _ __ -) between them`
      )
    }
  }
  const fullLength = (registry === dockerHub ? '' : `${registry}/`).length + repository.length
  if (fullLength > maxNameLength) fail(input, `the name is longer than ${maxNameLength} characters`)
  return { registry, repository }
}

/**
 * Parses `[registry/]repository[:tag][@sha256:…]`. A reference without tag or digest gets
 * `defaultTag` (Docker's `latest`); pass `defaultTag: ''` to keep it bare.
 */
export function parseReference(
  input: string,
  options: { defaultTag?: string } = {}
): ImageReference {
  const text = input.trim()
  if (text === '') fail(input, 'it is empty; give a name such as registry.example.com/team/app:1.0')
  let rest = text
  let digest: string | undefined
  const at = rest.indexOf('@')
  if (at !== -1) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!isDigest(digest))
      fail(input, `digest '${digest}' must be sha256: followed by 64 lower-case hex digits`)
  }
  let tag: string | undefined
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!isValidTag(tag)) {
      fail(
        input,
        `tag '${tag}' must be up to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'`
      )
    }
  }
  const repository = splitRegistry(input, rest)
  const defaultTag = options.defaultTag ?? 'latest'
  if (tag === undefined && digest === undefined && defaultTag !== '') tag = defaultTag
  return {
    ...repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest })
  }
}

/** Parses a repository name alone (`registry/team/app`); a tag or digest is an error. */
export function parseRepository(input: string): RepositoryRef {
  const reference = parseReference(input, { defaultTag: '' })
  if (reference.tag !== undefined || reference.digest !== undefined) {
    fail(input, 'give a repository without a tag or digest')
  }
  return { registry: reference.registry, repository: reference.repository }
}

/** The host the registry API answers on: Docker Hub's API is not at docker.io. */
export function registryApiHost(registry: string): string {
  return registry === dockerHub || registry === 'index.docker.io' ? dockerHubApiHost : registry
}

export function formatRepository(repository: RepositoryRef): string {
  return `${repository.registry}/${repository.repository}`
}

/** The fully qualified form: `registry/repository[:tag][@digest]`. */
export function formatReference(reference: ImageReference): string {
  return (
    formatRepository(reference) +
    (reference.tag !== undefined ? `:${reference.tag}` : '') +
    (reference.digest !== undefined ? `@${reference.digest}` : '')
  )
}

export function sameRepository(a: RepositoryRef, b: RepositoryRef): boolean {
  return a.registry === b.registry && a.repository === b.repository
}
