/**
 * The configuration that gives containers on the runner a given MTU (reference/
 * runtime-validation.md §5): Docker's daemon.json (the default bridge *and* every new network,
 * which is what the runner's per-job networks need), rootless Docker's rootlesskit MTU, rootless
 * Podman's pasta/slirp4netns options, a Podman bridge network, and the sysctl that lets TCP
 * recover from an ICMP black hole on uploads.
 */
import { UserError } from '../../errors.js'
import { dockerNetworkMtuOption, rootlessKitMtuVariable } from './engines.js'

export const minimumMtu = 576
export const maximumMtu = 9000

export const mtuConfigFileNames = [
  'daemon.json',
  'containers.conf',
  '99-runnerkit-mtu.conf',
  'docker-rootless.env'
] as const
export type MtuConfigFileName = (typeof mtuConfigFileNames)[number]

export interface MtuConfig {
  mtu: number
  /**
   * File name → content:
   * - daemon.json: /etc/docker/daemon.json, rootless ~/.config/docker/daemon.json;
   * - containers.conf: /etc/containers/containers.conf.d/ or ~/.config/containers/;
   * - 99-runnerkit-mtu.conf: /etc/sysctl.d/ (net.ipv4.tcp_mtu_probing = 1);
   * - docker-rootless.env: an EnvironmentFile for the rootless dockerd unit.
   */
  files: Record<MtuConfigFileName, string>
  /** Creates a Podman bridge network with the MTU (NAME: the network's name). */
  podmanNetworkCommand: string
  /** The variable dockerd-rootless.sh reads for the rootlesskit MTU. */
  rootlessDockerEnv: string
}

/** Throws a one-line UserError unless `mtu` is a whole number from 576 to 9000. */
export function validateMtu(mtu: number, name = 'mtu'): number {
  if (!Number.isInteger(mtu) || mtu < minimumMtu || mtu > maximumMtu) {
    throw new UserError(
      `${name}: expected a whole number from ${minimumMtu} to ${maximumMtu}, got ${String(mtu)}`
    )
  }
  return mtu
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * daemon.json with `mtu` and default-network-opts' bridge MTU (a string, as dockerd requires)
 * set to `mtu`. With `existing` (the current file's text), every other key is kept in place.
 */
export function renderDaemonJson(mtu: number, existing?: string, source = 'daemon.json'): string {
  validateMtu(mtu)
  let config: Record<string, unknown> = {}
  if (existing !== undefined && existing.trim() !== '') {
    let parsed: unknown
    try {
      parsed = JSON.parse(existing)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new UserError(`${source}: not valid JSON (${reason}); fix it or start without it`)
    }
    if (!isRecord(parsed)) throw new UserError(`${source}: expected a JSON object`)
    config = parsed
  }
  const options = config['default-network-opts']
  if (options !== undefined && !isRecord(options))
    throw new UserError(`${source}: "default-network-opts" must be an object`)
  const bridge = options?.bridge
  if (bridge !== undefined && !isRecord(bridge))
    throw new UserError(`${source}: "default-network-opts.bridge" must be an object`)
  config.mtu = mtu
  config['default-network-opts'] = {
    ...options,
    bridge: { ...bridge, [dockerNetworkMtuOption]: String(mtu) }
  }
  return `${JSON.stringify(config, null, 2)}\n`
}

export function renderContainersConf(mtu: number): string {
  validateMtu(mtu)
  return [
    `# runnerkit: MTU ${mtu} for rootless Podman's network namespace (default 65520).`,
    '# These keys replace the lists a file read earlier sets; merge other options by hand.',
    '[network]',
    `pasta_options = ["--mtu", "${mtu}"]`,
    '',
    '[engine]',
    `network_cmd_options = ["mtu=${mtu}"]`,
    ''
  ].join('\n')
}

export function renderSysctlConf(): string {
  return [
    '# runnerkit: probe the path MTU when ICMP "fragmentation needed" never arrives (RFC 4821).',
    '# It helps what this host sends (uploads, pushes); downloads need a lower MTU or MSS.',
    'net.ipv4.tcp_mtu_probing = 1',
    ''
  ].join('\n')
}

export function podmanNetworkCommand(mtu: number, name = 'NAME'): string {
  validateMtu(mtu)
  return `podman network create --opt mtu=${mtu} ${name}`
}

/** Every file and command line for `mtu`; daemon.json merged into `existingDaemonJson` when given. */
export function renderMtuConfig(
  mtu: number,
  existingDaemonJson?: string,
  daemonJsonSource?: string
): MtuConfig {
  validateMtu(mtu)
  const rootlessDockerEnv = `${rootlessKitMtuVariable}=${mtu}`
  return {
    mtu,
    files: {
      'daemon.json': renderDaemonJson(mtu, existingDaemonJson, daemonJsonSource),
      'containers.conf': renderContainersConf(mtu),
      '99-runnerkit-mtu.conf': renderSysctlConf(),
      'docker-rootless.env': `${rootlessDockerEnv}\n`
    },
    podmanNetworkCommand: podmanNetworkCommand(mtu),
    rootlessDockerEnv
  }
}
