/**
 * apt (Debian, Ubuntu), image mode only: apt needs root. The distribution's own sources are
 * rewritten in place — only their URIs change, so suites, components and options such as
 * Signed-By / [signed-by=…] stay exactly as the base has them — in whichever form the base uses:
 * deb822 (`sources.list.d/debian.sources`, `ubuntu.sources`) or one-line (`sources.list`). These
 * edits are `ifExists`: a base without the file keeps not having it (we cannot know its suites).
 * The proxy goes into an apt.conf.d file of our own, with DIRECT for mirror hosts in no_proxy
 * (apt does not read no_proxy once Acquire::*::Proxy is set).
 */
import { UserError } from '../../errors.js'
import type { AptMirror, MirrorConfig, ProxyConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'

export const aptSourcePaths = {
  debian: '/etc/apt/sources.list.d/debian.sources',
  ubuntu: '/etc/apt/sources.list.d/ubuntu.sources',
  oneLine: '/etc/apt/sources.list'
} as const
export const aptProxyPath = '/etc/apt/apt.conf.d/90runnerkit-proxy'
export const aptAuthPath = '/etc/apt/auth.conf.d/runnerkit.conf'

type Archive = 'archive' | 'security'

/** Upstream archives we know, by host pattern and path prefix. */
const upstreams: ReadonlyArray<{ host: RegExp; path: string; archive: Archive }> = [
  { host: /^(deb|httpredir|ftp(\.[a-z]{2})?)\.debian\.org$/, path: '/debian', archive: 'archive' },
  { host: /^deb\.debian\.org$/, path: '/debian-security', archive: 'security' },
  { host: /^security\.debian\.org$/, path: '/debian-security', archive: 'security' },
  { host: /^security\.debian\.org$/, path: '', archive: 'security' },
  { host: /^([a-z]{2}\.)?archive\.ubuntu\.com$/, path: '/ubuntu', archive: 'archive' },
  { host: /^security\.ubuntu\.com$/, path: '/ubuntu', archive: 'security' }
]

const stripSlash = (url: string) => url.replace(/\/+$/, '')

/** The mirror URI for an upstream archive URI, or the URI unchanged when it is not one we map. */
export function mirrorUri(uri: string, mirror: AptMirror): string {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return uri
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return uri
  // Longest path first, so /debian-security is not taken for /debian.
  const candidates = upstreams
    .filter((entry) => entry.host.test(url.hostname))
    .filter(
      (entry) =>
        url.pathname === entry.path ||
        url.pathname === `${entry.path}/` ||
        url.pathname.startsWith(`${entry.path}/`) ||
        (entry.path === '' && url.pathname === '/')
    )
    .sort((a, b) => b.path.length - a.path.length)
  const match = candidates[0]
  if (match === undefined) return uri
  const base = match.archive === 'archive' ? mirror.url : mirror.securityUrl
  if (base === undefined) return uri
  const rest = url.pathname.slice(match.path.length).replace(/^\/+$/, '')
  const tail = rest === '' ? (uri.endsWith('/') ? '/' : '') : rest
  return `${stripSlash(base)}${tail}`
}

/** deb822 sources: every URI on URIs: lines (and their continuation lines) mapped. */
export function rewriteDeb822(text: string, mirror: AptMirror): string {
  let inUris = false
  return text
    .split('\n')
    .map((line) => {
      const field = /^([A-Za-z][A-Za-z0-9-]*):(.*)$/.exec(line)
      if (field !== null) {
        inUris = field[1]!.toLowerCase() === 'uris'
        if (!inUris) return line
        return `${field[1]!}:${mapTokens(field[2]!, mirror)}`
      }
      if (inUris && /^[ \t]+\S/.test(line) && !/^[ \t]+#/.test(line)) return mapTokens(line, mirror)
      if (!/^[ \t]/.test(line) && !line.startsWith('#')) inUris = false
      return line
    })
    .join('\n')
}

function mapTokens(text: string, mirror: AptMirror): string {
  return text.replace(/\S+/g, (token) => mirrorUri(token, mirror))
}

/** One-line sources: the URI of each deb / deb-src line mapped; options and comments kept. */
export function rewriteOneLine(text: string, mirror: AptMirror): string {
  return text
    .split('\n')
    .map((line) => {
      const match = /^(\s*deb(?:-src)?\s+)(\[[^\]]*\]\s+)?(\S+)(.*)$/.exec(line)
      if (match === null) return line
      return `${match[1]!}${match[2] ?? ''}${mirrorUri(match[3]!, mirror)}${match[4]!}`
    })
    .join('\n')
}

/** Whether `host` is covered by a no_proxy list (names, .suffixes, *, IPv4 addresses and CIDR). */
export function inNoProxy(host: string, noProxy: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '')
  return noProxy.some((raw) => {
    const entry = raw
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/:\d+$/, '')
    if (entry === '*') return true
    const cidr = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(entry)
    if (cidr !== null) {
      const address = ipv4(name)
      const network = ipv4(cidr[1]!)
      const bits = Number(cidr[2])
      if (address === undefined || network === undefined || bits > 32) return false
      const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0
      return (address & mask) >>> 0 === (network & mask) >>> 0
    }
    const suffix = entry.replace(/^\*?\./, '')
    return name === suffix || name.endsWith(`.${suffix}`)
  })
}

function ipv4(text: string): number | undefined {
  const parts = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (parts === null) return undefined
  const bytes = parts.slice(1).map(Number)
  if (bytes.some((byte) => byte > 255)) return undefined
  return bytes.reduce((sum, byte) => sum * 256 + byte, 0)
}

export function renderAptProxy(proxy: ProxyConfig, mirrorUrls: readonly string[]): string {
  const lines = [
    '// runnerkit mirror-config: the proxy for apt. apt ignores no_proxy once a proxy is set',
    '// here, so mirror hosts inside no_proxy are listed as DIRECT.'
  ]
  const direct = [
    ...new Set(mirrorUrls.map((url) => new URL(url).hostname).filter((host) => host !== ''))
  ].filter((host) => inNoProxy(host, proxy.noProxy))
  for (const scheme of ['http', 'https'] as const) {
    const url = proxy[scheme]
    if (url === undefined) continue
    lines.push(`Acquire::${scheme}::Proxy "${url.replace(/\/?$/, '/')}";`)
    for (const host of direct) lines.push(`Acquire::${scheme}::Proxy::${host} "DIRECT";`)
  }
  return `${lines.join('\n')}\n`
}

/** auth.conf.d netrc lines; no scheme means https only (apt ≥ 2.0), so http:// is spelt out. */
export function renderAptAuth(urls: readonly string[], login: string, password: string): string {
  for (const [part, value] of [
    ['username', login],
    ['password', password]
  ] as const) {
    if (/\s/.test(value))
      throw new UserError(`credentials.apt.${part}: apt's auth.conf cannot hold white space`)
  }
  const lines = urls.map((raw) => {
    const url = new URL(raw)
    const machine = `${url.protocol === 'http:' ? 'http://' : ''}${url.host}${stripSlash(url.pathname)}`
    return `machine ${machine} login ${login} password ${password}`
  })
  return `${lines.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const mirror = config.mirrors.apt
  if (mirror === undefined) return undefined
  const result = emptyPlan('apt')
  if (target.mode === 'job') {
    result.notes.push(
      'apt needs root: job mode writes nothing for it (configure the image with runnerkit mirrors render, or run apt with a private APT_CONFIG)'
    )
    return result
  }
  const mapped = {
    url: stripSlash(mirror.url),
    ...(mirror.securityUrl && { securityUrl: stripSlash(mirror.securityUrl) })
  }
  for (const [path, what] of [
    [aptSourcePaths.debian, 'Debian sources (deb822)'],
    [aptSourcePaths.ubuntu, 'Ubuntu sources (deb822)']
  ] as const) {
    result.files.push({
      path,
      description: `apt ${what}: URIs pointed at the mirror`,
      ifExists: true,
      render: (existing) => rewriteDeb822(existing ?? '', mapped)
    })
  }
  result.files.push({
    path: aptSourcePaths.oneLine,
    description: 'apt sources.list: URIs pointed at the mirror',
    ifExists: true,
    render: (existing) => rewriteOneLine(existing ?? '', mapped)
  })
  if (mirror.securityUrl === undefined) {
    result.notes.push(
      'apt: security updates still come from the upstream security archive (give mirrors.apt.security-url to mirror them too)'
    )
  }
  result.notes.push(
    'apt: only the distribution archives (deb.debian.org, security.debian.org, archive.ubuntu.com, security.ubuntu.com) are rewritten; ports.ubuntu.com and third-party sources keep their URIs'
  )
  const urls = [mapped.url, ...(mapped.securityUrl !== undefined ? [mapped.securityUrl] : [])]
  const proxy = config.proxy
  if (proxy !== undefined && (proxy.http !== undefined || proxy.https !== undefined)) {
    result.files.push({
      path: aptProxyPath,
      description: 'apt proxy',
      render: () => renderAptProxy(proxy, urls)
    })
  }
  const credentials = config.credentials.apt
  if (credentials !== undefined) {
    const login = credentialValue(target, 'apt', 'username', credentials.username)
    const password = credentialValue(target, 'apt', 'password', credentials.password)
    if (login !== undefined && password !== undefined) {
      result.secrets.push(password)
      result.files.push({
        path: aptAuthPath,
        description: 'apt mirror credentials',
        secret: true,
        mode: 0o600,
        render: () => renderAptAuth(urls, login, password)
      })
    }
  }
  return result
}

export const aptEcosystem: Ecosystem = { name: 'apt', plan }
