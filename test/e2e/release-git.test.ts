/**
 * The git side of src/release: the context and repository metadata read from a real git
 * checkout (made with the git CLI), and `runnerkit meta` in-process on such a checkout.
 */
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { runRunnerkit } from '../helpers/cli.js'
import { contextFromGit } from '../../src/release/context.js'
import { repositoryFromGit } from '../../src/release/repository.js'
import { git, makeRepository } from '../helpers/git-repo.js'
import { requireTool } from '../helpers/tools.js'

beforeAll(() => {
  requireTool('git')
})

const cleanup: string[] = []
const dirs = cleanup
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const metaInProcess = (args: string[], env: NodeJS.ProcessEnv, cwd = '/') =>
  runRunnerkit(['meta', ...args], env, cwd)

/** A workflow environment whose event says tag v9.9.9, to show --context git ignores it. */
function workflowEnv(ref: string) {
  const dir = mkdtempSync(join(tmpdir(), 'runnerkit-cli-meta-'))
  cleanup.push(dir)
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({}))
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: ref,
    GITHUB_SHA: '860c1904a1ce19322e91ac35af1ab07466440c37',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_EVENT_PATH: eventPath,
    SOURCE_DATE_EPOCH: '1578616200'
  }
}

describe('contextFromGit', () => {
  it('describes a branch checkout as a push', async () => {
    const dir = makeRepository()
    cleanup.push(dir)
    const ctx = await contextFromGit(dir)
    expect(ctx.eventName).toBe('push')
    expect(ctx.ref).toBe('refs/heads/main')
    expect(ctx.sha).toBe(git(dir, 'rev-parse', 'HEAD'))
    expect(ctx.commitDate?.toISOString()).toBe('2022-04-19T09:27:24.000Z')
    expect(ctx.payload).toEqual({})
    expect(ctx.repository).toBe('')
  })

  it('prefers a tag at HEAD, the highest version when several', async () => {
    const dir = makeRepository()
    cleanup.push(dir)
    git(dir, 'tag', 'v1')
    git(dir, 'tag', '-a', 'v1.2.0', '-m', 'release')
    git(dir, 'tag', 'v1.10.0')
    expect((await contextFromGit(dir)).ref).toBe('refs/tags/v1.10.0')
  })

  it('has no ref on a detached HEAD without a tag', async () => {
    const dir = makeRepository()
    cleanup.push(dir)
    git(dir, 'checkout', '-q', '--detach')
    const ctx = await contextFromGit(dir)
    expect(ctx.ref).toBe('')
    expect(ctx.sha).toMatch(/^[0-9a-f]{40}$/)
  })

  it('reads owner/name and the default branch from origin', async () => {
    const dir = makeRepository()
    cleanup.push(dir)
    git(dir, 'remote', 'add', 'origin', 'git@github.com:acme/app.git')
    git(dir, 'update-ref', 'refs/remotes/origin/trunk', 'HEAD')
    git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk')
    const ctx = await contextFromGit(dir)
    expect(ctx.repository).toBe('acme/app')
    expect(ctx.payload).toEqual({ repository: { default_branch: 'trunk' } })
  })

  it('rejects a directory outside git and a repository without commits', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'runnerkit-plain-'))
    cleanup.push(plain)
    await expect(contextFromGit(plain)).rejects.toThrow(/is not inside a git repository/)
    git(plain, 'init', '-q')
    await expect(contextFromGit(plain)).rejects.toThrow(/has no commit yet/)
  })
})

describe('repositoryFromGit', () => {
  it('uses the origin remote for name and URL', async () => {
    const dir = makeRepository()
    dirs.push(dir)
    git(dir, 'remote', 'add', 'origin', 'git@github.com:acme/widget.git')
    expect(await repositoryFromGit(dir)).toEqual({
      name: 'widget',
      description: '',
      htmlUrl: 'https://github.com/acme/widget',
      license: '',
      defaultBranch: ''
    })
  })

  it('falls back to the directory name without a remote', async () => {
    const dir = makeRepository('runnerkit-local-')
    dirs.push(dir)
    expect(await repositoryFromGit(dir)).toMatchObject({ name: basename(dir), htmlUrl: '' })
  })
})

describe('runnerkit meta on a checkout', () => {
  it('uses the local checkout outside Actions', async () => {
    const dir = makeRepository()
    dirs.push(dir)
    git(dir, 'remote', 'add', 'origin', 'https://github.com/acme/widget.git')
    git(dir, 'tag', 'v3.1.0')
    const run = await metaInProcess(
      ['--tags', 'type=semver,pattern={{major}}.{{minor}}\ntype=sha'],
      { SOURCE_DATE_EPOCH: '0' },
      dir
    )
    expect(run.code).toBe(0)
    const output = JSON.parse(run.stdout) as { tags: string[]; labels: Record<string, string> }
    expect(output.tags).toEqual([
      '3.1',
      `sha-${git(dir, 'rev-parse', '--short=7', 'HEAD')}`,
      'latest'
    ])
    expect(output.labels['org.opencontainers.image.source']).toBe('https://github.com/acme/widget')
    expect(output.labels['org.opencontainers.image.title']).toBe('widget')
    expect(output.labels['org.opencontainers.image.created']).toBe('1970-01-01T00:00:00.000Z')
  })

  it('can be told to use git inside Actions', async () => {
    const dir = makeRepository()
    dirs.push(dir)
    const env = workflowEnv('refs/tags/v9.9.9')
    const run = await metaInProcess(['--context', 'git', '--output', 'version'], env, dir)
    expect(run.stdout).toBe('main\n')
  })
})
