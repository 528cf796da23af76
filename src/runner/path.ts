/**
 * PATH repair: the PATH a job's steps should run with, computed from what they have now and
 * what the image and the user say belongs on it, and the runner's `.env` file that keeps it
 * for the runner's next start.
 *
 * Why directories go missing (reference/runtime-validation.md §3, §6): steps run
 * `bash --noprofile --norc`, so what `~/.profile` adds (`~/.local/bin`, `~/bin`, where pip
 * --user, pipx and the rootless Docker installer put binaries) never arrives; Debian's
 * /etc/profile in a login shell resets the image's ENV PATH; a container image without PATH in
 * its config leaves only the GITHUB_PATH entries.
 *
 * Every value here ends up in a line-based file (GITHUB_PATH, GITHUB_ENV, the runner's `.env`),
 * so a value holding a newline, a carriage return or a NUL is refused, never cleaned: it is
 * either a mistake or an attempt to add lines of its own (BASH_ENV=…, LD_PRELOAD=…).
 */
import { promises as fs } from 'node:fs'
import { UserError } from '../errors.js'
import { writeFileAtomic } from '../util/atomic-write.js'

/** What a PathInputError is about; front ends name the matching input, flag or variable. */
export type PathField = 'extra' | 'image-path' | 'PATH' | 'HOME' | 'runner-env-file'

export class PathInputError extends UserError {
  constructor(
    readonly field: PathField,
    message: string
  ) {
    super(message)
  }
}

export type DropReason = 'duplicate' | 'missing' | 'relative' | 'empty'

export interface DroppedEntry {
  entry: string
  reason: DropReason
}

export interface PathOptions {
  /** The PATH the step runs with now (process.env.PATH). */
  currentPath?: string
  /** The container image's configured PATH (`PATH=` in its config Env), colon-separated. */
  imagePath?: string
  /** HOME: `~/.local/bin` and `~/bin` are added under it; `~/…` in `extra` is expanded. */
  home?: string
  /** More directories, one an entry; each must be absolute (or `~/…`) and hold no ':'. */
  extra?: string[]
  /**
   * Where directories that are not on the current PATH go. 'append' (the default) keeps every
   * current entry ahead of them, as `ENV PATH=$PATH:…` does; 'prepend' puts them first, which is
   * where GITHUB_PATH puts them anyway on the runner.
   */
  placement?: 'append' | 'prepend'
  /** When given, entries for which it returns false are dropped as 'missing'. */
  exists?: (dir: string) => boolean
}

export interface PathResult {
  /** The PATH, entry by entry. */
  entries: string[]
  /** Entries that were not on the current PATH, in the order they appear in `entries`. */
  added: string[]
  /** What was left out, and why. Candidates already on the PATH are not listed. */
  dropped: DroppedEntry[]
}

type Source = 'current' | 'image' | 'home' | 'extra'

const controlCharacter = /[\n\r\0]/

function quoted(value: string): string {
  return JSON.stringify(value)
}

/** Refuses a value that would end a line in a file command, or a C string. */
export function assertSingleLine(field: PathField, value: string): void {
  if (controlCharacter.test(value)) {
    throw new PathInputError(
      field,
      `${quoted(value)} holds a newline, carriage return or NUL; give one directory per entry`
    )
  }
}

/** The form used to compare entries: trailing slashes removed ('/' stays '/'). */
export function normalizeEntry(entry: string): string {
  const trimmed = entry.replace(/\/+$/, '')
  return trimmed === '' && entry.startsWith('/') ? '/' : trimmed
}

function expandHome(entry: string, home: string | undefined): string {
  if (home === undefined || home === '') return entry
  if (entry === '~') return home
  return entry.startsWith('~/') ? `${normalizeEntry(home)}${entry.slice(1)}` : entry
}

function validateExtra(entries: string[], home: string | undefined): string[] {
  return entries.map((raw) => {
    assertSingleLine('extra', raw)
    if (raw.includes(':')) {
      throw new PathInputError(
        'extra',
        `${quoted(raw)} holds ':', the PATH separator; give each directory as its own entry`
      )
    }
    const entry = expandHome(raw, home)
    if (!entry.startsWith('/')) {
      throw new PathInputError(
        'extra',
        `${quoted(raw)} is not an absolute directory; give /dir (or ~/dir)`
      )
    }
    return entry
  })
}

/**
 * The PATH from, in order: the current PATH, the image's configured PATH, `~/.local/bin` and
 * `~/bin`, and `extra`. The first occurrence of a directory wins; empty and relative entries
 * (they resolve against whatever folder a step runs in) are dropped, and with `exists` so are
 * directories that are not there.
 *
 * The tool cache (RUNNER_TOOL_CACHE, AGENT_TOOLSDIRECTORY) is not added: its root holds
 * `<tool>/<version>/<arch>` folders, not binaries, and setup-* actions add the folder of the
 * version they install. Give a folder under it in `extra` to pin one.
 */
export function computePath(options: PathOptions): PathResult {
  const home = options.home === undefined || options.home === '' ? undefined : options.home
  if (options.currentPath !== undefined) assertSingleLine('PATH', options.currentPath)
  if (options.imagePath !== undefined) assertSingleLine('image-path', options.imagePath)
  if (home !== undefined) {
    assertSingleLine('HOME', home)
    if (home.includes(':')) throw new PathInputError('HOME', `${quoted(home)} holds ':'`)
  }
  const extra = validateExtra(options.extra ?? [], home)

  const candidates: Array<{ entry: string; source: Source }> = []
  const split = (value: string | undefined) => (value === undefined ? [] : value.split(':'))
  for (const entry of split(options.currentPath)) candidates.push({ entry, source: 'current' })
  for (const entry of split(stripPathAssignment(options.imagePath)))
    candidates.push({ entry, source: 'image' })
  if (home !== undefined) {
    const base = normalizeEntry(home)
    for (const dir of ['.local/bin', 'bin'])
      candidates.push({ entry: `${base === '/' ? '' : base}/${dir}`, source: 'home' })
  }
  for (const entry of extra) candidates.push({ entry, source: 'extra' })

  const kept: Array<{ entry: string; source: Source }> = []
  const dropped: DroppedEntry[] = []
  const seen = new Set<string>()
  for (const { entry, source } of candidates) {
    if (entry === '') {
      // An empty entry means the current folder; only a PATH that was given has them.
      if (source !== 'home') dropped.push({ entry, reason: 'empty' })
      continue
    }
    if (!entry.startsWith('/')) {
      dropped.push({ entry, reason: 'relative' })
      continue
    }
    const key = normalizeEntry(entry)
    if (seen.has(key)) {
      // A repeat inside the current PATH changes it; a candidate already there does not.
      if (source === 'current') dropped.push({ entry, reason: 'duplicate' })
      continue
    }
    seen.add(key)
    if (options.exists !== undefined && !options.exists(key)) {
      dropped.push({ entry: key, reason: 'missing' })
      continue
    }
    kept.push({ entry: key, source })
  }

  const current = kept.filter((item) => item.source === 'current').map((item) => item.entry)
  const added = kept.filter((item) => item.source !== 'current').map((item) => item.entry)
  const entries = options.placement === 'prepend' ? [...added, ...current] : [...current, ...added]
  return { entries, added, dropped }
}

/** An image config's Env line is `PATH=/a:/b`; accept it as given, or just its value. */
function stripPathAssignment(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (trimmed === '') return undefined
  return trimmed.startsWith('PATH=') ? trimmed.slice('PATH='.length) : trimmed
}

/** The PATH the entries make. */
export function joinPath(entries: string[]): string {
  return entries.join(':')
}

/**
 * Sets `PATH=<value>` in the text of a runner's `.env` file (KEY=VALUE lines, read by the
 * runner's listener when it starts; a later line for the same key wins). The first PATH line is
 * replaced in place and any later one removed, so ours is the one the runner keeps; every other
 * line stays exactly as it was, and the text ends with a newline.
 */
export function mergeRunnerEnvFile(text: string, path: string): string {
  assertSingleLine('PATH', path)
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  const lines = text === '' ? [] : text.split(/\r?\n/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const merged: string[] = []
  let replaced = false
  for (const line of lines) {
    if (line.startsWith('PATH=')) {
      if (!replaced) merged.push(`PATH=${path}`)
      replaced = true
      continue
    }
    merged.push(line)
  }
  if (!replaced) merged.push(`PATH=${path}`)
  return merged.join(newline) + newline
}

/** The copy of the runner's `.env` taken before runnerkit first changed it. */
export function runnerEnvBackupPath(file: string): string {
  return `${file}.runnerkit-backup`
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

async function modeOf(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mode & 0o777
  } catch {
    return undefined
  }
}

function fileError(file: string, error: unknown): PathInputError {
  const code = (error as NodeJS.ErrnoException).code
  const reason =
    code === 'ENOENT'
      ? 'its folder does not exist; give the .env in the runner root (the parent of bin/)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; run the step as the runner user'
        : code === 'EISDIR'
          ? 'is a folder; give the .env file in it'
          : ((error as Error).message ?? String(error))
  return new PathInputError('runner-env-file', `${file}: ${reason}`)
}

export interface RunnerEnvWrite {
  /** Whether the file's content changed. */
  changed: boolean
  /** Whether this write took the backup (the first time runnerkit touched the file). */
  backedUp: boolean
  backup: string
}

/**
 * Writes PATH into a runner's `.env`. The first time, the file as it was is kept beside it as
 * `<file>.runnerkit-backup` (an absent file is kept as an empty one: the runner reads both
 * alike); later writes leave that backup alone, so it always holds the original.
 */
export async function writeRunnerEnvFile(file: string, path: string): Promise<RunnerEnvWrite> {
  const backup = runnerEnvBackupPath(file)
  try {
    const original = (await readIfExists(file)) ?? ''
    const merged = mergeRunnerEnvFile(original, path)
    const mode = (await modeOf(file)) ?? 0o644
    let backedUp = false
    if ((await readIfExists(backup)) === undefined) {
      await writeFileAtomic(backup, original, { mode })
      backedUp = true
    }
    if (merged === original) return { changed: false, backedUp, backup }
    await writeFileAtomic(file, merged, { mode })
    return { changed: true, backedUp, backup }
  } catch (error) {
    if (error instanceof UserError) throw error
    throw fileError(file, error)
  }
}

/**
 * Puts the `.env` runnerkit first changed back as it was and removes the backup. Returns false
 * (and changes nothing) when there is no backup.
 */
export async function restoreRunnerEnvFile(file: string): Promise<boolean> {
  const backup = runnerEnvBackupPath(file)
  try {
    const original = await readIfExists(backup)
    if (original === undefined) return false
    const mode = (await modeOf(backup)) ?? 0o644
    await writeFileAtomic(file, original, { mode })
    await fs.rm(backup, { force: true })
    return true
  } catch (error) {
    throw fileError(file, error)
  }
}
