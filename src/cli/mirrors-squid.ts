/**
 * `runnerkit mirrors squid --config FILE --out DIR`: renders a squid.conf (squid-openssl) that
 * caches the package downloads of the runner pods, from the same mirror config the pods use.
 * The mirrors' hosts become the bumped (cached) hosts unless --bump-host names others; their
 * ports are allowed for CONNECT; the proxy port comes from the config's proxy URL.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { isUserError, UserError } from '../errors.js'
import { loadMirrorConfig, type MirrorConfig } from '../mirrors/config.js'
import { renderSquid, squidDefaults, type SquidOptions } from '../mirrors/squid.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import { parseCommandArgs } from './args.js'
import type { CliContext } from './command.js'

export interface SquidFlags {
  /** Folder the files are written into (created when missing). */
  out: string
  port?: number
  listenAddress?: string
  /** Replace the bump list (default: the config's mirror hosts, else public package hosts). */
  bumpHosts?: string[]
  spliceHosts?: string[]
  /** CIDRs allowed to use the proxy (default: the private ranges). */
  allowedNetworks?: string[]
  /** Added to the ports taken from the config's mirror URLs. */
  extraSslPorts?: number[]
  caCert?: string
  caKey?: string
  cacheDir?: string
  certDbDir?: string
  cacheSizeMb?: number
  maxObjectSizeMb?: number
  hostsFile?: string
  /** Where upstream-ca.pem (the config's ca) will live on the proxy host. */
  upstreamCaPath?: string
}

export const defaultUpstreamCaPath = '/etc/squid/runnerkit-upstream-ca.pem'

/** Every URL the config points package managers at. */
function mirrorUrls(config: MirrorConfig | undefined): string[] {
  const mirrors = config?.mirrors ?? {}
  const urls: Array<string | undefined> = [
    mirrors.pypi,
    mirrors.npm,
    mirrors.yarn,
    mirrors.go,
    mirrors.maven,
    mirrors.gradle,
    mirrors.nuget,
    mirrors.rubygems,
    mirrors.conda,
    mirrors.cargo?.replace(/^sparse\+/, ''),
    mirrors.apt?.url,
    mirrors.apt?.securityUrl,
    ...(mirrors.dnf ?? []).flatMap((repo) => [repo.baseurl, repo.gpgkey]),
    ...(mirrors.apk ?? []),
    ...Object.values(mirrors.git ?? {}),
    ...Object.values(mirrors.helm ?? {}),
    // registries speak https (a host[:port][/path] in the config)
    ...Object.values(mirrors.containers ?? {}).flatMap((hosts) =>
      hosts.map((host) => `https://${host}`)
    )
  ]
  return urls.filter((url): url is string => url !== undefined && /^https?:\/\//.test(url))
}

/** Hosts of the config's https mirrors (what is bumped and cached by default). */
export function mirrorHosts(config: MirrorConfig | undefined): string[] {
  const hosts = mirrorUrls(config)
    .map((url) => new URL(url))
    .filter((url) => url.protocol === 'https:' && !/^\[|^\d+\.\d+\.\d+\.\d+$/.test(url.hostname))
    .map((url) => url.hostname.toLowerCase())
  return [...new Set(hosts)].sort()
}

/**
 * Ports clients CONNECT to: https mirrors off 443, and http mirrors (undici and pnpm 11 tunnel
 * http:// through CONNECT too, which squid's stock SSL_ports rule would deny).
 */
export function mirrorPorts(config: MirrorConfig | undefined): number[] {
  const ports = mirrorUrls(config).map((text) => {
    const url = new URL(text)
    return Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  })
  return [...new Set(ports)].filter((port) => port !== 443).sort((a, b) => a - b)
}

function proxyPort(config: MirrorConfig | undefined): number | undefined {
  for (const text of [config?.proxy?.https, config?.proxy?.http]) {
    if (text === undefined) continue
    const url = new URL(text)
    if (url.port !== '') return Number(url.port)
  }
  return undefined
}

/** The renderer's options for a config and flags (flags win; defaults fill the rest). */
export function squidOptionsFor(
  config: MirrorConfig | undefined,
  flags: Omit<SquidFlags, 'out'>
): SquidOptions {
  const fromConfig = mirrorHosts(config)
  const options: SquidOptions = {
    port: flags.port ?? proxyPort(config) ?? squidDefaults.port,
    cacheDir: flags.cacheDir ?? squidDefaults.cacheDir,
    caCert: flags.caCert ?? squidDefaults.caCert,
    caKey: flags.caKey ?? squidDefaults.caKey,
    certDbDir: flags.certDbDir ?? squidDefaults.certDbDir,
    bumpHosts:
      flags.bumpHosts ?? (fromConfig.length > 0 ? fromConfig : [...squidDefaults.bumpHosts]),
    spliceHosts: flags.spliceHosts ?? [...squidDefaults.spliceHosts],
    allowedNetworks: flags.allowedNetworks ?? [...squidDefaults.allowedNetworks],
    extraSslPorts: [...mirrorPorts(config), ...(flags.extraSslPorts ?? [])]
  }
  if (flags.listenAddress !== undefined) options.listenAddress = flags.listenAddress
  if (flags.cacheSizeMb !== undefined) options.cacheSizeMb = flags.cacheSizeMb
  if (flags.maxObjectSizeMb !== undefined) options.maxObjectSizeMb = flags.maxObjectSizeMb
  if (flags.hostsFile !== undefined) options.hostsFile = flags.hostsFile
  if (config?.ca !== undefined)
    options.upstreamCaFile = flags.upstreamCaPath ?? defaultUpstreamCaPath
  return options
}

/** Renderer field → the flag that sets it, so errors name what the user typed. */
const flagOf: Record<string, string> = {
  port: '--port',
  listenAddress: '--listen',
  bumpHosts: '--bump-host',
  spliceHosts: '--splice-host',
  allowedNetworks: '--allow',
  extraSslPorts: '--ssl-port',
  caCert: '--ca-cert',
  caKey: '--ca-key',
  cacheDir: '--cache-dir',
  certDbDir: '--cert-db',
  cacheSizeMb: '--cache-size-mb',
  maxObjectSizeMb: '--max-object-size-mb',
  hostsFile: '--hosts-file',
  upstreamCaFile: '--upstream-ca-path'
}

/**
 * Renders squid.conf and README.txt (plus upstream-ca.pem when the config has a ca: squid
 * trusts it for mirrors signed by the company CA) into flags.out, each written atomically.
 * Returns the paths written.
 */
export async function renderSquidFiles(
  config: MirrorConfig | undefined,
  flags: SquidFlags
): Promise<string[]> {
  if (typeof flags.out !== 'string' || flags.out === '') throw new UserError('give --out DIR')
  let files: Record<string, string>
  try {
    files = { ...renderSquid(squidOptionsFor(config, flags)) }
  } catch (error) {
    if (!isUserError(error)) throw error
    const renamed = error.message.replace(
      /^squid: (\w+): /,
      (whole, field: string) => `${flagOf[field] ?? field}: `
    )
    throw new UserError(renamed)
  }
  if (config?.ca !== undefined) {
    files['upstream-ca.pem'] = config.ca.pem
    files['README.txt'] +=
      `\nupstream-ca.pem: the config's CA (${config.ca.source}); copy it to ${flags.upstreamCaPath ?? defaultUpstreamCaPath} on the proxy host (squid trusts it for upstream TLS, besides the system store).\n`
  }
  const out = resolve(flags.out)
  await mkdir(out, { recursive: true })
  const written: string[] = []
  for (const [name, text] of Object.entries(files)) {
    const path = join(out, name)
    await writeFileAtomic(path, text)
    written.push(path)
  }
  return written
}

export const squidUsage = `Usage: runnerkit mirrors squid [--config FILE] --out DIR [options]

Render a squid.conf for Debian's squid-openssl that caches package downloads for the runner pods:
package hosts are bumped (TLS intercepted with a bump CA the runners trust, so bodies can be
cached), every other host is spliced (tunnelled untouched). Writes squid.conf and README.txt
(the CA and start-up steps) into DIR.

Options:
  --config FILE               the mirror config: its https mirror hosts are bumped, its mirror
                              ports allowed for CONNECT, its proxy URL's port used
  --out DIR                   where the files go (created when missing)
  --port N                    listening port (default: the config's proxy port, else 3128)
  --listen ADDRESS            listen on one address only
  --bump-host HOST            bump and cache HOST (.example.org: and subdomains); repeatable or
                              comma-separated; replaces the config's hosts
  --splice-host HOST          never bump HOST; repeatable
  --allow CIDR                clients allowed (default 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16)
  --ssl-port N                another port clients may CONNECT to; repeatable
  --ca-cert FILE, --ca-key FILE   the bump CA on the proxy host (default /etc/squid/bump-ca.*)
  --cache-dir DIR             disk cache (default /var/spool/squid)
  --cert-db DIR               certificate DB (default /var/spool/squid/ssl_db)
  --cache-size-mb N           disk cache size (default 20000)
  --max-object-size-mb N      largest cached object (default 4096)
  --hosts-file FILE           a hosts file squid resolves from first
  --upstream-ca-path FILE     where upstream-ca.pem (the config's ca) goes on the proxy host
`

function list(values: string[] | undefined): string[] | undefined {
  return values?.flatMap((value) => value.split(',')).map((value) => value.trim())
}

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value.trim())) throw new UserError(`${flag}: expected a number, got '${value}'`)
  return Number(value)
}

/** The `mirrors squid` subcommand: parses its flags and calls renderSquidFiles. */
export async function squidSubcommand(args: string[], context: CliContext): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    context.stdout(squidUsage)
    return 0
  }
  const { values, positionals } = parseCommandArgs('mirrors squid', args, {
    config: { type: 'string' },
    out: { type: 'string' },
    port: { type: 'string' },
    listen: { type: 'string' },
    'bump-host': { type: 'string', multiple: true },
    'splice-host': { type: 'string', multiple: true },
    allow: { type: 'string', multiple: true },
    'ssl-port': { type: 'string', multiple: true },
    'ca-cert': { type: 'string' },
    'ca-key': { type: 'string' },
    'cache-dir': { type: 'string' },
    'cert-db': { type: 'string' },
    'cache-size-mb': { type: 'string' },
    'max-object-size-mb': { type: 'string' },
    'hosts-file': { type: 'string' },
    'upstream-ca-path': { type: 'string' }
  })
  if (positionals.length > 0)
    throw new UserError(
      `unexpected argument '${positionals[0]}'; run 'runnerkit mirrors squid --help'`
    )
  if (values.out === undefined) throw new UserError('squid: give --out DIR')
  const config =
    values.config === undefined ? undefined : loadMirrorConfig(resolve(context.cwd, values.config))
  const flags: SquidFlags = { out: resolve(context.cwd, values.out) }
  const set = <K extends keyof SquidFlags>(key: K, value: SquidFlags[K] | undefined) => {
    if (value !== undefined) flags[key] = value
  }
  set('port', integer(values.port, '--port'))
  set('listenAddress', values.listen)
  set('bumpHosts', list(values['bump-host']))
  set('spliceHosts', list(values['splice-host']))
  set('allowedNetworks', list(values.allow))
  set(
    'extraSslPorts',
    list(values['ssl-port'])?.map((value) => integer(value, '--ssl-port') ?? 0)
  )
  set('caCert', values['ca-cert'])
  set('caKey', values['ca-key'])
  set('cacheDir', values['cache-dir'])
  set('certDbDir', values['cert-db'])
  set('cacheSizeMb', integer(values['cache-size-mb'], '--cache-size-mb'))
  set('maxObjectSizeMb', integer(values['max-object-size-mb'], '--max-object-size-mb'))
  set('hostsFile', values['hosts-file'])
  set('upstreamCaPath', values['upstream-ca-path'])
  const written = await renderSquidFiles(config, flags)
  for (const path of written) context.stdout(`${path}\n`)
  return 0
}
