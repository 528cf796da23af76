/**
 * Runs an engine's command line, streaming its output line by line (for grouping and step
 * timings) and keeping a short tail for the error message when it fails.
 */
import { spawn } from 'node:child_process'
import { UserError } from '../../errors.js'

export interface ToolRunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Each output line (stdout and stderr interleaved as they arrive), without the newline. */
  onLine?: (line: string) => void
}

export interface ToolResult {
  code: number
  stdout: string
  stderr: string
}

/** Lines kept for the failure message: enough to show the error, not the whole build. */
const tailLines = 8

export class ToolFailedError extends UserError {
  constructor(
    readonly command: string,
    readonly code: number,
    readonly tail: string[]
  ) {
    const last = tail.filter((line) => line.trim() !== '').at(-1) ?? ''
    super(`${command} failed (exit ${code})${last !== '' ? `: ${last.trim()}` : ''}`)
  }
}

export class ToolMissingError extends UserError {}

/** Runs a tool to completion; a non-zero exit is a ToolFailedError, a missing binary a ToolMissingError. */
export async function runTool(
  command: string,
  args: readonly string[],
  options: ToolRunOptions = {}
): Promise<ToolResult> {
  const result = await spawnTool(command, args, options)
  if (result.code !== 0) {
    const tail = `${result.stderr}\n${result.stdout}`.split('\n').filter((line) => line !== '')
    throw new ToolFailedError(
      `${command} ${args[0] ?? ''}`.trim(),
      result.code,
      tail.slice(-tailLines)
    )
  }
  return result
}

/** Runs a tool and returns whatever it did, failure included; only a missing binary throws. */
export function spawnTool(
  command: string,
  args: readonly string[],
  options: ToolRunOptions = {}
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const stdout: string[] = []
    const stderr: string[] = []
    const splitter = (sink: string[]) => {
      let pending = ''
      return {
        push(chunk: Buffer) {
          const text = pending + chunk.toString('utf8')
          const lines = text.split('\n')
          pending = lines.pop() ?? ''
          for (const line of lines) emit(line.replace(/\r$/, ''), sink)
        },
        flush() {
          if (pending !== '') emit(pending, sink)
          pending = ''
        }
      }
    }
    const emit = (line: string, sink: string[]) => {
      sink.push(line)
      options.onLine?.(line)
    }
    const out = splitter(stdout)
    const err = splitter(stderr)
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new ToolMissingError(`${command} is not installed (not found on PATH)`)
          : error
      )
    })
    child.on('close', (code, signal) => {
      out.flush()
      err.flush()
      resolve({
        code: code ?? (signal !== null ? 128 : 1),
        stdout: stdout.join('\n'),
        stderr: stderr.join('\n')
      })
    })
  })
}
