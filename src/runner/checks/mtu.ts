/**
 * mtu: the MTUs inside the runner's pod fit the pod's network. Containers started by Docker or
 * Podman inside the pod sit on a nested network; when their MTU is not below the pod's (by the
 * margin an inner bridge or tunnel needs), large packets are lost behind networks that drop
 * ICMP, and jobs hang without an error (reference/runtime-validation.md §5).
 *
 * One result per finding: the interfaces (always), each engine setting, Docker's `mtu` without
 * default-network-opts (the runner's per-job networks never see it), rootless namespaces left
 * at 65520, and net.ipv4.tcp_mtu_probing.
 */
import {
  readEngineMtuConfig,
  rootlessDefaultMtu,
  rootlessKitMtuVariable,
  type MtuSetting
} from '../mtu/engines.js'
import { readNetworkFacts } from '../mtu/interfaces.js'
import { checkResult, type CheckResult, type LiveCheck, type LiveContext } from './check.js'

/** A LiveContext that can list directories itself; otherwise `ls` is run through context.run. */
export type MtuContext = LiveContext

const id = 'mtu'
const title = 'MTU'
const dockerDefaultMtu = 1500

function result(
  status: CheckResult['status'],
  reason: string,
  fix?: string,
  details?: Record<string, unknown>
): CheckResult {
  return checkResult(id, title, status, reason, fix, details)
}

/** The exact setting that gives `setting`'s place the MTU `mtu`. */
export function settingFix(setting: MtuSetting, mtu: number): string {
  switch (setting.key) {
    case 'mtu':
      return `set "mtu": ${mtu} in ${setting.source} and restart dockerd`
    case 'pasta_options --mtu':
      return `set pasta_options = ["--mtu", "${mtu}"] under [network] in ${setting.source}`
    case 'network_cmd_options mtu':
      return `set network_cmd_options = ["mtu=${mtu}"] under [engine] in ${setting.source}`
    case rootlessKitMtuVariable:
      return `start dockerd-rootless.sh with ${rootlessKitMtuVariable}=${mtu}`
  }
  if (setting.scope === 'network') {
    const name = setting.network ?? 'NAME'
    return `recreate the network: podman network rm ${name} && podman network create --opt mtu=${mtu} ${name}`
  }
  return `set "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "${mtu}"}} in ${setting.source} and restart dockerd`
}

function where(setting: MtuSetting): string {
  const network = setting.network !== undefined ? ` (network ${setting.network})` : ''
  return setting.source === setting.key
    ? setting.key
    : `${setting.source}: ${setting.key}${network}`
}

async function succeeds(context: LiveContext, command: string, args: string[]) {
  return (await context.run(command, args)).code === 0
}

async function rootlessDockerPresent(context: LiveContext, daemonJson: boolean): Promise<boolean> {
  const runtimeDir = context.env.XDG_RUNTIME_DIR
  const host = context.env.DOCKER_HOST ?? ''
  if (host.startsWith('unix:///run/user/')) return true
  if (runtimeDir && host.startsWith(`unix://${runtimeDir}/`)) return true
  if (daemonJson || context.env[rootlessKitMtuVariable] !== undefined) return true
  return runtimeDir !== undefined && (await context.stat(`${runtimeDir}/docker.sock`)) !== undefined
}

export const mtuCheck: LiveCheck = {
  id,
  title,
  async check(context): Promise<CheckResult[]> {
    const results: CheckResult[] = []
    const readFile = context.readFile.bind(context)
    const listDir = context.listDir.bind(context)
    const facts = await readNetworkFacts(readFile, listDir)
    const { expected } = context
    const routeMtu = facts.interfaces.find((entry) => entry.name === facts.defaultInterface)?.mtu
    const podMtu = expected.podMtu ?? routeMtu
    const margin = expected.mtuMargin
    const limit = podMtu !== undefined ? podMtu - margin : undefined
    const summary = {
      interfaces: facts.interfaces,
      defaultInterface: facts.defaultInterface,
      podMtu,
      podMtuFrom: expected.podMtu !== undefined ? 'expected' : 'default route',
      margin,
      limit
    }

    if (facts.interfaces.length === 0) {
      results.push(
        result(
          'warn',
          'cannot read any interface MTU (/proc/net/dev, /sys/class/net/*/mtu)',
          'run the check where /sys and /proc are mounted (they are in a normal pod)',
          summary
        )
      )
    } else {
      const list = facts.interfaces
        .map(
          ({ name, mtu }) =>
            `${name} ${mtu}${name === facts.defaultInterface ? ' (default route)' : ''}`
        )
        .join(', ')
      results.push(result('pass', `interface MTUs: ${list}`, undefined, summary))
    }

    if (podMtu === undefined) {
      results.push(
        result(
          'warn',
          'no default route and no expected pod MTU: cannot tell what the containers must stay below',
          "give the pod's MTU (pod-mtu input, or --pod-mtu)",
          summary
        )
      )
    } else if (
      expected.podMtu !== undefined &&
      routeMtu !== undefined &&
      facts.defaultInterface !== undefined &&
      routeMtu > expected.podMtu
    ) {
      results.push(
        result(
          'warn',
          `${facts.defaultInterface} has MTU ${routeMtu}, above the expected pod MTU ${expected.podMtu}: packets between the two sizes are lost where ICMP is dropped`,
          `set the pod network's MTU (the CNI's) to ${expected.podMtu}, or ip link set dev ${facts.defaultInterface} mtu ${expected.podMtu}`,
          summary
        )
      )
    }

    // Bridges of engines that are already running (docker0, per-job br-…, podman…, cni…).
    if (limit !== undefined) {
      for (const entry of facts.interfaces) {
        if (!/^(docker\d+|br-[0-9a-f]+|podman\d*|cni-podman\d+|cni\d+)$/.test(entry.name)) continue
        if (entry.mtu <= limit) continue
        results.push(
          result(
            'warn',
            `container bridge ${entry.name} has MTU ${entry.mtu}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
            `configure the engine's MTU (runnerkit mtu config --mtu ${limit}) and recreate the network`,
            { interface: entry.name, mtu: entry.mtu, limit }
          )
        )
      }
    }

    const engines = await readEngineMtuConfig(readFile, listDir, context.env)
    for (const problem of engines.problems) {
      results.push(
        result(
          'fail',
          `${problem.source}: ${problem.message}`,
          `fix ${problem.source}: the engine refuses or ignores it`,
          { ...problem }
        )
      )
    }
    for (const setting of engines.settings) {
      const details = { ...setting, podMtu, margin, limit }
      if (limit === undefined) {
        results.push(result('pass', `${where(setting)} = ${setting.value}`, undefined, details))
      } else if (setting.value > limit) {
        results.push(
          result(
            'fail',
            `${where(setting)} = ${setting.value}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
            settingFix(setting, limit),
            details
          )
        )
      } else {
        results.push(
          result('pass', `${where(setting)} = ${setting.value} (≤ ${limit})`, undefined, details)
        )
      }
    }

    const dockerSources = new Set(
      engines.settings.filter((setting) => setting.scope === 'default-bridge').map((s) => s.source)
    )
    for (const source of dockerSources) {
      const reachesNew = engines.settings.some(
        (setting) => setting.source === source && setting.scope === 'new-networks'
      )
      if (reachesNew) continue
      const mtu = engines.settings.find((s) => s.source === source && s.scope === 'default-bridge')!
      results.push(
        result(
          'warn',
          `${source} sets "mtu" without default-network-opts: it reaches the default bridge only, not the networks the runner creates for container jobs and services`,
          settingFix(
            { ...mtu, key: 'default-network-opts', scope: 'new-networks' },
            limit ?? mtu.value
          ),
          { source }
        )
      )
    }

    const dockerJson = engines.files.filter((file) => file.endsWith('/docker/daemon.json'))
    const rootfulDockerSet = engines.settings.some(
      (setting) =>
        setting.engine === 'docker' && !setting.rootless && setting.scope !== 'rootless-namespace'
    )
    const rootfulDocker =
      dockerJson.includes('/etc/docker/daemon.json') ||
      (context.env.DOCKER_HOST ?? '').startsWith('unix:///var/run/docker.sock') ||
      (await succeeds(context, 'dockerd', ['--version']))
    if (rootfulDocker && !rootfulDockerSet && limit !== undefined && limit < dockerDefaultMtu) {
      results.push(
        result(
          'warn',
          `Docker has no MTU configured: its networks get ${dockerDefaultMtu}, above the pod MTU ${podMtu} − ${margin} = ${limit}`,
          `put "mtu": ${limit} and "default-network-opts": {"bridge": {"com.docker.network.driver.mtu": "${limit}"}} in /etc/docker/daemon.json (runnerkit mtu config --mtu ${limit})`,
          { limit }
        )
      )
    }

    const suggested = limit ?? 1400
    const rootlessJson = dockerJson.some((file) => file !== '/etc/docker/daemon.json')
    const rootlessKitSet = engines.settings.some((s) => s.key === rootlessKitMtuVariable)
    if (!rootlessKitSet && (await rootlessDockerPresent(context, rootlessJson))) {
      results.push(
        result(
          'warn',
          `rootless Docker: ${rootlessKitMtuVariable} is not set here, so rootlesskit's slirp4netns network uses MTU ${rootlessDefaultMtu}`,
          `start dockerd-rootless.sh with ${rootlessKitMtuVariable}=${suggested}`,
          { default: rootlessDefaultMtu }
        )
      )
    }
    const podmanNamespaceSet = engines.settings.some(
      (s) => s.engine === 'podman' && s.scope === 'rootless-namespace'
    )
    const rootlessPodman =
      context.uid !== 0 &&
      (expected.rootless || context.euid !== 0) &&
      (await succeeds(context, 'podman', ['--version']))
    if (rootlessPodman && !podmanNamespaceSet) {
      results.push(
        result(
          'warn',
          `rootless Podman: no pasta_options --mtu or network_cmd_options mtu= in containers.conf, so pasta/slirp4netns use MTU ${rootlessDefaultMtu}`,
          `set pasta_options = ["--mtu", "${suggested}"] under [network] and network_cmd_options = ["mtu=${suggested}"] under [engine] in ~/.config/containers/containers.conf`,
          { default: rootlessDefaultMtu }
        )
      )
    }

    const probing = facts.tcpMtuProbing
    const probingDetails = { tcpMtuProbing: probing, podMtu }
    if (probing === undefined) {
      results.push(
        result(
          'pass',
          'net.ipv4.tcp_mtu_probing cannot be read (no /proc/sys)',
          undefined,
          probingDetails
        )
      )
    } else if (probing === 0 && podMtu !== undefined && podMtu < 1500) {
      results.push(
        result(
          'warn',
          `net.ipv4.tcp_mtu_probing is 0 with a pod MTU of ${podMtu}: uploads stall for good if ICMP "fragmentation needed" is dropped`,
          'sysctl -w net.ipv4.tcp_mtu_probing=1 (persist in /etc/sysctl.d/99-runnerkit-mtu.conf; in Kubernetes it is an unsafe sysctl: allow it on the kubelet or set it from a privileged init container)',
          probingDetails
        )
      )
    } else {
      results.push(
        result('pass', `net.ipv4.tcp_mtu_probing is ${probing}`, undefined, probingDetails)
      )
    }
    return results
  }
}
