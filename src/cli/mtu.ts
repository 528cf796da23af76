import { mkdir, readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { mtuConfigFileNames, renderMtuConfig, validateMtu } from '../runner/mtu/config.js'
import {
  probePathMtu,
  type PathMtuResult,
  type ProbeMethod,
  type ProbeOptions
} from '../runner/mtu/probe.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit mtu probe HOST [options]
       runnerkit mtu config --mtu N [options]

probe: measure the path MTU to HOST and tell a healthy path from a PMTU black hole (large
packets silently lost because ICMP "fragmentation needed" is dropped). Uses ping -M do (a
binary search from 552 bytes to the local MTU) and/or tracepath, neither needing root
(ping needs cap_net_raw or net.ipv4.ping_group_range; tracepath needs nothing).
Exits 1 on a black hole, and prints what to change.

  --method M          auto (default: ping, else tracepath), ping, tracepath or both
  --local-mtu N       the local MTU (default: the route's interface, from ip)
  --max-hops N        tracepath's hop limit (default 30; a black hole costs ~3 s a hop)
  --margin N          bytes nested container networks need below the path (default 50)
  --format F          table (default) or json

config: render the settings that give containers the MTU N: daemon.json (mtu and
default-network-opts, so the runner's per-job networks get it too), containers.conf
(pasta and slirp4netns), 99-runnerkit-mtu.conf (sysctl tcp_mtu_probing = 1),
docker-rootless.env (DOCKERD_ROOTLESS_ROOTLESSKIT_MTU) and the podman network command.

  --mtu N             the containers' MTU, 576 to 9000 (e.g. the pod MTU minus 50)
  --daemon-json FILE  merge into this daemon.json (other keys kept) and print the result
                      (alone, unless --out or --format json); FILE itself is not changed
  --out DIR           write the files into DIR (each atomically) instead of printing them
  --format F          text (default) or json
`

function whole(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text.trim()))
    throw new UserError(`${flag}: expected a whole number, got '${text}'`)
  return Number(text)
}

function formatFrom(text: string | undefined, allowed: string[]): string {
  const format = text ?? allowed[0]!
  if (!allowed.includes(format))
    throw new UserError(`--format: expected ${allowed.join(' or ')}, got '${format}'`)
  return format
}

export function formatProbeTable(result: PathMtuResult): string {
  const rows: Array<[string, string]> = [
    ['host', result.host],
    [
      'local MTU',
      `${result.localMtu}${result.localInterface !== undefined ? ` (${result.localInterface})` : ''}`
    ],
    ['path MTU', result.pathMtu !== undefined ? String(result.pathMtu) : 'not measured'],
    ['ICMP frag-needed', result.icmpSeen ? 'arrives' : 'not seen'],
    ['black hole', result.blackHole ? 'YES' : 'no'],
    ['method', result.method]
  ]
  const lines = rows.map(([name, value]) => `${name.padEnd(17)}${value}`)
  lines.push('', 'evidence:', ...result.evidence.map((line) => `  ${line}`))
  if (result.remedy !== '') {
    lines.push('', 'remedy:', ...result.remedy.split('\n').map((line) => `  ${line}`))
  }
  return `${lines.join('\n')}\n`
}

async function probe(args: string[], context: CliContext, probeOptions: ProbeOptions) {
  const { values, positionals } = parseCommandArgs('mtu', args, {
    method: { type: 'string' },
    'local-mtu': { type: 'string' },
    'max-hops': { type: 'string' },
    margin: { type: 'string' },
    format: { type: 'string' }
  })
  if (positionals.length !== 1) {
    throw new UserError(
      positionals.length === 0
        ? "give the HOST to probe; run 'runnerkit mtu --help' for usage"
        : `unexpected argument '${positionals[1]}'; run 'runnerkit mtu --help' for usage`
    )
  }
  const format = formatFrom(values.format, ['table', 'json'])
  const method = values.method ?? 'auto'
  if (!['auto', 'ping', 'tracepath', 'both'].includes(method))
    throw new UserError(`--method: expected auto, ping, tracepath or both, got '${method}'`)
  const localMtu = whole('--local-mtu', values['local-mtu'])
  if (localMtu !== undefined) validateMtu(localMtu, '--local-mtu')
  const maxHops = whole('--max-hops', values['max-hops'])
  if (maxHops !== undefined && (maxHops < 1 || maxHops > 255))
    throw new UserError(`--max-hops: expected 1 to 255, got ${maxHops}`)
  const margin = whole('--margin', values.margin)

  const result = await probePathMtu(positionals[0]!, {
    ...probeOptions,
    method: method as ProbeMethod,
    ...(localMtu !== undefined && { localMtu }),
    ...(maxHops !== undefined && { maxHops }),
    ...(margin !== undefined && { margin })
  })
  context.stdout(
    format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatProbeTable(result)
  )
  return result.blackHole ? 1 : 0
}

async function config(args: string[], context: CliContext) {
  const { values, positionals } = parseCommandArgs('mtu', args, {
    mtu: { type: 'string' },
    'daemon-json': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' }
  })
  if (positionals.length > 0)
    throw new UserError(
      `unexpected argument '${positionals[0]}'; run 'runnerkit mtu --help' for usage`
    )
  if (values.mtu === undefined) throw new UserError('--mtu: give the MTU the containers should use')
  const format = formatFrom(values.format, ['text', 'json'])
  const mtuText = values.mtu.trim()
  if (!/^\d+$/.test(mtuText))
    throw new UserError(`--mtu: expected a whole number from 576 to 9000, got '${values.mtu}'`)
  const mtu = validateMtu(Number(mtuText), '--mtu')

  let existing: string | undefined
  const daemonJson = values['daemon-json']
  if (daemonJson !== undefined) {
    try {
      existing = await readFile(resolve(context.cwd, daemonJson), 'utf8')
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error)
      throw new UserError(`--daemon-json: cannot read ${daemonJson} (${reason})`)
    }
  }
  const rendered = renderMtuConfig(mtu, existing, daemonJson)

  if (values.out !== undefined) {
    const dir = resolve(context.cwd, values.out)
    await mkdir(dir, { recursive: true })
    const written: string[] = []
    for (const name of mtuConfigFileNames) {
      const path = join(dir, name)
      await writeFileAtomic(path, rendered.files[name])
      written.push(path)
    }
    context.stdout(
      format === 'json'
        ? `${JSON.stringify({ ...rendered, written }, null, 2)}\n`
        : `${written.join('\n')}\n${rendered.podmanNetworkCommand}\n`
    )
    return 0
  }
  if (format === 'json') {
    context.stdout(`${JSON.stringify(rendered, null, 2)}\n`)
    return 0
  }
  if (daemonJson !== undefined) {
    context.stdout(rendered.files['daemon.json'])
    return 0
  }
  const places: Record<(typeof mtuConfigFileNames)[number], string> = {
    'daemon.json': '/etc/docker/daemon.json; rootless: ~/.config/docker/daemon.json',
    'containers.conf':
      '/etc/containers/containers.conf.d/99-runnerkit-mtu.conf or ~/.config/containers/containers.conf',
    '99-runnerkit-mtu.conf': '/etc/sysctl.d/',
    'docker-rootless.env': "the rootless dockerd's environment (systemd EnvironmentFile)"
  }
  const sections = mtuConfigFileNames.map(
    (name) => `# ${name} (${places[name]})\n${rendered.files[name]}`
  )
  sections.push(`# podman bridge network\n${rendered.podmanNetworkCommand}\n`)
  context.stdout(sections.join('\n'))
  return 0
}

/** The mtu command with its probe's commands run through `exec` (tests: inside a netns). */
export function mtuCommandWith(probeOptions: ProbeOptions = {}): Command {
  return {
    name: 'mtu',
    summary: 'probe the path MTU for black holes; render MTU settings for Docker and Podman',
    usage,
    async run(args, context) {
      const [action, ...rest] = args
      if (action === 'probe') return probe(rest, context, probeOptions)
      if (action === 'config') return config(rest, context)
      throw new UserError(
        action === undefined
          ? "give an action: probe or config; run 'runnerkit mtu --help' for usage"
          : `unknown action '${action}': expected probe or config; run 'runnerkit mtu --help' for usage`
      )
    }
  }
}

export const mtuCommand: Command = mtuCommandWith()
