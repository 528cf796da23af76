/**
 * The shape every runner check has: an id, a title, and results that say pass, warn or fail
 * with a one-line reason and, when it is not a pass, a one-line fix. Live checks (inside a job,
 * on the runner itself) read the machine through LiveContext, so tests can point them at a
 * fixture root; image checks read a merged image filesystem (src/runner/image-checks/).
 */

export type CheckStatus = 'pass' | 'warn' | 'fail'

export interface CheckResult {
  /** Stable id, e.g. `identity`, `sudo`, `mtu`: what `fail-on`, annotations and JSON use. */
  id: string
  title: string
  status: CheckStatus
  /** One line: what was found. */
  reason: string
  /** One line: what to change; absent on a pass. */
  fix?: string
  /** Machine-readable facts behind the result (the JSON output carries them). */
  details?: Record<string, unknown>
}

/** A result; a fix is kept only on a warn or fail, as the contract above says. */
export function checkResult(
  id: string,
  title: string,
  status: CheckStatus,
  reason: string,
  fix?: string,
  details?: Record<string, unknown>
): CheckResult {
  return {
    id,
    title,
    status,
    reason,
    ...(fix !== undefined && status !== 'pass' && { fix }),
    ...(details !== undefined && { details })
  }
}

/** What the admin expects of the runner; every field has a default (see expectationsFrom). */
export interface Expectations {
  user: string
  uid: number
  /** Rootless container engine expected: the docker group is then privileged too. */
  rootless: boolean
  /** Group names that must not hold the user. */
  privilegedGroups: string[]
  /** The sudo state that passes. */
  sudo: SudoExpectation
  /** Directories PATH must contain. */
  pathDirs: string[]
  /** The pod's MTU when known (else the default route's interface is used). */
  podMtu?: number
  /** Bytes an inner network (bridge, VXLAN) needs below the pod's MTU. */
  mtuMargin: number
}

/** absent: no sudo binary; denied: sudo present, no grant (or blocked); any: not checked. */
export type SudoExpectation = 'absent' | 'denied' | 'any'

export const defaultPrivilegedGroups = ['root', 'wheel', 'adm', 'admin', 'sudo', 'disk', 'shadow']

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

/** The machine as a live check sees it; tests substitute a fixture root and canned commands. */
export interface LiveContext {
  env: NodeJS.ProcessEnv
  expected: Expectations
  /** The process's real and effective ids and supplementary groups. */
  uid: number
  euid: number
  gid: number
  groups: number[]
  /** Reads a file of the machine (e.g. /etc/passwd, /proc/self/status); undefined when absent. */
  readFile(path: string): Promise<string | undefined>
  /** stat of a path; undefined when it does not exist. */
  stat(
    path: string
  ): Promise<{ uid: number; gid: number; mode: number; isDirectory: boolean } | undefined>
  /** The names in a directory; undefined when it cannot be listed. */
  listDir(path: string): Promise<string[] | undefined>
  /** Whether the process may write there (access W_OK). */
  writable(path: string): Promise<boolean>
  /** Runs a program; code 127 when it is not installed. */
  run(command: string, args: string[]): Promise<CommandResult>
}

export interface LiveCheck {
  id: string
  title: string
  check(context: LiveContext): Promise<CheckResult[]>
}
