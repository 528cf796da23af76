// Temporary git repositories for context tests.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_AUTHOR_DATE: '2022-04-19T11:27:24+02:00',
  GIT_COMMITTER_DATE: '2022-04-19T11:27:24+02:00',
  GIT_CONFIG_NOSYSTEM: '1'
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim()
}

/** A new repository on branch `main` with one commit; returns its directory. */
export function makeRepository(prefix = 'runnerkit-meta-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  git(dir, 'init', '-q', '-b', 'main')
  writeFileSync(join(dir, 'README'), 'hello\n')
  git(dir, 'add', 'README')
  git(dir, 'commit', '-q', '-m', 'first')
  return dir
}
