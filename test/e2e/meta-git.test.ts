/**
 * `runnerkit meta` outside Actions takes its context from a real git checkout, and image-meta
 * does the same with `context: git`. The repository is made with the real git CLI.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eventFixture } from '../helpers/events.js'
import { repositoryRoot, runAction } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let checkout: string
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: checkout, encoding: 'utf8' }).trim()

function runnerkitMeta(args: string[], cwd: string) {
  // No GITHUB_* variables: this is a developer's shell, not a workflow.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/root',
    SOURCE_DATE_EPOCH: '1764000000'
  }
  const result = spawnSync(
    process.execPath,
    [join(repositoryRoot, 'bin/runnerkit.js'), 'meta', ...args],
    {
      cwd,
      env,
      encoding: 'utf8'
    }
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(() => {
  requireTool('git')
  checkout = scratchDir('git')
  git('init', '-q', '-b', 'feature/rootless-uid')
  git('config', 'user.email', 'dev@example.com')
  git('config', 'user.name', 'Dev')
  writeFileSync(join(checkout, 'Dockerfile'), 'FROM scratch\n')
  git('add', 'Dockerfile')
  git('commit', '-q', '-m', 'first')
})

describe('runnerkit meta in a local checkout', () => {
  it('tags the current branch and the HEAD sha', () => {
    const head = git('rev-parse', 'HEAD')
    const result = runnerkitMeta(
      ['--images', 'ghcr.io/acme/runner', '--tags', 'type=ref,event=branch\ntype=sha'],
      checkout
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const json = JSON.parse(result.stdout) as { tags: string[]; labels: Record<string, string> }
    expect(json.tags).toEqual([
      'ghcr.io/acme/runner:feature-rootless-uid',
      `ghcr.io/acme/runner:sha-${head.slice(0, 7)}`
    ])
    expect(json.labels['org.opencontainers.image.revision']).toBe(head)
  })

  it('treats an exact tag on HEAD like a tag push', () => {
    git('tag', 'v3.1.0')
    const result = runnerkitMeta(
      ['--images', 'ghcr.io/acme/runner', '--tags', 'type=semver,pattern={{version}}'],
      checkout
    )
    expect(result.status).toBe(0)
    expect((JSON.parse(result.stdout) as { tags: string[] }).tags).toEqual([
      'ghcr.io/acme/runner:3.1.0',
      'ghcr.io/acme/runner:latest'
    ])
  })

  it('names the folder when it is not a git checkout', () => {
    const empty = scratchDir('nogit')
    const result = runnerkitMeta(['--images', 'ghcr.io/acme/runner'], empty)
    expect(result.status).toBe(1)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(empty)
  })
})

describe('image-meta with context: git', () => {
  it('reads the checkout in the workspace instead of the event', async () => {
    const run = await runAction('image-meta', {
      workspace: checkout,
      // The event says main; with context: git the tag on HEAD decides.
      event: eventFixture('push', 'push-main.json'),
      inputs: {
        context: 'git',
        images: 'ghcr.io/acme/runner',
        tags: 'type=semver,pattern={{major}}.{{minor}}'
      },
      env: { SOURCE_DATE_EPOCH: '1764000000' }
    })
    expect(run.errors).toEqual([])
    expect(run.outputs.tags?.split('\n')).toEqual([
      'ghcr.io/acme/runner:3.1',
      'ghcr.io/acme/runner:latest'
    ])
  })
})
