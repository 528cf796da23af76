/**
 * A squid.conf for Debian's squid-openssl that sits next to the runner pods and caches package
 * downloads: TLS to the package hosts is intercepted (bumped) with a company "bump" CA so the
 * bodies can be cached; everything else is spliced (an opaque tunnel, the origin's own
 * certificate). Ephemeral runners start with empty caches, so N pods installing the same
 * wheels, tarballs, .debs and layers cost the upstream one download instead of N.
 *
 * Splice by default, bump a list (variant B of the reference): hosts that pin certificates,
 * use client certificates or are latency-critical (the Actions service, OIDC, cloud metadata
 * and identity endpoints, anything not listed) keep working untouched, and a host that is not
 * a package host never sees the bump CA. Only bumped HTTPS and plain HTTP can be cached.
 *
 * Freshness: versioned artifacts (.deb, .whl, npm .tgz, .crate, .jar, Go module .zip, container
 * blobs by digest, …) are immutable by name, so they are kept long even against the origin's
 * headers; everything else — Release/InRelease/Packages, PyPI simple pages, npm packuments,
 * repomd.xml, manifests by tag — is stale on arrival and revalidated (a conditional GET) on
 * every request. Stale metadata is what breaks installs (hash mismatches, "no matching version").
 */
import { UserError } from '../errors.js'

export interface SquidOptions {
  /** Port squid listens on (the proxy URL clients get: http://HOST:PORT). */
  port: number
  /** Address to listen on; all addresses when omitted. */
  listenAddress?: string
  /** The disk cache (cache_dir ufs). */
  cacheDir: string
  /** The bump CA certificate and key (PEM), paths on the proxy host. */
  caCert: string
  caKey: string
  /** security_file_certgen's certificate DB (default /var/spool/squid/ssl_db, Debian's). */
  certDbDir?: string
  /** Package hosts to bump and cache; a leading dot means the domain and its subdomains. */
  bumpHosts: string[]
  /** Hosts never bumped even when a bump entry covers them (everything unlisted is spliced). */
  spliceHosts?: string[]
  /** CIDRs (or single addresses) allowed to use the proxy. */
  allowedNetworks: string[]
  /** Ports besides 443 that clients may CONNECT to (mirrors on other ports; undici CONNECTs http://). */
  extraSslPorts?: number[]
  /** A hosts file squid resolves from before DNS (tests: *.test names only squid resolves). */
  hostsFile?: string
  /** Extra CA file (PEM) squid trusts for upstream TLS, besides the system store. */
  upstreamCaFile?: string
  /** Disk cache size, MB (default 20000). */
  cacheSizeMb?: number
  /** Largest object cached, MB (default 4096: squid's own default of 4 MB skips most packages). */
  maxObjectSizeMb?: number
  /** Memory cache, MB (default 256). */
  cacheMemMb?: number
  /** Folder for access.log and cache.log (squid's defaults when omitted). */
  logDir?: string
  /** pid file (squid's default when omitted). */
  pidFile?: string
  /** User squid drops to when started as root (squid's default, proxy on Debian, when omitted). */
  effectiveUser?: string
  /**
   * Allow origins on the proxy's own loopback. Off by default (`http_access deny to_localhost`
   * keeps clients away from services on the proxy host); tests with local origins turn it on.
   */
  allowLoopbackOrigins?: boolean
}

export interface SquidFiles {
  'squid.conf': string
  'README.txt': string
}

export const squidDefaults = {
  port: 3128,
  caCert: '/etc/squid/bump-ca.crt',
  caKey: '/etc/squid/bump-ca.key',
  cacheDir: '/var/spool/squid',
  certDbDir: '/var/spool/squid/ssl_db',
  certgen: '/usr/lib/squid/security_file_certgen',
  cacheSizeMb: 20000,
  maxObjectSizeMb: 4096,
  cacheMemMb: 256,
  /** Pod networks: the private ranges. */
  allowedNetworks: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'],
  /** Public package hosts, bumped when neither flags nor the config name any. */
  bumpHosts: [
    'pypi.org',
    'files.pythonhosted.org',
    'registry.npmjs.org',
    'registry.yarnpkg.com',
    'deb.debian.org',
    'security.debian.org',
    '.archive.ubuntu.com',
    'security.ubuntu.com',
    'dl-cdn.alpinelinux.org',
    'proxy.golang.org',
    'static.crates.io',
    'index.crates.io',
    'repo.maven.apache.org',
    'repo1.maven.org',
    'rubygems.org',
    'api.nuget.org'
  ],
  /** Spliced even if a bump entry covers them: pinned or identity-bearing endpoints. */
  spliceHosts: [] as string[]
}

/**
 * Freshness rules, first match wins. Metadata first (some of it would match an artifact
 * pattern: APKINDEX.tar.gz, SNAPSHOT jars, GitHub branch archives), then immutable artifacts,
 * then "revalidate everything else".
 */
export const refreshPatterns: ReadonlyArray<{ comment: string; rule: string }> = [
  {
    comment: 'apt indexes (by-hash files are immutable, below)',
    rule: String.raw`-i /(Release|InRelease|Release\.gpg|Packages|Sources|Contents-[^/]+|Translation-[^/]+|Components-[^/]+)(\.(gz|xz|bz2|lzma|lz4|zst))?$ 0 0% 0`
  },
  {
    comment:
      'dnf/yum repomd.xml, apk APKINDEX, conda repodata, helm index.yaml, maven-metadata.xml',
    rule: String.raw`-i /(repodata/repomd\.xml|APKINDEX\.tar\.gz|(current_)?repodata\.json(\.bz2|\.zst)?|index\.yaml|maven-metadata\.xml)$ 0 0% 0`
  },
  {
    comment: 'PyPI simple index pages and JSON API',
    rule: String.raw`-i /(simple/|pypi/[^/]+(/[^/]+)?/json$) 0 0% 0`
  },
  {
    comment: 'Go module lists and @latest; Maven SNAPSHOTs; branch archives',
    rule: String.raw`-i (/@v/list$|/@latest$|-SNAPSHOT|/archive/refs/heads/) 0 0% 0`
  },
  {
    comment: 'container blobs and manifests by digest',
    rule: String.raw`-i /v2/.+/(blobs|manifests)/sha256:[0-9a-f]{64}$ 525600 100% 525600 override-expire override-lastmod ignore-reload`
  },
  {
    comment: 'apt by-hash, Go module zips/mods/infos',
    rule: String.raw`-i (/by-hash/[A-Za-z0-9]+/[0-9a-f]+|/@v/[^/]+\.(zip|mod|info))$ 525600 100% 525600 override-expire override-lastmod ignore-reload`
  },
  {
    comment:
      'versioned packages: .deb .rpm .apk .whl sdists npm .tgz .crate .gem .nupkg .jar .pom .conda',
    rule: String.raw`-i \.(deb|udeb|ddeb|rpm|drpm|apk|whl|egg|tgz|tar\.gz|tar\.xz|tar\.bz2|tar\.zst|crate|gem|nupkg|snupkg|jar|war|aar|pom|module|conda)(\.(sha1|sha256|sha512|md5|asc))?$ 525600 100% 525600 override-expire override-lastmod ignore-reload`
  },
  {
    comment:
      'everything else (npm packuments, manifests by tag, sparse cargo index, …): revalidate',
    rule: '. 0 0% 0'
  }
]

const hostPattern =
  /^\.?(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/

function fail(field: string, why: string): never {
  throw new UserError(`squid: ${field}: ${why}`)
}

function port(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535)
    fail(field, `expected a port number 1-65535, got ${JSON.stringify(value)}`)
  return value
}

function path(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || !/^[^\s"'\\#]+$/.test(value))
    fail(
      field,
      `expected an absolute path without spaces, quotes or #, got ${JSON.stringify(value)}`
    )
  return value.replace(/(.)\/+$/, '$1')
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    fail(field, `expected a whole number of MB (at least 1), got ${JSON.stringify(value)}`)
  return value
}

function hosts(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) fail(field, 'expected a list of host names')
  const result: string[] = []
  for (const entry of value as unknown[]) {
    const host = typeof entry === 'string' ? entry.trim().toLowerCase() : ''
    if (!hostPattern.test(host)) {
      fail(
        field,
        `'${String(entry)}' is not a host name (give files.pythonhosted.org, or .example.org for the domain and its subdomains; no scheme, port or path)`
      )
    }
    result.push(host)
  }
  return minimalHosts(result)
}

/** Does entry a (maybe .domain) cover host b? */
function covers(a: string, b: string): boolean {
  if (!a.startsWith('.')) return a === b
  const bare = b.replace(/^\./, '')
  return bare === a.slice(1) || bare.endsWith(a)
}

/**
 * Drops duplicates and entries a `.domain` entry already covers: squid warns (and ignores one)
 * when an ssl::server_name entry is a subdomain of another.
 */
export function minimalHosts(list: readonly string[]): string[] {
  const unique = [...new Set(list)]
  return unique.filter(
    (host) =>
      !unique.some((other) => other !== host && other.startsWith('.') && covers(other, host))
  )
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/

function network(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : ''
  const [address = '', prefix, extra] = text.split('/')
  const v4 = ipv4.test(address)
  const v6 = !v4 && /^[0-9a-f:.]+$/i.test(address) && address.includes(':')
  const max = v4 ? 32 : 128
  if (
    (!v4 && !v6) ||
    extra !== undefined ||
    (prefix !== undefined && (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max))
  ) {
    fail(field, `'${String(value)}' is not a CIDR or an address (e.g. 10.0.0.0/8, fd00::/8)`)
  }
  return text
}

/** Validates options and fills the defaults. */
function normalise(options: SquidOptions) {
  if (options === null || typeof options !== 'object') fail('options', 'expected an object')
  const bumpHosts = hosts(options.bumpHosts, 'bumpHosts')
  if (bumpHosts.length === 0) fail('bumpHosts', 'give at least one package host to bump and cache')
  const spliceHosts = hosts(options.spliceHosts ?? [], 'spliceHosts')
  for (const host of spliceHosts) {
    if (bumpHosts.includes(host))
      fail('spliceHosts', `'${host}' is in bumpHosts too; a host is bumped or spliced, not both`)
  }
  if (!Array.isArray(options.allowedNetworks) || options.allowedNetworks.length === 0)
    fail('allowedNetworks', 'give at least one CIDR allowed to use the proxy (e.g. 10.0.0.0/8)')
  const allowedNetworks = [
    ...new Set(options.allowedNetworks.map((entry) => network(entry, 'allowedNetworks')))
  ]
  if (options.extraSslPorts !== undefined && !Array.isArray(options.extraSslPorts))
    fail('extraSslPorts', 'expected a list of port numbers')
  const extraSslPorts = [
    ...new Set((options.extraSslPorts ?? []).map((value) => port(value, 'extraSslPorts')))
  ]
    .filter((value) => value !== 443)
    .sort((a, b) => a - b)
  const listenAddress = options.listenAddress
  if (
    listenAddress !== undefined &&
    !ipv4.test(listenAddress) &&
    !/^\[[0-9a-f:.]+\]$/i.test(listenAddress)
  )
    fail(
      'listenAddress',
      `expected an IPv4 address or [IPv6], got ${JSON.stringify(listenAddress)}`
    )
  const effectiveUser = options.effectiveUser
  if (effectiveUser !== undefined && !/^[a-z_][a-z0-9_-]*$/.test(effectiveUser))
    fail('effectiveUser', `expected a user name, got ${JSON.stringify(effectiveUser)}`)
  const optionalPath = (value: string | undefined, field: string) =>
    value === undefined ? undefined : path(value, field)
  return {
    port: port(options.port, 'port'),
    listenAddress,
    cacheDir: path(options.cacheDir, 'cacheDir'),
    caCert: path(options.caCert, 'caCert'),
    caKey: path(options.caKey, 'caKey'),
    certDbDir: path(options.certDbDir ?? squidDefaults.certDbDir, 'certDbDir'),
    bumpHosts,
    spliceHosts,
    allowedNetworks,
    extraSslPorts,
    hostsFile: optionalPath(options.hostsFile, 'hostsFile'),
    upstreamCaFile: optionalPath(options.upstreamCaFile, 'upstreamCaFile'),
    cacheSizeMb: positive(options.cacheSizeMb ?? squidDefaults.cacheSizeMb, 'cacheSizeMb'),
    maxObjectSizeMb: positive(
      options.maxObjectSizeMb ?? squidDefaults.maxObjectSizeMb,
      'maxObjectSizeMb'
    ),
    cacheMemMb: positive(options.cacheMemMb ?? squidDefaults.cacheMemMb, 'cacheMemMb'),
    logDir: optionalPath(options.logDir, 'logDir'),
    pidFile: optionalPath(options.pidFile, 'pidFile'),
    effectiveUser,
    allowLoopbackOrigins: options.allowLoopbackOrigins === true
  }
}

/** Renders squid.conf (and a README with the steps around it) for Debian's squid-openssl. */
export function renderSquid(options: SquidOptions): SquidFiles {
  const o = normalise(options)
  const listen = o.listenAddress === undefined ? String(o.port) : `${o.listenAddress}:${o.port}`
  const lines: string[] = [
    '# Rendered by runnerkit mirrors squid — for Debian squid-openssl (squid 5.7+).',
    '# A caching proxy for package downloads: package hosts are bumped (TLS intercepted with',
    '# the bump CA, so bodies can be cached); every other host is spliced (an opaque tunnel).',
    '',
    '# --- listening port, bump CA, certificate generator',
    `http_port ${listen} ssl-bump generate-host-certificates=on dynamic_cert_mem_cache_size=4MB tls-cert=${o.caCert} tls-key=${o.caKey}`,
    `sslcrtd_program ${squidDefaults.certgen} -s ${o.certDbDir} -M 4MB`,
    'sslcrtd_children 5 startup=1 idle=1',
    ''
  ]
  lines.push(
    '# --- what to bump',
    '# Splice by default, bump only the package hosts: hosts that pin certificates or use client',
    '# certificates (the Actions service, OIDC, cloud identity endpoints, anything unlisted) keep',
    "# working with the origin's own certificate, and only package hosts ever see the bump CA.",
    'acl step1 at_step SslBump1'
  )
  if (o.spliceHosts.length > 0)
    lines.push(`acl splice_hosts ssl::server_name ${o.spliceHosts.join(' ')}`)
  lines.push(`acl bump_hosts ssl::server_name ${o.bumpHosts.join(' ')}`, 'ssl_bump peek step1')
  if (o.spliceHosts.length > 0) lines.push('ssl_bump splice splice_hosts')
  lines.push(
    'ssl_bump bump bump_hosts',
    'ssl_bump splice all',
    '# an upstream certificate that does not verify is an error, never hidden behind the bump CA',
    'sslproxy_cert_error deny all'
  )
  if (o.upstreamCaFile !== undefined) {
    lines.push(
      '# upstream TLS: the system store plus this CA (internal mirrors signed by a company CA)',
      `tls_outgoing_options cafile=${o.upstreamCaFile}`
    )
  }
  lines.push(
    '# a CONNECT that is not TLS (undici and pnpm 11 CONNECT to http:// mirrors): tunnel it',
    'on_unsupported_protocol tunnel all',
    ''
  )
  if (o.hostsFile !== undefined) lines.push(`hosts_file ${o.hostsFile}`, '')

  lines.push(
    '# --- who may use the proxy, and to which ports',
    `acl runners src ${o.allowedNetworks.join(' ')}`,
    `acl SSL_ports port 443${o.extraSslPorts.map((value) => ` ${value}`).join('')}`,
    'acl Safe_ports port 80 443 1025-65535',
    'http_access deny !Safe_ports',
    '# clients CONNECT to https:// hosts and (undici, pnpm 11) to http:// ones: list those ports',
    'http_access deny CONNECT !SSL_ports',
    'http_access deny manager'
  )
  if (!o.allowLoopbackOrigins) lines.push('http_access deny to_localhost')
  lines.push('http_access allow runners', 'http_access deny all', '')

  lines.push(
    '# --- cache',
    `cache_mem ${o.cacheMemMb} MB`,
    `maximum_object_size ${o.maxObjectSizeMb} MB`,
    `cache_dir ufs ${o.cacheDir} ${o.cacheSizeMb} 16 256`,
    `coredump_dir ${o.cacheDir}`,
    '# many pods asking for the same uncached file at once: one upstream fetch, all wait for it',
    'collapsed_forwarding on',
    '# an ephemeral pod that dies mid-download: finish the fetch so the next pod gets a hit',
    'quick_abort_min -1 KB',
    '',
    '# --- freshness, first match wins (override-expire etc. violate HTTP on purpose: the file',
    '# names are versioned or content-addressed, so the bytes never change; squid warns)'
  )
  for (const pattern of refreshPatterns)
    lines.push(`# ${pattern.comment}`, `refresh_pattern ${pattern.rule}`)
  lines.push('')

  const logs: string[] = []
  if (o.logDir !== undefined)
    logs.push(
      `access_log stdio:${o.logDir}/access.log squid`,
      `cache_log ${o.logDir}/cache.log`,
      `cache_store_log none`
    )
  if (o.pidFile !== undefined) logs.push(`pid_filename ${o.pidFile}`)
  if (o.effectiveUser !== undefined) logs.push(`cache_effective_user ${o.effectiveUser}`)
  if (logs.length > 0) lines.push('# --- process', ...logs, '')

  return { 'squid.conf': lines.join('\n'), 'README.txt': readme(o) }
}

function readme(o: ReturnType<typeof normalise>): string {
  const steps = caGenerationSteps('Runner Package Cache Bump CA', {
    caCert: o.caCert,
    caKey: o.caKey,
    certDbDir: o.certDbDir,
    user: o.effectiveUser ?? 'proxy'
  })
  return [
    'squid.conf: a caching, TLS-intercepting proxy for package downloads (Debian squid-openssl).',
    '',
    '1. Install: apt-get install squid-openssl   (plain "squid" is built without OpenSSL and cannot bump)',
    '2. Create the bump CA and the certificate DB (once; keep the key secret, 0600):',
    ...steps.map((step) => `     ${step}`),
    `3. Copy squid.conf to /etc/squid/squid.conf, then: squid -k parse -f /etc/squid/squid.conf`,
    '   (warnings about override-expire/ignore-reload violating HTTP are expected), squid -z to',
    '   create the cache folders, and start (or restart) squid.',
    `4. Runners: proxy http://PROXY-HOST:${o.port} for both HTTP_PROXY and HTTPS_PROXY (http://,`,
    `   never https://), and trust ${o.caCert} — with runnerkit mirrors, put it under ca: in the`,
    '   config, so every replace-knob gets a bundle of the system CAs plus the bump CA.',
    '',
    `Bumped and cached: ${o.bumpHosts.join(' ')}`,
    `Spliced (tunnelled, origin certificate, not cached): ${o.spliceHosts.length > 0 ? `${o.spliceHosts.join(' ')} and ` : ''}every other host.`,
    'A registry that redirects blob downloads to a CDN (Docker Hub → production.cloudflare.docker.com)',
    'caches only when the CDN host is bumped too.',
    ''
  ].join('\n')
}

export interface CaPaths {
  caCert?: string
  caKey?: string
  certDbDir?: string
  /** Owner of the key and the DB (the user squid runs as; proxy on Debian). */
  user?: string
  days?: number
}

/** The shell commands that create the bump CA and initialise security_file_certgen's DB. */
export function caGenerationSteps(commonName: string, paths: CaPaths = {}): string[] {
  if (
    typeof commonName !== 'string' ||
    commonName.trim() === '' ||
    /[/\\"'$`\n\r=+,]/.test(commonName)
  )
    fail(
      'commonName',
      `expected a plain name (no / \\ quotes $ \` = + , or line breaks), got ${JSON.stringify(commonName)}`
    )
  const caCert = path(paths.caCert ?? squidDefaults.caCert, 'caCert')
  const caKey = path(paths.caKey ?? squidDefaults.caKey, 'caKey')
  const certDbDir = path(paths.certDbDir ?? squidDefaults.certDbDir, 'certDbDir')
  const user = paths.user ?? 'proxy'
  if (!/^[a-z_][a-z0-9_-]*$/.test(user))
    fail('user', `expected a user name, got ${JSON.stringify(user)}`)
  const days = paths.days ?? 825
  if (!Number.isInteger(days) || days < 1)
    fail('days', `expected a whole number of days, got ${days}`)
  return [
    `openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days ${days} -subj '/CN=${commonName.trim()}' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' -keyout ${caKey} -out ${caCert}`,
    `chown ${user}:${user} ${caKey} && chmod 600 ${caKey}`,
    `test -d ${certDbDir} || ${squidDefaults.certgen} -c -s ${certDbDir} -M 4MB`,
    `chown -R ${user}:${user} ${certDbDir}`
  ]
}
