/**
 * Finding the `shellcheck` binary for the `shellcheck: auto|off|<path>` input.
 *
 * `auto` takes `shellcheck` from PATH; else the copy in the tool cache; else it downloads the
 * pinned official release, checks its sha256 BEFORE extracting or caching anything, and caches
 * it (@actions/tool-cache). ShellCheck is GPL-3.0: it is downloaded and run as a separate
 * program, never bundled. An enterprise mirror serves the same file names under its own base
 * URL (`RUNNERKIT_SHELLCHECK_URL` or the `baseUrl` option).
 */
import { createHash } from 'node:crypto'
import { accessSync, constants, createReadStream, existsSync, statSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { arch as machineArch, homedir, tmpdir } from 'node:os'
import { delimiter, join, resolve } from 'node:path'
import { UserError, messageOf } from '../../errors.js'

export interface ShellCheckRelease {
  version: string
  /** sha256 of `shellcheck-v<version>.linux.<arch>.tar.xz`, by the release's arch name. */
  sha256: Readonly<Partial<Record<'x86_64' | 'aarch64', string>>>
}

/**
 * The pinned release. Check the values against the assets of
 * https://github.com/koalaman/shellcheck/releases/tag/v0.11.0 (GitHub shows each asset's
 * sha256 digest there); the same values are pinned in public build files, e.g.
 * work-spaces/packages star/github.com/koalaman/shellcheck/v0.11.0.star.
 */
export const shellCheckRelease: ShellCheckRelease = {
  version: '0.11.0',
  sha256: {
    x86_64: '8c3be12b05d5c177a04c29e3c78ce89ac86f1595681cab149b65b97c4e227198',
    aarch64: '12b331c1d2db6b9eb13cfca64306b1b157a86eb69db83023e261eaa7e7c14588'
  }
}

export const defaultShellCheckUrl = 'https://github.com/koalaman/shellcheck/releases/download'

/** The environment variable that points downloads at a mirror of the release files. */
export const shellCheckUrlVariable = 'RUNNERKIT_SHELLCHECK_URL'

export type ShellCheckSetting = { kind: 'auto' } | { kind: 'off' } | { kind: 'path'; path: string }

export interface ShellCheckOptions {
  /**
   * Where the release files are: `<baseUrl>/v<version>/shellcheck-v<version>.linux.<arch>.tar.xz`.
   * Default: $RUNNERKIT_SHELLCHECK_URL, else GitHub's release downloads.
   */
  baseUrl?: string
  /** The release to download; default the pinned one (tests pass their own). */
  release?: ShellCheckRelease
  /** The directories searched for `shellcheck`, joined as PATH is; default $PATH. */
  searchPath?: string
  /** Node's names for the machine; default the running one. */
  platform?: NodeJS.Platform
  arch?: string
}

export type ShellCheckSource = 'given' | 'path' | 'cache' | 'download'

/** A binary, or why there is none (the caller says so once and lints the DL rules only). */
export type ShellCheckLookup =
  | { binary: string; source: ShellCheckSource; reason?: undefined }
  | { binary: undefined; reason: string }

/** The download's sha256 is not the pinned one: nothing was extracted or cached. */
export class ShellCheckChecksumError extends UserError {}

/** The `shellcheck` input: `auto` (or empty), `off`, or the path of a binary. */
export function parseShellCheckSetting(value: string): ShellCheckSetting {
  const trimmed = value.trim()
  const lower = trimmed.toLowerCase()
  if (lower === '' || lower === 'auto') return { kind: 'auto' }
  if (lower === 'off') return { kind: 'off' }
  return { kind: 'path', path: trimmed }
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The first executable `name` in the PATH-like list of directories. */
export function findOnPath(name: string, searchPath: string): string | undefined {
  // Windows programs carry an extension; PATHEXT lists the ones that run.
  const extensions =
    process.platform === 'win32'
      ? ['', ...(process.env.PATHEXT ?? '.EXE').toLowerCase().split(';')]
      : ['']
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue
    for (const extension of extensions) {
      const candidate = join(dir, name + extension)
      if (isExecutableFile(candidate)) return candidate
    }
  }
  return undefined
}

/** A binary the user named: it must exist and be executable. */
export function givenShellCheck(path: string): string {
  const absolute = resolve(path)
  if (!existsSync(absolute)) {
    throw new UserError(
      `shellcheck: '${path}' does not exist; give the path of a shellcheck binary, 'auto' or 'off'`
    )
  }
  if (!isExecutableFile(absolute)) {
    throw new UserError(
      `shellcheck: '${path}' is not an executable file; give the path of a shellcheck binary (chmod +x it), 'auto' or 'off'`
    )
  }
  return absolute
}

/**
 * tool-cache (and the toolkit it pulls in) takes a few hundred milliseconds to load, so it is
 * loaded only when PATH has no shellcheck: a lint with ShellCheck installed does not pay it.
 */
const toolCache = () => import('@actions/tool-cache')

const releaseArch: Record<string, 'x86_64' | 'aarch64'> = { x64: 'x86_64', arm64: 'aarch64' }

interface Asset {
  url: string
  sha256: string
  version: string
  /** Node's arch name: the tool cache's key, as tool-cache's own `find` defaults to. */
  arch: string
}

/** The release file for this machine, or why there is none. */
function assetFor(options: ShellCheckOptions): Asset | string {
  const release = options.release ?? shellCheckRelease
  const platform = options.platform ?? process.platform
  const arch = options.arch ?? machineArch()
  const name = releaseArch[arch]
  const sha256 = name ? release.sha256[name] : undefined
  if (platform !== 'linux' || !name || !sha256) {
    return `no ShellCheck ${release.version} download is pinned for ${platform}/${arch}`
  }
  const base = (options.baseUrl ?? process.env[shellCheckUrlVariable] ?? defaultShellCheckUrl)
    .trim()
    .replace(/\/+$/, '')
  const file = `shellcheck-v${release.version}.linux.${name}.tar.xz`
  return { url: `${base}/v${release.version}/${file}`, sha256, version: release.version, arch }
}

/**
 * tool-cache reads RUNNER_TOOL_CACHE when called; outside a runner (the CLI) it is unset, so
 * the user's cache directory stands in for the duration of the call.
 */
async function withToolCache<T>(work: () => Promise<T> | T): Promise<T> {
  if (process.env.RUNNER_TOOL_CACHE) return await work()
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache')
  process.env.RUNNER_TOOL_CACHE = join(cacheHome, 'runnerkit', 'tool-cache')
  try {
    return await work()
  } finally {
    delete process.env.RUNNER_TOOL_CACHE
  }
}

/** The cached binary of the pinned release for this machine, if the tool cache has it. */
export async function cachedShellCheck(
  options: ShellCheckOptions = {}
): Promise<string | undefined> {
  const asset = assetFor(options)
  if (typeof asset === 'string') return undefined
  const { find } = await toolCache()
  const dir = await withToolCache(() => find('shellcheck', asset.version, asset.arch))
  const binary = dir ? join(dir, 'shellcheck') : ''
  return binary && isExecutableFile(binary) ? binary : undefined
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/**
 * Downloads the release for this machine, verifies its sha256, extracts it and caches it;
 * returns the cached binary. A mismatch throws ShellCheckChecksumError with nothing extracted
 * or cached; the download's temporary folder is always removed.
 */
export async function downloadShellCheck(options: ShellCheckOptions = {}): Promise<string> {
  const asset = assetFor(options)
  if (typeof asset === 'string') throw new UserError(`${asset}; install shellcheck and retry`)
  const { cacheDir, downloadTool, extractTar } = await toolCache()
  const work = await mkdtemp(join(process.env.RUNNER_TEMP || tmpdir(), 'runnerkit-shellcheck-'))
  try {
    const archive = await downloadTool(asset.url, join(work, 'shellcheck.tar.xz'))
    const actual = await sha256Of(archive)
    if (actual !== asset.sha256) {
      await rm(archive, { force: true })
      const check = asset.url.startsWith(defaultShellCheckUrl)
        ? 'retry, or install shellcheck and retry'
        : `check that the mirror (${shellCheckUrlVariable}) serves the official release file`
      throw new ShellCheckChecksumError(
        `ShellCheck download ${asset.url} has sha256 ${actual}, not the pinned ${asset.sha256}; ` +
          `nothing was installed: ${check}`
      )
    }
    const extracted = await extractTar(archive, join(work, 'extracted'), 'xJ')
    const folder = join(extracted, `shellcheck-v${asset.version}`)
    if (!isExecutableFile(join(folder, 'shellcheck'))) {
      throw new Error(`${asset.url} has no shellcheck-v${asset.version}/shellcheck`)
    }
    const cached = await withToolCache(() =>
      cacheDir(folder, 'shellcheck', asset.version, asset.arch)
    )
    const binary = join(cached, 'shellcheck')
    await chmod(binary, 0o755)
    return binary
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * The binary for a `shellcheck` setting. `off`, or `auto` when nothing can be had (no pinned
 * release for this machine, the download failed), give no binary and one reason. A named
 * binary that is missing or not executable, and a checksum mismatch, throw a UserError.
 */
export async function findShellCheck(
  setting: string | ShellCheckSetting,
  options: ShellCheckOptions = {}
): Promise<ShellCheckLookup> {
  const parsed = typeof setting === 'string' ? parseShellCheckSetting(setting) : setting
  if (parsed.kind === 'off') {
    return {
      binary: undefined,
      reason: 'ShellCheck is off (shellcheck: off): SC rules are not checked'
    }
  }
  if (parsed.kind === 'path') return { binary: givenShellCheck(parsed.path), source: 'given' }

  const onPath = findOnPath('shellcheck', options.searchPath ?? process.env.PATH ?? '')
  if (onPath) return { binary: onPath, source: 'path' }
  const cached = await cachedShellCheck(options)
  if (cached) return { binary: cached, source: 'cache' }
  const asset = assetFor(options)
  const advice = `install shellcheck, set shellcheck to its path, or point ${shellCheckUrlVariable} at a mirror`
  if (typeof asset === 'string') {
    return { binary: undefined, reason: `${asset}: SC rules are not checked; ${advice}` }
  }
  try {
    return { binary: await downloadShellCheck(options), source: 'download' }
  } catch (error) {
    if (error instanceof ShellCheckChecksumError) throw error
    return {
      binary: undefined,
      reason: `ShellCheck could not be downloaded from ${asset.url} (${messageOf(error)}): SC rules are not checked; ${advice}`
    }
  }
}
