/**
 * The MTU each container engine on the runner is configured to give its containers
 * (reference/runtime-validation.md §5.1–5.2):
 *
 * - Docker daemon.json (`/etc/docker/daemon.json`; rootless `$XDG_CONFIG_HOME/docker/daemon.json`):
 *   `mtu` reaches the default `bridge` network only; `default-network-opts.bridge
 *   ["com.docker.network.driver.mtu"]` (a string, Docker ≥ 24) reaches every new network, which
 *   is what the runner's per-job networks need.
 * - Rootless Docker: `DOCKERD_ROOTLESS_ROOTLESSKIT_MTU` (slirp4netns defaults to 65520).
 * - Podman networks (`/etc/containers/networks/*.json`; rootless
 *   `$XDG_DATA_HOME/containers/storage/networks/*.json`): `options.mtu`.
 * - containers.conf: `[network] pasta_options` `--mtu N` / `-m N`, and `[engine]
 *   network_cmd_options` `mtu=N` (slirp4netns). Both default to 65520 when unset.
 *
 * Parsers are pure; readEngineMtuConfig reads the files through an injectable ReadFile/ListDir.
 */
import { parse as parseToml } from 'smol-toml'
import type { ListDir, ReadFile } from './interfaces.js'

export type EngineName = 'docker' | 'podman'

/** What a setting reaches: Docker's default bridge, every new network, one network, or the rootless namespace. */
export type MtuScope = 'default-bridge' | 'new-networks' | 'network' | 'rootless-namespace'

export interface MtuSetting {
  engine: EngineName
  rootless: boolean
  /** The file (or environment variable) that sets it. */
  source: string
  /** The key as written there, e.g. `mtu`, `pasta_options --mtu`. */
  key: string
  value: number
  scope: MtuScope
  /** The network's name, for scope `network`. */
  network?: string
}

/** A file the engine would refuse or misread, e.g. daemon.json that is not JSON. */
export interface MtuProblem {
  source: string
  message: string
}

export interface ParsedMtuConfig {
  settings: MtuSetting[]
  problems: MtuProblem[]
}

export interface EngineMtuConfig extends ParsedMtuConfig {
  /** Every configuration file that was found and read. */
  files: string[]
}

/** rootlesskit, slirp4netns and pasta's default MTU when none is given. */
export const rootlessDefaultMtu = 65520
export const dockerNetworkMtuOption = 'com.docker.network.driver.mtu'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function mtuFromText(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined
}

/** Docker daemon.json: `mtu` (a number) and default-network-opts' bridge MTU (a string). */
export function parseDaemonJson(text: string, source: string, rootless: boolean): ParsedMtuConfig {
  const settings: MtuSetting[] = []
  const problems: MtuProblem[] = []
  let config: unknown
  try {
    config = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { settings, problems: [{ source, message: `not valid JSON (${reason})` }] }
  }
  if (!isRecord(config)) {
    return { settings, problems: [{ source, message: 'not a JSON object' }] }
  }
  const base = { engine: 'docker' as const, rootless, source }
  if (config.mtu !== undefined) {
    if (typeof config.mtu === 'number' && Number.isInteger(config.mtu)) {
      settings.push({ ...base, key: 'mtu', value: config.mtu, scope: 'default-bridge' })
    } else {
      problems.push({
        source,
        message: `"mtu" must be a whole number, got ${JSON.stringify(config.mtu)}`
      })
    }
  }
  const options = config['default-network-opts']
  const bridge = isRecord(options) ? options.bridge : undefined
  const value = isRecord(bridge) ? bridge[dockerNetworkMtuOption] : undefined
  if (value !== undefined) {
    const key = `default-network-opts.bridge["${dockerNetworkMtuOption}"]`
    const mtu = typeof value === 'string' ? mtuFromText(value) : undefined
    if (mtu !== undefined) settings.push({ ...base, key, value: mtu, scope: 'new-networks' })
    else
      problems.push({
        source,
        message: `${key} must be a string holding a whole number (e.g. "1400"), got ${JSON.stringify(value)}`
      })
  }
  return { settings, problems }
}

/** A netavark network file: `{"name": …, "options": {"mtu": "1400"}}`. */
export function parsePodmanNetwork(
  text: string,
  source: string,
  rootless: boolean
): ParsedMtuConfig {
  let network: unknown
  try {
    network = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { settings: [], problems: [{ source, message: `not valid JSON (${reason})` }] }
  }
  if (!isRecord(network))
    return { settings: [], problems: [{ source, message: 'not a JSON object' }] }
  const options = isRecord(network.options) ? network.options : {}
  const name = typeof network.name === 'string' ? network.name : undefined
  const settings: MtuSetting[] = []
  const problems: MtuProblem[] = []
  for (const key of ['mtu', dockerNetworkMtuOption]) {
    const value = options[key]
    if (value === undefined) continue
    const mtu = typeof value === 'string' ? mtuFromText(value) : undefined
    if (mtu === undefined) {
      problems.push({
        source,
        message: `options.${key} is not a whole number: ${JSON.stringify(value)}`
      })
      continue
    }
    settings.push({
      engine: 'podman',
      rootless,
      source,
      key: `options.${key}`,
      value: mtu,
      scope: 'network',
      ...(name !== undefined && { network: name })
    })
    break
  }
  return { settings, problems }
}

/** The MTU in pasta's arguments: `--mtu N`, `--mtu=N`, `-m N` or `-mN`. */
export function pastaMtu(options: readonly string[]): number | undefined {
  let found: number | undefined
  for (let index = 0; index < options.length; index++) {
    const option = options[index]!
    let text: string | undefined
    if (option === '--mtu' || option === '-m') text = options[++index]
    else if (option.startsWith('--mtu=')) text = option.slice('--mtu='.length)
    else if (/^-m\d/.test(option)) text = option.slice(2)
    const mtu = text === undefined ? undefined : mtuFromText(text)
    if (mtu !== undefined) found = mtu // pasta's getopt keeps the last one
  }
  return found
}

/** The MTU in slirp4netns' options (`["mtu=1400", …]`). */
export function slirpMtu(options: readonly string[]): number | undefined {
  let found: number | undefined
  for (const option of options) {
    const match = /^mtu=(\d+)$/.exec(option.trim())
    if (match) found = Number(match[1])
  }
  return found
}

/** What one containers.conf defines of the keys that carry an MTU. */
export interface ContainersConfMtu {
  /** `[network] pasta_options`, when the file defines the key. */
  pastaOptions?: string[]
  /** `[engine] network_cmd_options`, when the file defines the key. */
  networkCmdOptions?: string[]
  /** `[network] default_rootless_network_cmd` (pasta or slirp4netns). */
  rootlessNetworkCmd?: string
  problems: MtuProblem[]
}

function stringList(
  table: unknown,
  key: string,
  where: string,
  source: string,
  problems: MtuProblem[]
): string[] | undefined {
  if (!isRecord(table) || table[key] === undefined) return undefined
  const value = table[key]
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
  problems.push({ source, message: `${where}.${key} must be an array of strings` })
  return undefined
}

/** The MTU-bearing keys of a containers.conf (TOML, parsed by smol-toml). */
export function parseContainersConf(text: string, source: string): ContainersConfMtu {
  const problems: MtuProblem[] = []
  let document: Record<string, unknown>
  try {
    document = parseToml(text)
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    return { problems: [{ source, message: `not valid TOML (${reason})` }] }
  }
  const pastaOptions = stringList(document.network, 'pasta_options', 'network', source, problems)
  const networkCmdOptions = stringList(
    document.engine,
    'network_cmd_options',
    'engine',
    source,
    problems
  )
  const command = isRecord(document.network)
    ? document.network.default_rootless_network_cmd
    : undefined
  return {
    ...(pastaOptions !== undefined && { pastaOptions }),
    ...(networkCmdOptions !== undefined && { networkCmdOptions }),
    ...(typeof command === 'string' && { rootlessNetworkCmd: command }),
    problems
  }
}

/**
 * The effective rootless-namespace MTU settings of several containers.conf files, given in
 * the order podman reads them (later files override a key earlier ones set, as podman does:
 * a later `pasta_options` without `--mtu` drops an earlier file's MTU).
 */
export function containersConfSettings(
  files: ReadonlyArray<{ source: string; text: string }>
): ParsedMtuConfig {
  let pasta: { source: string; options: string[] } | undefined
  let slirp: { source: string; options: string[] } | undefined
  const problems: MtuProblem[] = []
  for (const { source, text } of files) {
    const parsed = parseContainersConf(text, source)
    problems.push(...parsed.problems)
    if (parsed.pastaOptions !== undefined) pasta = { source, options: parsed.pastaOptions }
    if (parsed.networkCmdOptions !== undefined)
      slirp = { source, options: parsed.networkCmdOptions }
  }
  const settings: MtuSetting[] = []
  const base = { engine: 'podman' as const, rootless: true, scope: 'rootless-namespace' as const }
  const pastaValue = pasta && pastaMtu(pasta.options)
  if (pasta && pastaValue !== undefined)
    settings.push({ ...base, source: pasta.source, key: 'pasta_options --mtu', value: pastaValue })
  const slirpValue = slirp && slirpMtu(slirp.options)
  if (slirp && slirpValue !== undefined)
    settings.push({
      ...base,
      source: slirp.source,
      key: 'network_cmd_options mtu',
      value: slirpValue
    })
  return { settings, problems }
}

export const rootlessKitMtuVariable = 'DOCKERD_ROOTLESS_ROOTLESSKIT_MTU'

/** DOCKERD_ROOTLESS_ROOTLESSKIT_MTU from the environment. */
export function rootlessKitMtu(env: NodeJS.ProcessEnv): ParsedMtuConfig {
  const text = env[rootlessKitMtuVariable]
  if (text === undefined || text.trim() === '') return { settings: [], problems: [] }
  const value = mtuFromText(text)
  if (value === undefined) {
    return {
      settings: [],
      problems: [{ source: rootlessKitMtuVariable, message: `not a whole number: '${text}'` }]
    }
  }
  const setting: MtuSetting = {
    engine: 'docker',
    rootless: true,
    source: rootlessKitMtuVariable,
    key: rootlessKitMtuVariable,
    value,
    scope: 'rootless-namespace'
  }
  return { settings: [setting], problems: [] }
}

/** Where each engine keeps its configuration, for the user in `env` (HOME, XDG_*). */
export function engineConfigPaths(env: NodeJS.ProcessEnv) {
  const home = env.HOME ?? ''
  const configHome = env.XDG_CONFIG_HOME || (home && `${home}/.config`)
  const dataHome = env.XDG_DATA_HOME || (home && `${home}/.local/share`)
  return {
    dockerDaemonJson: '/etc/docker/daemon.json',
    rootlessDockerDaemonJson: configHome ? `${configHome}/docker/daemon.json` : undefined,
    podmanNetworks: '/etc/containers/networks',
    rootlessPodmanNetworks: dataHome ? `${dataHome}/containers/storage/networks` : undefined,
    containersConf: '/etc/containers/containers.conf',
    rootlessContainersConf: configHome ? `${configHome}/containers/containers.conf` : undefined,
    configHome,
    dataHome
  }
}

async function jsonFiles(listDir: ListDir, dir: string): Promise<string[]> {
  const names = (await listDir(dir)) ?? []
  return names
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${dir}/${name}`)
}

/** `.conf` drop-ins of a containers.conf.d directory, in name order. */
async function dropIns(listDir: ListDir, dir: string): Promise<string[]> {
  const names = (await listDir(dir)) ?? []
  return names
    .filter((name) => name.endsWith('.conf'))
    .sort()
    .map((name) => `${dir}/${name}`)
}

/**
 * Every engine MTU setting on the machine. containers.conf files are read in podman's order:
 * /usr/share, /etc, /etc drop-ins, the user's file and drop-ins (CONTAINERS_CONF alone when set),
 * then CONTAINERS_CONF_OVERRIDE.
 */
export async function readEngineMtuConfig(
  readFile: ReadFile,
  listDir: ListDir,
  env: NodeJS.ProcessEnv
): Promise<EngineMtuConfig> {
  const paths = engineConfigPaths(env)
  const result: EngineMtuConfig = { settings: [], problems: [], files: [] }
  const add = (parsed: ParsedMtuConfig) => {
    result.settings.push(...parsed.settings)
    result.problems.push(...parsed.problems)
  }
  const read = async (path: string) => {
    const text = await readFile(path)
    if (text !== undefined) result.files.push(path)
    return text
  }

  for (const [path, rootless] of [
    [paths.dockerDaemonJson, false],
    [paths.rootlessDockerDaemonJson, true]
  ] as const) {
    if (path === undefined) continue
    const text = await read(path)
    if (text !== undefined) add(parseDaemonJson(text, path, rootless))
  }
  add(rootlessKitMtu(env))

  for (const [dir, rootless] of [
    [paths.podmanNetworks, false],
    [paths.rootlessPodmanNetworks, true]
  ] as const) {
    if (dir === undefined) continue
    for (const path of await jsonFiles(listDir, dir)) {
      const text = await read(path)
      if (text !== undefined) add(parsePodmanNetwork(text, path, rootless))
    }
  }

  const confPaths: string[] = []
  if (env.CONTAINERS_CONF) confPaths.push(env.CONTAINERS_CONF)
  else {
    confPaths.push('/usr/share/containers/containers.conf', paths.containersConf)
    confPaths.push(...(await dropIns(listDir, '/etc/containers/containers.conf.d')))
    if (paths.rootlessContainersConf !== undefined) {
      confPaths.push(paths.rootlessContainersConf)
      confPaths.push(
        ...(await dropIns(listDir, `${paths.configHome}/containers/containers.conf.d`))
      )
    }
  }
  if (env.CONTAINERS_CONF_OVERRIDE) confPaths.push(env.CONTAINERS_CONF_OVERRIDE)
  const confs: Array<{ source: string; text: string }> = []
  for (const path of confPaths) {
    const text = await read(path)
    if (text !== undefined) confs.push({ source: path, text })
  }
  add(containersConfSettings(confs))
  return result
}
