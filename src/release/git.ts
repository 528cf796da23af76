import { execFile } from 'node:child_process'

export interface GitResult {
  ok: boolean
  stdout: string
  stderr: string
}

/** Runs `git args…` in `cwd`; never throws for a non-zero exit (callers decide). */
export function runGit(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({
          ok: !error,
          stdout: stdout.trim(),
          stderr: (stderr || (error?.message ?? '')).trim()
        })
      }
    )
  })
}
