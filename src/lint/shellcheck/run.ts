/**
 * Runs the `shellcheck` binary over a Dockerfile's RUN scripts and maps its findings back to
 * the Dockerfile. ShellCheck is GPL-3.0: we run it as a separate program and never bundle it.
 *
 * The Dockerfile is data: each script goes to ShellCheck on stdin, the binary is started with
 * an argument list (never through a shell), and ShellCheck only reads the text. Nothing in the
 * Dockerfile is executed, and no file it names is read (no `-x`, no .shellcheckrc).
 */
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import type { Dockerfile } from '../../dockerfile/model.js'
import { UserError } from '../../errors.js'
import type { RawFailure } from '../engine.js'
import type { Severity } from '../severity.js'
import {
  dockerfilePosition,
  excludedCodes,
  shellCheckScripts,
  type ShellCheckScript
} from './scripts.js'

/** One entry of ShellCheck's `--format=json1` output (columns count a tab as one). */
export interface ShellCheckComment {
  line: number
  column: number
  level: string
  code: number
  message: string
}

/** A script that takes longer than this is a hung binary, not a slow check. */
const timeoutMs = 60_000

const levels: Record<string, Severity> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
  style: 'style'
}

/** ShellCheck's level → hadolint's severity (anything unknown is an error, as in hadolint). */
export function severityOf(level: string): Severity {
  return levels[level] ?? 'error'
}

/** The arguments ShellCheck runs with for a script. */
export function shellCheckArguments(script: Pick<ShellCheckScript, 'dialect'>): string[] {
  return [
    '--format=json1',
    '--norc',
    `--exclude=${excludedCodes.join(',')}`,
    ...(script.dialect ? [`--shell=${script.dialect}`] : []),
    '-'
  ]
}

/** Parses `--format=json1` output. */
export function parseShellCheckOutput(stdout: string): ShellCheckComment[] {
  const parsed = JSON.parse(stdout) as { comments?: unknown }
  if (!Array.isArray(parsed.comments)) throw new Error('no "comments" array')
  return parsed.comments as ShellCheckComment[]
}

/** ShellCheck's comments on one script, as failures on the Dockerfile's lines. */
export function toFailures(
  script: ShellCheckScript,
  comments: readonly ShellCheckComment[]
): RawFailure[] {
  return comments.map((comment) => ({
    code: `SC${comment.code}`,
    ...dockerfilePosition(script, comment.line, comment.column),
    message: comment.message,
    severity: severityOf(comment.level)
  }))
}

/** The environment ShellCheck runs in: SHELLCHECK_OPTS would change its output and checks. */
function shellCheckEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.SHELLCHECK_OPTS
  return env
}

/** Runs ShellCheck on one script; exit 0 (clean) and 1 (findings) both carry the JSON. */
export function runShellCheck(
  binary: string,
  script: ShellCheckScript
): Promise<ShellCheckComment[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, shellCheckArguments(script), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: shellCheckEnvironment(),
      windowsHide: true,
      timeout: timeoutMs
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    // A binary that exits before reading all of stdin: its exit status tells what happened.
    child.stdin.on('error', () => undefined)
    child.on('error', (error) =>
      reject(new UserError(`cannot run ShellCheck '${binary}': ${error.message}`))
    )
    child.on('close', (code, signal) => {
      const output = Buffer.concat(stdout).toString('utf8')
      const problem = Buffer.concat(stderr).toString('utf8').trim()
      if (code !== 0 && code !== 1) {
        const how = signal ? `was stopped by ${signal}` : `exited with ${code}`
        reject(new UserError(`ShellCheck '${binary}' ${how}${problem ? `: ${problem}` : ''}`))
        return
      }
      try {
        resolve(parseShellCheckOutput(output))
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error)
        reject(
          new UserError(
            `'${binary}' printed no ShellCheck json1 output (${why}); use ShellCheck 0.9 or later`
          )
        )
      }
    })
    child.stdin.end(script.text, 'utf8')
  })
}

/** Maps over items with at most `limit` promises pending; results keep the items' order. */
async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}

function byPosition(a: RawFailure, b: RawFailure): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    Number(a.code.slice(2)) - Number(b.code.slice(2)) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  )
}

/**
 * ShellCheck's findings (SCxxxx) for every shell-form RUN of a Dockerfile, as failures for
 * lintDockerfile's `external` argument, which applies pragmas and overrides to them. Scripts
 * run concurrently, as many at once as the machine has CPUs; the result is sorted by line,
 * column and code whatever order they finish in. A Dockerfile that does not parse has none.
 */
export async function shellcheckFailures(
  dockerfile: Dockerfile,
  binary: string
): Promise<RawFailure[]> {
  if (dockerfile.error) return []
  const scripts = shellCheckScripts(dockerfile)
  const comments = await mapBounded(scripts, availableParallelism(), (script) =>
    runShellCheck(binary, script)
  )
  return scripts
    .flatMap((script, index) => toFailures(script, comments[index] ?? []))
    .sort(byPosition)
}
