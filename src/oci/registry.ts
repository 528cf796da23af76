/**
 * A client for the Distribution (OCI registry) HTTP API: manifests, blobs, cross-repository
 * mounts and monolithic uploads, with the WWW-Authenticate token flow and bounded retries.
 * It never logs: retries are reported through `onRetry`, failures are RegistryErrors (one line,
 * naming the registry and what to do, never a credential).
 */
import { createHash } from 'node:crypto'
import { createReadStream, statSync } from 'node:fs'
import * as http from 'node:http'
import * as https from 'node:https'
import { Readable } from 'node:stream'
import { UserError } from '../errors.js'
import { isLoopbackHost } from '../util/loopback.js'
import { parseWwwAuthenticate, repositoryScope, type Challenge } from './auth.js'
import { bareMediaType, manifestMediaTypes } from './media-types.js'
import {
  formatReference,
  registryApiHost,
  type ImageReference,
  type RepositoryRef
} from './reference.js'

export interface RegistryCredentials {
  username: string
  password: string
}

export interface RetryEvent {
  /** What was being done, e.g. `PUT manifest 127.0.0.1:5000/app:1.2.3`. */
  operation: string
  /** 1 for the first retry. */
  attempt: number
  maxRetries: number
  delayMs: number
  /** `HTTP 503`, `HTTP 429`, `ECONNRESET`, … */
  reason: string
}

export interface RegistryClientOptions {
  /** Registries (`host` or `host:port`) reached over plain HTTP, as Docker's insecure-registries. */
  insecureRegistries?: readonly string[]
  /** Credentials per registry (`docker.io`, `ghcr.io`, `127.0.0.1:5000`). */
  credentials?: Readonly<Record<string, RegistryCredentials>>
  maxRetries?: number
  minDelayMs?: number
  maxDelayMs?: number
  /** The longest Retry-After we honour; longer values are cut to this. */
  retryAfterCapMs?: number
  sleep?: (ms: number) => Promise<void>
  onRetry?: (event: RetryEvent) => void
  /** An idle socket is dropped (and retried) after this long. */
  timeoutMs?: number
  userAgent?: string
}

export interface RegistryStats {
  requests: number
  retries: number
  /** Every request body byte: manifests and blobs. */
  bytesSent: number
  /** Bytes of blob uploads only (layers and configs). A promote within a registry sends 0. */
  blobBytesSent: number
  blobUploads: number
}

export interface Manifest {
  bytes: Buffer
  mediaType: string
  digest: string
}

export interface ManifestHead {
  mediaType: string
  digest: string
  size: number
}

/** Bytes to upload: a buffer, a file, or a stream factory (called again on each retry). */
export type BlobSource = Buffer | { path: string } | { size: number; open: () => Promise<Readable> }

/** A registry answered with an error, or could not be reached. Printed as one line. */
export class RegistryError extends UserError {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string
  ) {
    super(message)
  }
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

const defaultSleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms))
const retryableCodes = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN'])

/** Docker's rule: loopback and localhost are plain HTTP; so is anything listed as insecure. */
export function registryScheme(
  registry: string,
  insecureRegistries: readonly string[] = []
): 'http' | 'https' {
  const host = hostOf(registry)
  if (isLoopbackHost(registry)) return 'http'
  const insecure = insecureRegistries.map((entry) =>
    entry
      .trim()
      .replace(/^https?:\/\//, '')
      .replace(/\/+$/, '')
  )
  return insecure.includes(registry) || insecure.includes(host) ? 'http' : 'https'
}

function hostOf(registry: string): string {
  if (registry.startsWith('[')) return registry.slice(0, registry.indexOf(']') + 1)
  const colon = registry.lastIndexOf(':')
  return colon === -1 ? registry : registry.slice(0, colon)
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff: minDelay, 2×, 4×, … capped at maxDelay. */
export function backoffDelay(retry: number, minDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** (retry - 1))
}

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
  stream?: http.IncomingMessage
}

interface RequestSpec {
  operation: string
  method: string
  registry: string
  /** `/v2/…` on the registry, or an absolute URL (an upload Location). */
  path: string
  scopes: readonly string[]
  headers?: Record<string, string>
  body?: Buffer | { size: number; open: () => Promise<Readable> }
  blob?: boolean
  /** Return the response body as a stream (2xx only). */
  stream?: boolean
}

export class RegistryClient {
  readonly stats: RegistryStats = {
    requests: 0,
    retries: 0,
    bytesSent: 0,
    blobBytesSent: 0,
    blobUploads: 0
  }
  private readonly options: Required<
    Omit<RegistryClientOptions, 'credentials' | 'insecureRegistries' | 'onRetry'>
  > &
    RegistryClientOptions
  private readonly challenges = new Map<string, Challenge>()
  private readonly tokens = new Map<string, string>()
  private readonly httpAgent = new http.Agent({ keepAlive: true })
  private readonly httpsAgent = new https.Agent({ keepAlive: true })

  constructor(options: RegistryClientOptions = {}) {
    this.options = {
      maxRetries: 3,
      minDelayMs: 500,
      maxDelayMs: 4000,
      retryAfterCapMs: 30_000,
      sleep: defaultSleep,
      timeoutMs: 120_000,
      userAgent: 'runnerkit',
      ...options
    }
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.httpAgent.destroy()
    this.httpsAgent.destroy()
  }

  baseUrl(registry: string): string {
    return `${registryScheme(registry, this.options.insecureRegistries)}://${registryApiHost(registry)}`
  }

  async getManifest(reference: ImageReference): Promise<Manifest> {
    const name = referenceName(reference)
    const response = await this.send({
      operation: `GET manifest ${formatReference(reference)}`,
      method: 'GET',
      registry: reference.registry,
      path: `/v2/${reference.repository}/manifests/${name}`,
      scopes: [repositoryScope(reference.repository, ['pull'])],
      headers: { accept: manifestMediaTypes.join(', ') }
    })
    this.expect(response, [200], `GET manifest ${formatReference(reference)}`)
    const digest = sha256Digest(response.body)
    const announced = header(response, 'docker-content-digest')
    if (announced !== undefined && announced.startsWith('sha256:') && announced !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent manifest ${formatReference(reference)} with Docker-Content-Digest ${announced}, but its bytes hash to ${digest}`
      )
    }
    if (reference.digest !== undefined && reference.digest !== digest) {
      throw new RegistryError(
        `registry ${reference.registry} sent bytes hashing to ${digest} for ${formatReference(reference)}`
      )
    }
    return { bytes: response.body, mediaType: manifestType(response), digest }
  }

  /** The digest and type a tag or digest resolves to, or undefined when it does not exist. */
  async headManifest(reference: ImageReference): Promise<ManifestHead | undefined> {
    const response = await this.send({
      operation: `HEAD manifest ${formatReference(reference)}`,
      method: 'HEAD',
      registry: reference.registry,
      path: `/v2/${reference.repository}/manifests/${referenceName(reference)}`,
      scopes: [repositoryScope(reference.repository, ['pull'])],
      headers: { accept: manifestMediaTypes.join(', ') }
    })
    if (response.status === 404) return undefined
    this.expect(response, [200], `HEAD manifest ${formatReference(reference)}`)
    const digest = header(response, 'docker-content-digest')
    if (digest === undefined) {
      const manifest = await this.getManifest(reference)
      return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length }
    }
    return {
      digest,
      mediaType: bareMediaType(header(response, 'content-type') ?? ''),
      size: Number(header(response, 'content-length') ?? 0)
    }
  }

  /** PUTs a manifest under a tag or its digest; returns its digest (the sha256 of the bytes). */
  async putManifest(
    repository: RepositoryRef,
    tagOrDigest: string,
    bytes: Buffer,
    mediaType: string
  ): Promise<string> {
    const operation = `PUT manifest ${repository.registry}/${repository.repository}${tagOrDigest.startsWith('sha256:') ? '@' : ':'}${tagOrDigest}`
    const response = await this.send({
      operation,
      method: 'PUT',
      registry: repository.registry,
      path: `/v2/${repository.repository}/manifests/${tagOrDigest}`,
      scopes: [repositoryScope(repository.repository, ['pull', 'push'])],
      headers: { 'content-type': mediaType },
      body: bytes
    })
    this.expect(response, [200, 201], operation)
    const digest = sha256Digest(bytes)
    const announced = header(response, 'docker-content-digest')
    if (announced !== undefined && announced.startsWith('sha256:') && announced !== digest) {
      throw new RegistryError(
        `${operation}: the registry stored digest ${announced}, not ${digest}; it rewrote the manifest`
      )
    }
    return digest
  }

  async blobExists(repository: RepositoryRef, digest: string): Promise<boolean> {
    const operation = `HEAD blob ${repository.registry}/${repository.repository}@${digest}`
    const response = await this.send({
      operation,
      method: 'HEAD',
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ['pull'])]
    })
    if (response.status === 404) return false
    this.expect(response, [200], operation)
    return true
  }

  async getBlob(repository: RepositoryRef, digest: string): Promise<Buffer> {
    const operation = `GET blob ${repository.registry}/${repository.repository}@${digest}`
    const response = await this.send({
      operation,
      method: 'GET',
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ['pull'])]
    })
    this.expect(response, [200], operation)
    if (sha256Digest(response.body) !== digest) {
      throw new RegistryError(`${operation}: the bytes received do not hash to ${digest}`)
    }
    return response.body
  }

  /**
   * Streams a blob (a layer of any size) without holding it in memory. The bytes are not
   * checked against `digest`: a caller that needs that hashes them as they pass.
   */
  async openBlob(repository: RepositoryRef, digest: string): Promise<Readable> {
    const operation = `GET blob ${repository.registry}/${repository.repository}@${digest}`
    const response = await this.send({
      operation,
      method: 'GET',
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/${digest}`,
      scopes: [repositoryScope(repository.repository, ['pull'])],
      stream: true
    })
    this.expect(response, [200], operation)
    return response.stream ?? Readable.from([response.body])
  }

  /**
   * Mounts a blob from another repository of the same registry. True when the registry mounted
   * it (201); false when it refused and opened an upload instead (202), which is cancelled.
   */
  async mountBlob(from: RepositoryRef, to: RepositoryRef, digest: string): Promise<boolean> {
    if (from.registry !== to.registry) return false
    const operation = `mount blob ${digest} from ${from.repository} into ${to.registry}/${to.repository}`
    const response = await this.send({
      operation,
      method: 'POST',
      registry: to.registry,
      path: `/v2/${to.repository}/blobs/uploads/?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from.repository)}`,
      scopes: [
        repositoryScope(to.repository, ['pull', 'push']),
        repositoryScope(from.repository, ['pull'])
      ],
      headers: { 'content-length': '0' }
    })
    this.expect(response, [201, 202], operation)
    if (response.status === 201) return true
    const location = header(response, 'location')
    if (location !== undefined) {
      const cancel = await this.send({
        operation: `cancel upload into ${to.registry}/${to.repository}`,
        method: 'DELETE',
        registry: to.registry,
        path: this.resolveLocation(to.registry, location),
        scopes: [repositoryScope(to.repository, ['pull', 'push'])]
      })
      // A registry that cannot cancel lets the session expire; nothing was written.
      void cancel
    }
    return false
  }

  /** A monolithic upload: POST for a session, then one PUT with the bytes and the digest. */
  async uploadBlob(repository: RepositoryRef, digest: string, source: BlobSource): Promise<void> {
    const body = blobBody(source)
    const where = `${repository.registry}/${repository.repository}`
    const scopes = [repositoryScope(repository.repository, ['pull', 'push'])]
    const start = await this.send({
      operation: `start upload of ${digest} into ${where}`,
      method: 'POST',
      registry: repository.registry,
      path: `/v2/${repository.repository}/blobs/uploads/`,
      scopes,
      headers: { 'content-length': '0' }
    })
    this.expect(start, [202], `start upload of ${digest} into ${where}`)
    const location = header(start, 'location')
    if (location === undefined) {
      throw new RegistryError(`start upload into ${where}: the registry sent no Location header`)
    }
    const url = new URL(this.resolveLocation(repository.registry, location))
    url.searchParams.set('digest', digest)
    const operation = `upload blob ${digest} into ${where}`
    this.stats.blobUploads++
    const done = await this.send({
      operation,
      method: 'PUT',
      registry: repository.registry,
      path: url.toString(),
      scopes,
      headers: { 'content-type': 'application/octet-stream' },
      body,
      blob: true
    })
    this.expect(done, [201, 204], operation)
  }

  /** Copies a blob between repositories (any registries) by streaming it through this process. */
  async copyBlob(
    from: RepositoryRef,
    to: RepositoryRef,
    digest: string,
    size?: number
  ): Promise<void> {
    const operation = `GET blob ${from.registry}/${from.repository}@${digest}`
    const request: RequestSpec = {
      operation,
      method: 'GET',
      registry: from.registry,
      path: `/v2/${from.repository}/blobs/${digest}`,
      scopes: [repositoryScope(from.repository, ['pull'])],
      stream: true
    }
    let length = size
    if (length === undefined) {
      const head = await this.send({
        ...request,
        method: 'HEAD',
        operation: `HEAD blob ${from.registry}/${from.repository}@${digest}`,
        stream: false
      })
      this.expect(head, [200], `HEAD blob ${from.registry}/${from.repository}@${digest}`)
      length = Number(header(head, 'content-length'))
    }
    await this.uploadBlob(to, digest, {
      size: length,
      open: async () => {
        const response = await this.send(request)
        this.expect(response, [200], operation)
        return response.stream ?? Readable.from([response.body])
      }
    })
  }

  private resolveLocation(registry: string, location: string): string {
    return new URL(location, this.baseUrl(registry)).toString()
  }

  private expect(response: RawResponse, statuses: number[], operation: string): void {
    if (statuses.includes(response.status)) return
    response.stream?.resume()
    const { code, message } = registryErrorOf(response.body)
    const detail = code ? `${code}${message ? `: ${message}` : ''}` : `HTTP ${response.status}`
    const hint =
      response.status === 404
        ? ' (check the name, tag or digest)'
        : response.status === 401 || response.status === 403
          ? ' (check the credentials and their access to this repository)'
          : ''
    throw new RegistryError(`${operation}: ${detail}${hint}`, response.status, code)
  }

  private async send(spec: RequestSpec): Promise<RawResponse> {
    const url = spec.path.startsWith('/') ? `${this.baseUrl(spec.registry)}${spec.path}` : spec.path
    for (let authAttempt = 0; ; authAttempt++) {
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        ...spec.headers
      }
      const known = this.challenges.get(spec.registry)
      if (known?.scheme === 'bearer' && !this.tokens.has(tokenKey(spec.registry, spec.scopes))) {
        // Fetch the token first: an unauthenticated attempt would send the body for nothing.
        await this.fetchToken(spec, known)
      }
      const authorization = this.authorization(spec.registry, spec.scopes)
      if (authorization !== undefined && new URL(url).host === registryApiHost(spec.registry)) {
        headers.authorization = authorization
      }
      const response = await this.withRetries(spec.operation, () =>
        this.rawRequest(
          url,
          spec.method,
          headers,
          spec.body,
          spec.stream === true,
          spec.blob === true
        )
      )
      if (response.status !== 401 || authAttempt > 0) {
        if (response.status === 401) {
          response.stream?.resume()
          throw new RegistryError(
            `${spec.operation}: registry ${spec.registry} refused ${this.options.credentials?.[spec.registry] ? 'the credentials given' : 'anonymous access'} (HTTP 401): give credentials for ${spec.registry} with access to this repository`,
            401
          )
        }
        return response
      }
      response.stream?.resume()
      this.tokens.delete(tokenKey(spec.registry, spec.scopes))
      await this.authenticate(spec, header(response, 'www-authenticate'))
    }
  }

  private authorization(registry: string, scopes: readonly string[]): string | undefined {
    const challenge = this.challenges.get(registry)
    if (challenge === undefined) return undefined
    if (challenge.scheme === 'basic') {
      const credentials = this.options.credentials?.[registry]
      return credentials ? basicAuthorization(credentials) : undefined
    }
    const token = this.tokens.get(tokenKey(registry, scopes))
    return token === undefined ? undefined : `Bearer ${token}`
  }

  private async authenticate(
    spec: RequestSpec,
    wwwAuthenticate: string | undefined
  ): Promise<void> {
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? '')
    const challenge =
      challenges.find((candidate) => candidate.scheme === 'bearer') ??
      challenges.find((candidate) => candidate.scheme === 'basic')
    const credentials = this.options.credentials?.[spec.registry]
    if (challenge === undefined) {
      throw new RegistryError(
        `${spec.operation}: registry ${spec.registry} answered HTTP 401 without a Bearer or Basic challenge`,
        401
      )
    }
    this.challenges.set(spec.registry, challenge)
    if (challenge.scheme === 'basic') {
      if (credentials === undefined) {
        throw new RegistryError(
          `${spec.operation}: registry ${spec.registry} requires a username and password; give credentials for ${spec.registry}`,
          401
        )
      }
      return
    }
    await this.fetchToken(spec, challenge)
  }

  private async fetchToken(spec: RequestSpec, challenge: Challenge): Promise<void> {
    const credentials = this.options.credentials?.[spec.registry]
    const realm = challenge.params.realm
    if (realm === undefined) {
      throw new RegistryError(
        `${spec.operation}: registry ${spec.registry} sent a Bearer challenge without a realm`,
        401
      )
    }
    const tokenUrl = new URL(realm)
    if (challenge.params.service !== undefined)
      tokenUrl.searchParams.set('service', challenge.params.service)
    for (const scope of spec.scopes) tokenUrl.searchParams.append('scope', scope)
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent }
    if (credentials) headers.authorization = basicAuthorization(credentials)
    const operation = `get a token for ${spec.registry} from ${tokenUrl.origin}${tokenUrl.pathname}`
    const response = await this.withRetries(operation, () =>
      this.rawRequest(tokenUrl.toString(), 'GET', headers, undefined, false, false)
    )
    if (response.status !== 200) {
      throw new RegistryError(
        `${operation}: HTTP ${response.status}${credentials ? '; check the credentials given' : '; give credentials for this registry'}`,
        response.status
      )
    }
    let token: unknown
    try {
      const parsed = JSON.parse(response.body.toString('utf8')) as {
        token?: unknown
        access_token?: unknown
      }
      token = parsed.token ?? parsed.access_token
    } catch {
      token = undefined
    }
    if (typeof token !== 'string' || token === '') {
      throw new RegistryError(`${operation}: the answer holds no token`)
    }
    this.tokens.set(tokenKey(spec.registry, spec.scopes), token)
  }

  private async withRetries(
    operation: string,
    attempt: () => Promise<RawResponse>
  ): Promise<RawResponse> {
    const { maxRetries, minDelayMs, maxDelayMs, retryAfterCapMs } = this.options
    for (let retry = 0; ; retry++) {
      let reason: string
      let delayMs = backoffDelay(retry + 1, minDelayMs, maxDelayMs)
      try {
        const response = await attempt()
        const retryable =
          response.status === 429 || (response.status >= 500 && response.status !== 501)
        if (!retryable || retry >= maxRetries) return response
        response.stream?.resume()
        reason = `HTTP ${response.status}`
        const retryAfter = parseRetryAfter(header(response, 'retry-after'))
        if (retryAfter !== undefined) delayMs = Math.min(retryAfter, retryAfterCapMs)
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        const retryable = code !== undefined && retryableCodes.has(code)
        if (!retryable || retry >= maxRetries) {
          const what = code ?? (error instanceof Error ? error.message : String(error))
          throw new RegistryError(
            `${operation}: ${what}${retry > 0 ? ` after ${retry + 1} attempts` : ''}${code === 'ECONNREFUSED' ? ' (is the registry running, and is the host and port right?)' : ''}`
          )
        }
        reason = code
      }
      this.stats.retries++
      this.options.onRetry?.({ operation, attempt: retry + 1, maxRetries, delayMs, reason })
      await this.options.sleep(delayMs)
    }
  }

  private rawRequest(
    url: string,
    method: string,
    headers: Record<string, string>,
    body: RequestSpec['body'],
    stream: boolean,
    blob: boolean,
    redirects = 0
  ): Promise<RawResponse> {
    const target = new URL(url)
    const secure = target.protocol === 'https:'
    const transport = secure ? https : http
    this.stats.requests++
    return new Promise<RawResponse>((resolve, reject) => {
      const requestHeaders = { ...headers }
      if (body !== undefined)
        requestHeaders['content-length'] = String(Buffer.isBuffer(body) ? body.length : body.size)
      const request = transport.request(
        target,
        { method, headers: requestHeaders, agent: secure ? this.httpsAgent : this.httpAgent },
        (response) => {
          const status = response.statusCode ?? 0
          const location = response.headers.location
          if (
            [301, 302, 303, 307, 308].includes(status) &&
            location &&
            (method === 'GET' || method === 'HEAD') &&
            redirects < 5
          ) {
            response.resume()
            const next = new URL(location, target)
            const nextHeaders = { ...headers }
            if (next.host !== target.host) delete nextHeaders.authorization
            resolve(
              this.rawRequest(
                next.toString(),
                method,
                nextHeaders,
                undefined,
                stream,
                blob,
                redirects + 1
              )
            )
            return
          }
          if (stream && status >= 200 && status < 300) {
            resolve({ status, headers: response.headers, body: Buffer.alloc(0), stream: response })
            return
          }
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () =>
            resolve({ status, headers: response.headers, body: Buffer.concat(chunks) })
          )
          response.on('error', reject)
        }
      )
      request.setTimeout(this.options.timeoutMs, () => {
        request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }))
      })
      request.on('error', reject)
      const count = (length: number): void => {
        this.stats.bytesSent += length
        if (blob) this.stats.blobBytesSent += length
      }
      if (body === undefined) {
        request.end()
      } else if (Buffer.isBuffer(body)) {
        count(body.length)
        request.end(body)
      } else {
        body.open().then(
          (source) => {
            source.on('data', (chunk: Buffer) => count(chunk.length))
            source.on('error', (error) => request.destroy(error))
            source.pipe(request)
          },
          (error: unknown) =>
            request.destroy(error instanceof Error ? error : new Error(String(error)))
        )
      }
    })
  }
}

function blobBody(source: BlobSource): Buffer | { size: number; open: () => Promise<Readable> } {
  if (Buffer.isBuffer(source)) return source
  if ('path' in source) {
    const { path } = source
    return { size: statSync(path).size, open: () => Promise.resolve(createReadStream(path)) }
  }
  return source
}

function referenceName(reference: ImageReference): string {
  const name = reference.digest ?? reference.tag
  if (name === undefined) {
    throw new UserError(`image reference '${formatReference(reference)}': give a tag or a digest`)
  }
  return name
}

function header(response: RawResponse, name: string): string | undefined {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function manifestType(response: RawResponse): string {
  const contentType = bareMediaType(header(response, 'content-type') ?? '')
  if (contentType !== '' && contentType !== 'application/json' && contentType !== 'text/plain')
    return contentType
  try {
    const { mediaType } = JSON.parse(response.body.toString('utf8')) as { mediaType?: unknown }
    if (typeof mediaType === 'string') return mediaType
  } catch {
    // not JSON: keep the Content-Type the registry sent
  }
  return contentType
}

function registryErrorOf(body: Buffer): { code?: string; message?: string } {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as {
      errors?: Array<{ code?: unknown; message?: unknown }>
    }
    const first = parsed.errors?.[0]
    return {
      ...(typeof first?.code === 'string' && { code: first.code }),
      ...(typeof first?.message === 'string' && { message: first.message })
    }
  } catch {
    return {}
  }
}

function basicAuthorization(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`
}

function tokenKey(registry: string, scopes: readonly string[]): string {
  return `${registry} ${[...scopes].sort().join(' ')}`
}
