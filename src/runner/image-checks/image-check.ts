/**
 * runner-check, target `image`: checks over an image's merged filesystem and config, without
 * running it. ImageView is what the checks see: paths are relative to the root ('etc/passwd'),
 * `entry` follows symlinks (usrmerge: bin → usr/bin), `text` returns the bodies kept while the
 * layers were walked.
 */
import { parseGroup, parsePasswd, resolveUser, type ResolvedUser } from '../accounts.js'
import type { CheckResult, Expectations } from '../checks/check.js'

export interface ImageEntry {
  type: 'file' | 'directory' | 'symlink' | 'hardlink' | 'other'
  mode: number
  uid: number
  gid: number
  size?: number
}

export interface ImageConfigView {
  User?: string
  Env?: string[] | null
  Entrypoint?: string[] | null
  Cmd?: string[] | null
}

export interface ImageView {
  config: ImageConfigView
  /** The entry a path names, symlinks followed; undefined when it does not exist. */
  entry(path: string): ImageEntry | undefined
  /** A kept file's text (passwd, group, sudoers…), symlinks followed. */
  text(path: string): string | undefined
  /** Paths of the kept files under a directory prefix, e.g. 'etc/sudoers.d/'. */
  keptUnder(prefix: string): string[]
  /** Every path and its entry (symlinks not followed). */
  all(): Iterable<[string, ImageEntry]>
}

export interface ImageCheckContext {
  image: ImageView
  expected: Expectations
  /** Absolute paths allowed to be setuid/setgid. */
  setuidAllowed: string[]
  /** config.User resolved against the image's final passwd and group. */
  user: ResolvedUser
}

export interface ImageCheck {
  id: string
  title: string
  check(context: ImageCheckContext): CheckResult[]
}

/** The paths whose bodies the checks read; the layer walk keeps these and nothing else. */
export function keepForChecks(path: string): boolean {
  return (
    path === 'etc/passwd' ||
    path === 'etc/group' ||
    path === 'etc/shadow' ||
    path === 'etc/sudoers' ||
    path.startsWith('etc/sudoers.d/') ||
    path === 'etc/subuid' ||
    path === 'etc/subgid' ||
    path.endsWith('/.env')
  )
}

export function resolveImageUser(image: ImageView): ResolvedUser {
  return resolveUser(
    image.config.User ?? '',
    parsePasswd(image.text('etc/passwd') ?? ''),
    parseGroup(image.text('etc/group') ?? '')
  )
}

/** `/usr/bin/x` → `usr/bin/x`. */
export function relative(path: string): string {
  return path.replace(/^\/+/, '')
}
