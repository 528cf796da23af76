/**
 * mirror-config's one declarative file: mirrors per ecosystem, a proxy, an extra CA, and
 * references to credentials (environment variable names — never the values). Parsed from YAML
 * (or from the action's inputs, which build the same object) and validated whole before
 * anything is written: an error names the key (and the line, from a file) and the reason.
 *
 *   mirrors:
 *     pypi: https://nexus.corp.example/repository/pypi/simple      # index URL
 *     npm: https://nexus.corp.example/repository/npm/              # registry URL
 *     containers:                                                 # registry → mirrors, in order
 *       docker.io: [registry-cache.corp.example]
 *   proxy: { http: http://proxy.corp.example:3128, https: http://proxy.corp.example:3128,
 *            no_proxy: [localhost, 127.0.0.1, .corp.example] }
 *   ca: { file: corp-ca.pem }
 *   credentials:
 *     npm: { token: NPM_TOKEN }                                   # environment variable names
 *     pypi: { username: PYPI_USER, password: PYPI_TOKEN }
 */
import { readFileSync } from 'node:fs'
import { dirname, isAbsolute, resolve } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { UserError } from '../errors.js'

export interface AptMirror {
  /** The archive URL (what replaces deb.debian.org/debian or archive.ubuntu.com/ubuntu). */
  url: string
  /** Security archive, when mirrored separately. */
  securityUrl?: string
}

export interface DnfRepo {
  id: string
  baseurl: string
  gpgkey?: string
}

export interface Mirrors {
  pypi?: string
  npm?: string
  /** yarn classic/berry registry when it differs from npm's. */
  yarn?: string
  apt?: AptMirror
  dnf?: DnfRepo[]
  apk?: string[]
  /** Upstream registry host → mirror hosts, in order. */
  containers?: Record<string, string[]>
  go?: string
  /** Module path prefixes fetched directly and not checked against the sum DB (GOPRIVATE). */
  goPrivate?: string[]
  maven?: string
  /** Gradle repository; Maven's when omitted. */
  gradle?: string
  /** Cargo sparse registry index (sparse+https://…/index/). */
  cargo?: string
  nuget?: string
  rubygems?: string
  conda?: string
  /** URL prefix → mirror prefix (git url.<mirror>.insteadOf <prefix>). */
  git?: Record<string, string>
  /** Helm repository name → URL. */
  helm?: Record<string, string>
}

export interface ProxyConfig {
  http?: string
  https?: string
  noProxy: string[]
}

export interface CaConfig {
  /** PEM text of the company CA(s). */
  pem: string
  /** Where it came from (a file path, or 'inline'), for messages. */
  source: string
}

/** Names of environment variables holding the secret parts, per ecosystem. */
export interface CredentialRef {
  username?: string
  password?: string
  token?: string
}

export interface MirrorConfig {
  mirrors: Mirrors
  proxy?: ProxyConfig
  ca?: CaConfig
  credentials: Record<string, CredentialRef>
}

/** Ecosystems that take credentials, and which parts. */
export const credentialKeys: Record<string, ReadonlyArray<keyof CredentialRef>> = {
  pypi: ['username', 'password'],
  npm: ['token', 'username', 'password'],
  yarn: ['token'],
  apt: ['username', 'password'],
  dnf: ['username', 'password'],
  containers: ['username', 'password'],
  go: ['username', 'password'],
  maven: ['username', 'password'],
  gradle: ['username', 'password'],
  cargo: ['token'],
  nuget: ['username', 'password'],
  rubygems: ['username', 'password'],
  git: ['username', 'password']
}

export class MirrorConfigError extends UserError {}

interface Where {
  source: string
  line?: (node: Node | null | undefined) => number | undefined
}

type Raw = unknown

/** Parses and validates a YAML config file; relative CA paths resolve against its folder. */
export function loadMirrorConfig(file: string): MirrorConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new MirrorConfigError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`
    )
  }
  return parseMirrorConfig(text, file)
}

export function parseMirrorConfig(text: string, source = 'mirror config'): MirrorConfig {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, uniqueKeys: true })
  if (document.errors.length > 0) {
    const first = document.errors[0]
    const line = first?.linePos?.[0]?.line
    throw new MirrorConfigError(
      `${source}${line !== undefined ? `:${line}` : ''}: not valid YAML (${first?.message.split('\n')[0] ?? 'parse error'})`
    )
  }
  const where: Where = {
    source,
    line: (node) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined)
  }
  return validate(document.contents, document.toJS() as Raw, where, dirname(resolve(source)))
}

/** The same validation for a plain object (the action's inputs assembled into one). */
export function mirrorConfigFromObject(value: Raw, source: string, baseDir: string): MirrorConfig {
  return validate(undefined, value, { source }, baseDir)
}

function validate(
  root: Node | null | undefined,
  value: Raw,
  where: Where,
  baseDir: string
): MirrorConfig {
  const fail = (path: string[], why: string): never => {
    const line = where.line?.(nodeAt(root, path))
    throw new MirrorConfigError(
      `${where.source}${line !== undefined ? `:${line}` : ''}: ${path.join('.') || '(top level)'}: ${why}`
    )
  }
  if (value === null || value === undefined)
    fail([], 'the config is empty; give at least mirrors, proxy or ca')
  const top = objectAt(value, [], fail)
  knownKeys(top, ['mirrors', 'proxy', 'ca', 'credentials'], [], fail)
  const config: MirrorConfig = { mirrors: {}, credentials: {} }

  if (top.mirrors !== undefined)
    config.mirrors = mirrorsOf(objectAt(top.mirrors, ['mirrors'], fail), fail)
  if (top.proxy !== undefined) config.proxy = proxyOf(objectAt(top.proxy, ['proxy'], fail), fail)
  if (top.ca !== undefined) config.ca = caOf(objectAt(top.ca, ['ca'], fail), baseDir, fail)
  if (top.credentials !== undefined) {
    const credentials = objectAt(top.credentials, ['credentials'], fail)
    for (const [ecosystem, entry] of Object.entries(credentials)) {
      const allowed = credentialKeys[ecosystem]
      if (allowed === undefined) {
        fail(
          ['credentials', ecosystem],
          `no ecosystem '${ecosystem}' takes credentials (those that do: ${Object.keys(credentialKeys).join(', ')})`
        )
      }
      const parts = objectAt(entry, ['credentials', ecosystem], fail)
      knownKeys(parts, allowed as readonly string[], ['credentials', ecosystem], fail)
      const reference: CredentialRef = {}
      for (const [part, variable] of Object.entries(parts)) {
        if (typeof variable !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
          fail(
            ['credentials', ecosystem, part],
            'give the name of an environment variable that holds it (e.g. NPM_TOKEN), never the secret itself'
          )
        }
        reference[part as keyof CredentialRef] = variable as string
      }
      if (reference.username !== undefined && reference.password === undefined) {
        fail(['credentials', ecosystem], 'username needs password too')
      }
      config.credentials[ecosystem] = reference
    }
  }
  if (
    Object.keys(config.mirrors).length === 0 &&
    config.proxy === undefined &&
    config.ca === undefined
  ) {
    fail([], 'nothing to configure: give mirrors, proxy or ca')
  }
  return config
}

type Fail = (path: string[], why: string) => never

function mirrorsOf(raw: Record<string, Raw>, fail: Fail): Mirrors {
  const keys = [
    'pypi',
    'npm',
    'yarn',
    'apt',
    'dnf',
    'apk',
    'containers',
    'go',
    'go-private',
    'maven',
    'gradle',
    'cargo',
    'nuget',
    'rubygems',
    'conda',
    'git',
    'helm'
  ]
  knownKeys(raw, keys, ['mirrors'], fail)
  const mirrors: Mirrors = {}
  const url = (key: string) =>
    raw[key] === undefined ? undefined : httpUrl(raw[key], ['mirrors', key], fail)
  const set = <K extends keyof Mirrors>(key: K, value: Mirrors[K] | undefined) => {
    if (value !== undefined) mirrors[key] = value
  }
  set('pypi', url('pypi'))
  set('npm', url('npm'))
  set('yarn', url('yarn'))
  set('go', url('go'))
  set('maven', url('maven'))
  set('gradle', url('gradle'))
  set('nuget', url('nuget'))
  set('rubygems', url('rubygems'))
  set('conda', url('conda'))
  if (raw.cargo !== undefined) {
    const text = typeof raw.cargo === 'string' ? raw.cargo.replace(/^sparse\+/, '') : raw.cargo
    set('cargo', `sparse+${httpUrl(text, ['mirrors', 'cargo'], fail).replace(/\/?$/, '/')}`)
  }
  if (raw.apt !== undefined) {
    if (typeof raw.apt === 'string') set('apt', { url: httpUrl(raw.apt, ['mirrors', 'apt'], fail) })
    else {
      const apt = objectAt(raw.apt, ['mirrors', 'apt'], fail)
      knownKeys(apt, ['url', 'security-url'], ['mirrors', 'apt'], fail)
      if (apt.url === undefined) fail(['mirrors', 'apt', 'url'], 'required: the archive URL')
      set('apt', {
        url: httpUrl(apt.url, ['mirrors', 'apt', 'url'], fail),
        ...(apt['security-url'] !== undefined && {
          securityUrl: httpUrl(apt['security-url'], ['mirrors', 'apt', 'security-url'], fail)
        })
      })
    }
  }
  if (raw.dnf !== undefined) {
    if (!Array.isArray(raw.dnf))
      fail(['mirrors', 'dnf'], 'expected a list of repositories ({id, baseurl, gpgkey})')
    set(
      'dnf',
      (raw.dnf as Raw[]).map((entry, index) => {
        const path = ['mirrors', 'dnf', String(index)]
        const repo = objectAt(entry, path, fail)
        knownKeys(repo, ['id', 'baseurl', 'gpgkey'], path, fail)
        if (typeof repo.id !== 'string' || !/^[A-Za-z0-9_.:-]+$/.test(repo.id))
          fail([...path, 'id'], 'a repository id of letters, digits and . _ : -')
        return {
          id: repo.id,
          baseurl: httpUrl(repo.baseurl, [...path, 'baseurl'], fail),
          ...(repo.gpgkey !== undefined && {
            gpgkey: httpOrFileUrl(repo.gpgkey, [...path, 'gpgkey'], fail)
          })
        }
      })
    )
  }
  if (raw.apk !== undefined)
    set(
      'apk',
      listOf(raw.apk, ['mirrors', 'apk'], fail).map((entry, index) =>
        httpUrl(entry, ['mirrors', 'apk', String(index)], fail)
      )
    )
  if (raw['go-private'] !== undefined) {
    set(
      'goPrivate',
      listOf(raw['go-private'], ['mirrors', 'go-private'], fail).map((entry) =>
        noNewline(entry, ['mirrors', 'go-private'], fail)
      )
    )
  }
  if (raw.containers !== undefined) {
    const containers = objectAt(raw.containers, ['mirrors', 'containers'], fail)
    const result: Record<string, string[]> = {}
    for (const [registry, hosts] of Object.entries(containers)) {
      const path = ['mirrors', 'containers', registry]
      if (!/^[a-z0-9.-]+(?::\d+)?$/.test(registry))
        fail(path, `'${registry}' is not a registry host[:port]`)
      result[registry] = listOf(hosts, path, fail).map((host) => {
        const bare = host.replace(/^https?:\/\//, '').replace(/\/+$/, '')
        if (!/^[a-z0-9.-]+(?::\d+)?(?:\/[a-z0-9._/-]+)?$/.test(bare))
          fail(path, `'${host}' is not a registry host[:port][/path]`)
        return bare
      })
    }
    set('containers', result)
  }
  for (const key of ['git', 'helm'] as const) {
    if (raw[key] === undefined) continue
    const map = objectAt(raw[key], ['mirrors', key], fail)
    const result: Record<string, string> = {}
    for (const [from, to] of Object.entries(map)) {
      if (key === 'helm' && !/^[a-z0-9][a-z0-9-]*$/.test(from))
        fail(['mirrors', key, from], 'a Helm repository name of lower-case letters, digits and -')
      if (key === 'git') httpUrl(from, ['mirrors', key, from], fail)
      result[from] = httpUrl(to, ['mirrors', key, from], fail)
    }
    set(key, result)
  }
  return mirrors
}

function proxyOf(raw: Record<string, Raw>, fail: Fail): ProxyConfig {
  knownKeys(raw, ['http', 'https', 'no_proxy'], ['proxy'], fail)
  const proxy: ProxyConfig = { noProxy: [] }
  for (const key of ['http', 'https'] as const) {
    if (raw[key] !== undefined) proxy[key] = httpUrl(raw[key], ['proxy', key], fail)
  }
  if (raw.no_proxy !== undefined) {
    const entries =
      typeof raw.no_proxy === 'string'
        ? raw.no_proxy.split(',')
        : listOf(raw.no_proxy, ['proxy', 'no_proxy'], fail)
    proxy.noProxy = entries
      .map((entry) => noNewline(String(entry).trim(), ['proxy', 'no_proxy'], fail))
      .filter((entry) => entry !== '')
    for (const entry of proxy.noProxy) {
      if (/[\s,]/.test(entry))
        fail(
          ['proxy', 'no_proxy'],
          `'${entry}' holds a space or comma; give one host, domain or address per entry`
        )
    }
  }
  return proxy
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

function caOf(raw: Record<string, Raw>, baseDir: string, fail: Fail): CaConfig {
  knownKeys(raw, ['file', 'pem'], ['ca'], fail)
  if ((raw.file === undefined) === (raw.pem === undefined))
    fail(['ca'], 'give exactly one of file (a PEM file) or pem (the PEM text)')
  let pem: string
  let source: string
  if (raw.file !== undefined) {
    if (typeof raw.file !== 'string') fail(['ca', 'file'], 'expected a file path')
    source = isAbsolute(raw.file) ? raw.file : resolve(baseDir, raw.file)
    try {
      pem = readFileSync(source, 'utf8')
    } catch (error) {
      fail(
        ['ca', 'file'],
        `${source} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`
      )
    }
  } else {
    if (typeof raw.pem !== 'string') fail(['ca', 'pem'], 'expected the PEM text')
    pem = raw.pem
    source = 'inline'
  }
  const blocks = pem!.match(pemBlock) ?? []
  if (blocks.length === 0)
    fail(
      ['ca', raw.file !== undefined ? 'file' : 'pem'],
      `${source!} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`
    )
  return { pem: `${blocks.join('\n')}\n`, source: source! }
}

function httpUrl(value: Raw, path: string[], fail: Fail): string {
  if (typeof value !== 'string' || value.trim() === '')
    return fail(path, 'expected a URL (https://…)')
  const text = value.trim()
  noNewline(text, path, fail)
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return fail(path, `'${text}' is not a URL; give https://host/path`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(path, `'${text}': only http:// and https:// URLs`)
  if (url.username !== '' || url.password !== '') {
    fail(
      path,
      'the URL holds credentials; name environment variables under credentials instead, so no secret is written in the config'
    )
  }
  return text
}

/** gpgkey: a URL, or file:///etc/pki/rpm-gpg/… as dnf reads it. */
function httpOrFileUrl(value: Raw, path: string[], fail: Fail): string {
  if (typeof value === 'string' && value.startsWith('file:///')) return noNewline(value, path, fail)
  return httpUrl(value, path, fail)
}

function noNewline(text: string, path: string[], fail: Fail): string {
  if (/[\r\n\0]/.test(text)) fail(path, 'a line break or NUL is not allowed here')
  return text
}

function objectAt(value: Raw, path: string[], fail: Fail): Record<string, Raw> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(path, 'expected a mapping (key: value)')
  return value as Record<string, Raw>
}

function listOf(value: Raw, path: string[], fail: Fail): string[] {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string'))
    return fail(path, 'expected a list of strings')
  return list as string[]
}

function knownKeys(
  object: Record<string, Raw>,
  allowed: readonly string[],
  path: string[],
  fail: Fail
): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      fail([...path, key], `unknown key (known here: ${allowed.join(', ')})`)
  }
}

/** The YAML node at a key path, for its line number. */
function nodeAt(root: Node | null | undefined, path: readonly string[]): Node | undefined {
  let node: Node | null | undefined = root
  let found: Node | undefined = root ?? undefined
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
      if (pair === undefined) return found
      found = (pair.key as Node | undefined) ?? found
      node = pair.value as Node | null
    } else if (isSeq(node)) {
      node = node.items[Number(key)] as Node | null
      found = node ?? found
    } else {
      return found
    }
  }
  return found
}
