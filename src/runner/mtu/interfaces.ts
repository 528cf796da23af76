/**
 * The machine's own MTU facts, read the way an unprivileged process can (verified as `nobody`,
 * reference/runtime-validation.md §7.1): interface MTUs from /sys/class/net/<name>/mtu, the
 * default route from /proc/net/route and net.ipv4.tcp_mtu_probing from /proc/sys. All of them
 * describe the network namespace of the reading process, i.e. the pod's.
 *
 * Parsers are pure; readers take a `readFile` (LiveContext's, or the file system under a root).
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'

export interface InterfaceMtu {
  name: string
  mtu: number
}

export interface RouteEntry {
  interface: string
  /** Dotted IPv4 addresses (the file holds them as little-endian hex). */
  destination: string
  gateway: string
  mask: string
  flags: number
  metric: number
  /** The route's own MTU (0: none, the interface's applies). */
  mtu: number
}

export interface NetworkFacts {
  interfaces: InterfaceMtu[]
  /** The interface of the lowest-metric default route; undefined without one. */
  defaultInterface?: string
  /** 0, 1 or 2; undefined when the file cannot be read. */
  tcpMtuProbing?: number
}

export type ReadFile = (path: string) => Promise<string | undefined>
/** Entry names of a directory; undefined when it does not exist. */
export type ListDir = (path: string) => Promise<string[] | undefined>

const routeUp = 0x1

/** `0101C80A` → `10.200.1.1`: /proc/net/route prints addresses in host (little-endian) order. */
function hexToIpv4(hex: string): string {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return hex
  const bytes = [6, 4, 2, 0].map((at) => parseInt(hex.slice(at, at + 2), 16))
  return bytes.join('.')
}

/** Rows of /proc/net/route (header skipped, malformed rows ignored). */
export function parseProcNetRoute(text: string): RouteEntry[] {
  const routes: RouteEntry[] = []
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/)
    if (fields.length < 8) continue
    const [name, destination, gateway, flags, , , metric, mask, mtu] = fields
    if (!/^[0-9A-Fa-f]+$/.test(flags ?? '')) continue
    routes.push({
      interface: name!,
      destination: hexToIpv4(destination!),
      gateway: hexToIpv4(gateway!),
      mask: hexToIpv4(mask!),
      flags: parseInt(flags!, 16),
      metric: Number(metric) || 0,
      mtu: Number(mtu) || 0
    })
  }
  return routes
}

/** The interface of the default route (0.0.0.0/0, up) with the lowest metric. */
export function defaultRouteInterface(text: string): string | undefined {
  const defaults = parseProcNetRoute(text).filter(
    (route) =>
      route.destination === '0.0.0.0' && route.mask === '0.0.0.0' && (route.flags & routeUp) !== 0
  )
  defaults.sort((a, b) => a.metric - b.metric)
  return defaults[0]?.interface
}

/** Interface names from /proc/net/dev (`  eth0: 1234 …`), in the file's order. */
export function parseProcNetDev(text: string): string[] {
  const names: string[] = []
  for (const line of text.split('\n')) {
    const match = /^\s*([^\s:]+):/.exec(line)
    if (match) names.push(match[1]!)
  }
  return names
}

/** A whole number from a one-value file (`1450\n`); undefined for anything else. */
export function parseWholeNumber(text: string | undefined): number | undefined {
  const value = text?.trim() ?? ''
  return /^\d+$/.test(value) ? Number(value) : undefined
}

/**
 * Every interface's MTU, from /sys/class/net/<name>/mtu. The names come from listing
 * /sys/class/net when a ListDir is given, else from /proc/net/dev (a plain readFile suffices);
 * an interface whose mtu file is unreadable is left out.
 */
export async function readInterfaceMtus(
  readFile: ReadFile,
  listDir?: ListDir
): Promise<InterfaceMtu[]> {
  const names =
    (await listDir?.('/sys/class/net')) ?? parseProcNetDev((await readFile('/proc/net/dev')) ?? '')
  const interfaces: InterfaceMtu[] = []
  for (const name of names) {
    const mtu = parseWholeNumber(await readFile(`/sys/class/net/${name}/mtu`))
    if (mtu !== undefined) interfaces.push({ name, mtu })
  }
  return interfaces.sort((a, b) => a.name.localeCompare(b.name))
}

export async function readNetworkFacts(
  readFile: ReadFile,
  listDir?: ListDir
): Promise<NetworkFacts> {
  const interfaces = await readInterfaceMtus(readFile, listDir)
  const defaultInterface = defaultRouteInterface((await readFile('/proc/net/route')) ?? '')
  const tcpMtuProbing = parseWholeNumber(await readFile('/proc/sys/net/ipv4/tcp_mtu_probing'))
  return {
    interfaces,
    ...(defaultInterface !== undefined && { defaultInterface }),
    ...(tcpMtuProbing !== undefined && { tcpMtuProbing })
  }
}

/** A ReadFile over the file system below `root` ('/' for the machine itself, a fixture dir in tests). */
export function rootedReadFile(root = '/'): ReadFile {
  return async (path) => {
    try {
      return await fs.readFile(join(root, path), 'utf8')
    } catch {
      return undefined
    }
  }
}

export function rootedListDir(root = '/'): ListDir {
  return async (path) => {
    try {
      return (await fs.readdir(join(root, path))).sort()
    } catch {
      return undefined
    }
  }
}
