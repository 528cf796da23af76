/**
 * Path-MTU probe: does the path to a host carry full-size packets, and when it does not, does
 * it say so (ICMP "fragmentation needed", which PMTU discovery needs) or drop them silently (a
 * black hole: small requests work, TLS handshakes and large responses hang)?
 *
 * Node cannot set DF on UDP, so the probe spawns iputils (reference/runtime-validation.md §5.5):
 * - `ping -M do -s N`: a binary search between 552 bytes and the local MTU. A black hole shows
 *   as silent loss above the path MTU while small packets pass; a healthy path answers with
 *   "Frag needed and DF set (mtu = 1450)" or, once learned, "local error: … mtu=1450".
 * - `tracepath -n` (UDP, needs no capability): `pmtu 1450 … reached` when ICMP arrives; `no
 *   reply` after the narrow hop when it is dropped, while packets of 552 bytes get through.
 *
 * Every command goes through `exec`, so tests (and callers) can run it elsewhere, e.g. inside a
 * network namespace.
 */
import { spawn } from 'node:child_process'
import { messageOf, UserError } from '../../errors.js'
import type { CommandResult } from '../checks/check.js'

export type Exec = (command: string, args: string[]) => Promise<CommandResult>
export type ProbeMethod = 'auto' | 'ping' | 'tracepath' | 'both'

export interface ProbeOptions {
  /** Runs a program; code 127 when it is not installed. Default: spawn it here. */
  exec?: Exec
  /** auto (default): ping, or tracepath when ping is missing or not permitted; both: ping and tracepath. */
  method?: ProbeMethod
  /** The MTU of the interface towards the host; default: from `ip route get` / `ip link`. */
  localMtu?: number
  /** tracepath's hop limit (-m). A black hole costs about 3 s for every hop past it. */
  maxHops?: number
  /** Bytes containers on a nested network need below the path MTU (for the remedy). */
  margin?: number
}

export interface PathMtuResult {
  host: string
  localMtu: number
  /** The interface the route to the host leaves by, when `ip` told. */
  localInterface?: string
  /** The largest packet (IP header included) that reaches the host; undefined when unmeasured. */
  pathMtu?: number
  /** Large DF packets are silently lost while small ones pass, and no frag-needed arrives. */
  blackHole: boolean
  /** The path reported its MTU by ICMP (or the kernel had learned it from ICMP). */
  icmpSeen: boolean
  method: 'ping' | 'tracepath' | 'ping+tracepath'
  /** What each probe showed, one line each. */
  evidence: string[]
  /** What to change, naming concrete settings; empty when nothing needs fixing. */
  remedy: string
}

export const minimumPathMtu = 552
const ipAndIcmpHeaders = 28

export const probePackages = { ping: 'iputils-ping', tracepath: 'iputils-tracepath' } as const

/** Spawns a program here; code 127 when it cannot be started (not installed). */
export const spawnExec: Exec = (command, args) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', (error) => resolve({ code: 127, stdout, stderr: stderr + error.message }))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })

// ---------------------------------------------------------------------------------------------
// Parsers (pure)

export interface PingOutcome {
  transmitted: number
  received: number
  /** "Frag needed and DF set (mtu = N)" from a router. */
  fragNeededMtu?: number
  /** The router that sent it. */
  fragNeededFrom?: string
  /** "local error: message too long, mtu=N": the kernel already knows the path MTU. */
  localErrorMtu?: number
  /** ping could not run (no raw socket, unknown host, …): its message. */
  error?: string
}

export function parsePing(result: CommandResult): PingOutcome {
  const text = `${result.stdout}\n${result.stderr}`
  const stats = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(text)
  const frag = /From (\S+)(?: icmp_seq=\d+)? Frag needed and DF set \(mtu = (\d+)\)/.exec(text)
  const local = /local error: [^\n]*?mtu=(\d+)/.exec(text)
  const outcome: PingOutcome = {
    transmitted: stats ? Number(stats[1]) : 0,
    received: stats ? Number(stats[2]) : 0,
    ...(frag && { fragNeededFrom: frag[1]!, fragNeededMtu: Number(frag[2]) }),
    ...(local && { localErrorMtu: Number(local[1]) })
  }
  if (!stats && !frag && !local) {
    const message = text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '')
    outcome.error = message ?? `exit ${result.code}`
  }
  return outcome
}

export interface TracepathHop {
  hop: number
  address?: string
  /** `pmtu N` printed on this hop's line: the path MTU dropped here (learned by ICMP). */
  pmtu?: number
  reached: boolean
  noReply: boolean
}

export interface TracepathOutcome {
  /** `[LOCALHOST] pmtu N`: the MTU the probes started with. */
  localPmtu?: number
  hops: TracepathHop[]
  reached: boolean
  /** `Resume: pmtu N`. */
  resumePmtu?: number
  hopCount?: number
}

export function parseTracepath(text: string): TracepathOutcome {
  const outcome: TracepathOutcome = { hops: [], reached: false }
  for (const line of text.split('\n')) {
    const local = /\[LOCALHOST\]\s+pmtu (\d+)/.exec(line)
    if (local) {
      outcome.localPmtu = Number(local[1])
      continue
    }
    const resume = /Resume: pmtu (\d+)(?: hops (\d+))?/.exec(line)
    if (resume) {
      outcome.resumePmtu = Number(resume[1])
      if (resume[2] !== undefined) outcome.hopCount = Number(resume[2])
      continue
    }
    const hop = /^\s*(\d+)\??:\s+(\S+)(.*)$/.exec(line)
    if (!hop) continue
    const noReply = hop[2] === 'no' && hop[3]!.trim().startsWith('reply')
    const pmtu = /pmtu (\d+)/.exec(hop[3]!)
    const reached = /\breached\b/.test(hop[3]!)
    outcome.hops.push({
      hop: Number(hop[1]),
      ...(!noReply && { address: hop[2]! }),
      ...(pmtu && { pmtu: Number(pmtu[1]) }),
      reached,
      noReply
    })
    if (reached) outcome.reached = true
  }
  return outcome
}

/** `ip -o route get HOST`: the device and a PMTU the kernel learned (`cache expires 596sec mtu 1450`). */
export function parseRouteGet(text: string): { device?: string; cachedMtu?: number } {
  const device = /\bdev (\S+)/.exec(text)
  const cached = /\bcache\b.*?\bmtu (\d+)/.exec(text)
  return {
    ...(device && { device: device[1]! }),
    ...(cached && { cachedMtu: Number(cached[1]) })
  }
}

/** `ip -o link show dev X`: `… mtu 1500 qdisc …`. */
export function parseLinkMtu(text: string): number | undefined {
  const match = /\bmtu (\d+)/.exec(text)
  return match ? Number(match[1]) : undefined
}

// ---------------------------------------------------------------------------------------------
// Probing

type SizeVerdict =
  | { kind: 'pass' }
  | { kind: 'too-big'; mtu: number; from?: string; local: boolean }
  | { kind: 'lost' }

class ProbeUnusable extends Error {}

function missingTool(tool: keyof typeof probePackages): UserError {
  const pkg = probePackages[tool]
  return new UserError(`${tool} is not installed: install ${pkg} (apt-get install ${pkg})`)
}

function pingArgs(host: string, size: number, count = 2): string[] {
  const payload = String(size - ipAndIcmpHeaders)
  return ['-n', '-M', 'do', '-s', payload, '-c', String(count), '-i', '0.2', '-W', '1', host]
}

async function pingSize(exec: Exec, host: string, size: number): Promise<SizeVerdict> {
  const result = await exec('ping', pingArgs(host, size))
  if (result.code === 127) throw missingTool('ping')
  const outcome = parsePing(result)
  if (outcome.received > 0) return { kind: 'pass' }
  if (outcome.fragNeededMtu !== undefined) {
    return {
      kind: 'too-big',
      mtu: outcome.fragNeededMtu,
      local: false,
      ...(outcome.fragNeededFrom !== undefined && { from: outcome.fragNeededFrom })
    }
  }
  if (outcome.localErrorMtu !== undefined)
    return { kind: 'too-big', mtu: outcome.localErrorMtu, local: true }
  if (outcome.error !== undefined) throw new ProbeUnusable(`ping: ${outcome.error}`)
  return { kind: 'lost' }
}

function describe(size: number, verdict: SizeVerdict): string {
  const probe = `ping -M do, ${size} bytes`
  switch (verdict.kind) {
    case 'pass':
      return `${probe}: answered`
    case 'lost':
      return `${probe}: lost, no ICMP "fragmentation needed" came back`
    case 'too-big':
      return verdict.local
        ? `${probe}: the kernel already knows the path MTU ${verdict.mtu} (learned from ICMP)`
        : `${probe}: "Frag needed and DF set (mtu = ${verdict.mtu})"${verdict.from !== undefined ? ` from ${verdict.from}` : ''}`
  }
}

interface Measured {
  pathMtu?: number
  icmpSeen: boolean
  blackHole: boolean
  evidence: string[]
}

async function probeWithPing(exec: Exec, host: string, localMtu: number): Promise<Measured> {
  const evidence: string[] = []
  const small = await pingSize(exec, host, minimumPathMtu)
  evidence.push(describe(minimumPathMtu, small))
  if (small.kind !== 'pass') {
    throw new ProbeUnusable(
      `ping: ${host} does not answer even ${minimumPathMtu}-byte packets (unreachable, or ICMP echo blocked)`
    )
  }
  const full = await pingSize(exec, host, localMtu)
  evidence.push(describe(localMtu, full))
  if (full.kind === 'pass')
    return { pathMtu: localMtu, icmpSeen: false, blackHole: false, evidence }

  let icmpSeen = false
  let low = minimumPathMtu
  let high = localMtu
  if (full.kind === 'too-big') {
    icmpSeen = true
    if (full.mtu < localMtu && full.mtu >= minimumPathMtu) {
      const reported = await pingSize(exec, host, full.mtu)
      evidence.push(describe(full.mtu, reported))
      if (reported.kind === 'pass')
        return { pathMtu: full.mtu, icmpSeen, blackHole: false, evidence }
      high = full.mtu
    }
  }
  // Large packets are lost (or the reported MTU does not hold): find the largest that passes.
  const steps: string[] = []
  while (high - low > 1) {
    const size = Math.floor((low + high) / 2)
    const verdict = await pingSize(exec, host, size)
    if (verdict.kind === 'too-big') icmpSeen = true
    steps.push(`${size} ${verdict.kind === 'pass' ? 'ok' : verdict.kind}`)
    if (verdict.kind === 'pass') low = size
    else high = size
  }
  evidence.push(`binary search (${steps.join(', ')}): ${low} bytes pass, ${high} do not`)
  return { pathMtu: low, icmpSeen, blackHole: !icmpSeen, evidence }
}

async function tracepath(exec: Exec, host: string, maxHops: number, length?: number) {
  const args = [
    '-n',
    '-m',
    String(maxHops),
    ...(length !== undefined ? ['-l', String(length)] : [])
  ]
  const result = await exec('tracepath', [...args, host])
  if (result.code === 127) throw missingTool('tracepath')
  const outcome = parseTracepath(result.stdout)
  if (outcome.hops.length === 0 && outcome.localPmtu === undefined) {
    const message = `${result.stderr}\n${result.stdout}`.trim().split('\n')[0] ?? ''
    throw new ProbeUnusable(`tracepath: ${message || `exit ${result.code}`}`)
  }
  return outcome
}

function lastAnswering(outcome: TracepathOutcome): TracepathHop | undefined {
  return outcome.hops.filter((hop) => !hop.noReply).at(-1)
}

async function probeWithTracepath(
  exec: Exec,
  host: string,
  localMtu: number,
  maxHops: number
): Promise<Measured & { localPmtu?: number }> {
  const evidence: string[] = []
  const full = await tracepath(exec, host, maxHops)
  const learned = full.hops.filter((hop) => hop.pmtu !== undefined && hop.pmtu < localMtu)
  const icmpSeen = learned.length > 0
  const start = full.localPmtu ?? localMtu
  const localPmtu = full.localPmtu !== undefined ? { localPmtu: full.localPmtu } : {}
  for (const hop of learned) {
    evidence.push(`tracepath: pmtu ${hop.pmtu} learned at hop ${hop.hop} (ICMP arrived)`)
  }
  if (full.reached) {
    const pathMtu = full.resumePmtu ?? learned.at(-1)?.pmtu ?? start
    evidence.push(
      `tracepath: ${host} reached in ${full.hopCount ?? full.hops.at(-1)?.hop} hops, pmtu ${pathMtu}`
    )
    return { pathMtu, icmpSeen, blackHole: false, evidence, ...localPmtu }
  }
  const last = lastAnswering(full)
  evidence.push(
    `tracepath: no reply after hop ${last?.hop ?? 0}${last?.address !== undefined ? ` (${last.address})` : ''} with ${full.resumePmtu ?? start}-byte probes`
  )
  const small = await tracepath(exec, host, maxHops, minimumPathMtu)
  if (!small.reached) {
    throw new UserError(
      `tracepath does not reach ${host} even with ${minimumPathMtu}-byte probes (unreachable, or UDP probes filtered): cannot judge its path MTU; try --method ping`
    )
  }
  evidence.push(
    `tracepath -l ${minimumPathMtu}: ${host} reached in ${small.hopCount ?? small.hops.at(-1)?.hop} hops, so large packets vanish where small ones pass`
  )
  return { icmpSeen, blackHole: !icmpSeen, evidence, ...localPmtu }
}

async function localRoute(
  exec: Exec,
  host: string
): Promise<{ device?: string; mtu?: number; cachedMtu?: number }> {
  const route = await exec('ip', ['-o', 'route', 'get', host])
  if (route.code !== 0) return {}
  const { device, cachedMtu } = parseRouteGet(route.stdout)
  if (device === undefined) return {}
  const link = await exec('ip', ['-o', 'link', 'show', 'dev', device])
  const mtu = link.code === 0 ? parseLinkMtu(link.stdout) : undefined
  return {
    device,
    ...(mtu !== undefined && { mtu }),
    ...(cachedMtu !== undefined && { cachedMtu })
  }
}

/** The MTU the kernel would send with, from ping's "local error" for an oversized DF packet. */
async function localMtuFromPing(exec: Exec, host: string): Promise<number | undefined> {
  const result = await exec('ping', pingArgs(host, 65_000, 1))
  if (result.code === 127) return undefined
  return parsePing(result).localErrorMtu
}

export function pathMtuRemedy(result: Omit<PathMtuResult, 'remedy'>, margin = 50): string {
  const { host, pathMtu, localMtu } = result
  const dev = result.localInterface ?? 'DEV'
  if (result.blackHole) {
    const mtu = pathMtu ?? 'PMTU'
    const mss = pathMtu !== undefined ? pathMtu - 40 : 'PMTU-40'
    const inner = pathMtu !== undefined ? pathMtu - margin : `PMTU-${margin}`
    return [
      `ICMP "fragmentation needed" never arrives, so TCP to ${host} hangs once packets exceed ${pathMtu ?? 'the path MTU'} bytes${pathMtu === undefined ? ' (measure it with --method ping)' : ''}. Fix one of:`,
      `- lower the MTU: ip link set dev ${dev} mtu ${mtu} (in Kubernetes: the CNI's MTU for the pod network)`,
      `- or advertise a smaller MSS for downloads: ip route change <the route to ${host}> advmss ${mss}, or iptables -t mangle -A OUTPUT -p tcp --tcp-flags SYN,RST SYN -j TCPMSS --set-mss ${mss} (FORWARD too for containers)`,
      `- uploads (docker push, artifacts) also recover with sysctl -w net.ipv4.tcp_mtu_probing=1`,
      `- give containers ${inner}: runnerkit mtu config --mtu ${inner} (Docker daemon.json mtu and default-network-opts, rootless DOCKERD_ROOTLESS_ROOTLESSKIT_MTU, Podman pasta/slirp4netns and network mtu)`,
      `- best: let the network pass ICMP type 3 code 4 (IPv6: type 2 "Packet Too Big")`
    ].join('\n')
  }
  if (pathMtu !== undefined && pathMtu < localMtu) {
    const inner = pathMtu - margin
    return `PMTU discovery works (ICMP arrives): connections to ${host} settle at ${pathMtu} bytes. Containers on a nested network need ${inner} or less: runnerkit mtu config --mtu ${inner}`
  }
  return ''
}

/**
 * Measures the path MTU to `host` and tells a healthy path (full-size packets pass, or the path
 * reports its MTU by ICMP) from a black hole. A missing ping/tracepath is a UserError naming the
 * Debian package; so is a host that answers nothing at all.
 */
export async function probePathMtu(
  host: string,
  options: ProbeOptions = {}
): Promise<PathMtuResult> {
  const exec = options.exec ?? spawnExec
  const method = options.method ?? 'auto'
  const maxHops = options.maxHops ?? 30
  if (host.trim() === '' || host.startsWith('-')) throw new UserError(`not a host: '${host}'`)

  const evidence: string[] = []
  const route = options.localMtu === undefined ? await localRoute(exec, host) : {}
  let localMtu = options.localMtu ?? route.mtu
  if (route.device !== undefined)
    evidence.push(`route to ${host} leaves by ${route.device}, MTU ${route.mtu ?? 'unknown'}`)
  if (route.cachedMtu !== undefined)
    evidence.push(`the kernel holds a learned path MTU ${route.cachedMtu} for ${host} (from ICMP)`)
  if (localMtu === undefined && method !== 'tracepath')
    localMtu = await localMtuFromPing(exec, host)

  let measured: Measured | undefined
  let used: PathMtuResult['method'] = 'ping'
  if (method !== 'tracepath') {
    try {
      measured = await probeWithPing(exec, host, localMtu ?? 1500)
      localMtu ??= 1500
    } catch (error) {
      const fallback =
        method === 'auto' && (error instanceof ProbeUnusable || isMissing(error, 'ping'))
      if (!fallback)
        throw error instanceof ProbeUnusable
          ? new UserError(`${error.message}: cannot measure the path MTU; try --method tracepath`)
          : error
      evidence.push(`${messageOf(error)}; using tracepath`)
    }
  }
  if (measured === undefined || method === 'both') {
    let traced: Awaited<ReturnType<typeof probeWithTracepath>>
    try {
      traced = await probeWithTracepath(exec, host, localMtu ?? 1500, maxHops)
    } catch (error) {
      if (error instanceof ProbeUnusable) throw new UserError(error.message)
      if (method === 'auto' && isMissing(error, 'tracepath'))
        throw new UserError(
          `neither ping nor tracepath can run: install ${probePackages.ping} or ${probePackages.tracepath}`
        )
      throw error
    }
    localMtu ??= traced.localPmtu ?? 1500
    if (measured === undefined) {
      measured = traced
      used = 'tracepath'
    } else {
      measured.evidence.push(...traced.evidence)
      measured.icmpSeen ||= traced.icmpSeen
      used = 'ping+tracepath'
    }
  }
  const icmpSeen = measured.icmpSeen || route.cachedMtu !== undefined
  const result: Omit<PathMtuResult, 'remedy'> = {
    host,
    localMtu: localMtu ?? 1500,
    ...(route.device !== undefined && { localInterface: route.device }),
    ...(measured.pathMtu !== undefined && { pathMtu: measured.pathMtu }),
    blackHole: measured.blackHole && !icmpSeen,
    icmpSeen,
    method: used,
    evidence: [...evidence, ...measured.evidence]
  }
  return { ...result, remedy: pathMtuRemedy(result, options.margin) }
}

function isMissing(error: unknown, tool: keyof typeof probePackages): boolean {
  return error instanceof UserError && error.message.startsWith(`${tool} is not installed`)
}
