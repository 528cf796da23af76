import { afterEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runRunnerkit } from '../../helpers/cli.js'

const sha = '860c1904a1ce19322e91ac35af1ab07466440c37'
const repository = {
  name: 'app',
  description: 'An app',
  html_url: 'https://github.com/acme/app',
  license: { spdx_id: 'Apache-2.0' },
  default_branch: 'main'
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function workflowEnv(
  ref: string,
  payload: Record<string, unknown> = {},
  extra: Record<string, string> = {}
) {
  const dir = mkdtempSync(join(tmpdir(), 'runnerkit-cli-meta-'))
  dirs.push(dir)
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify({ repository, ...payload }))
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: ref.startsWith('refs/pull/') ? 'pull_request' : 'push',
    GITHUB_REF: ref,
    GITHUB_SHA: sha,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_EVENT_PATH: eventPath,
    SOURCE_DATE_EPOCH: '1578616200',
    ...extra
  }
}

const meta = (args: string[], env: NodeJS.ProcessEnv, cwd = '/') =>
  runRunnerkit(['meta', ...args], env, cwd)

describe('runnerkit meta', () => {
  it('prints version, tags, tag-names, labels and annotations as JSON', async () => {
    const run = await meta(
      [
        '--images',
        'ghcr.io/Acme/App',
        '--tags',
        'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}'
      ],
      workflowEnv('refs/tags/v1.2.3')
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const output = JSON.parse(run.stdout) as Record<string, unknown>
    expect(Object.keys(output)).toEqual(['version', 'tags', 'tag-names', 'labels', 'annotations'])
    expect(output.version).toBe('1.2.3')
    expect(output.tags).toEqual([
      'ghcr.io/acme/app:1.2.3',
      'ghcr.io/acme/app:1',
      'ghcr.io/acme/app:latest'
    ])
    expect(output['tag-names']).toEqual(['1.2.3', '1', 'latest'])
    expect(output.labels).toMatchObject({
      'org.opencontainers.image.created': '2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.licenses': 'Apache-2.0',
      'org.opencontainers.image.revision': sha,
      'org.opencontainers.image.version': '1.2.3'
    })
    expect(output.annotations).toContain('manifest:org.opencontainers.image.title=app')
  })

  it('accepts repeated list flags, one entry each', async () => {
    const run = await meta(
      [
        '--tags',
        'type=ref,event=branch',
        '--tags',
        'type=sha',
        '--output',
        'tag-names',
        '--sep-tags',
        ','
      ],
      workflowEnv('refs/heads/dev')
    )
    expect(run.stdout).toBe('dev,sha-860c190\n')
  })

  it('prints one output joined with its separator', async () => {
    const run = await meta(
      ['--images', 'a/b', '--tags', 'x\ny', '--output', 'tags', '--sep-tags', ' '],
      workflowEnv('refs/heads/dev')
    )
    expect(run.stdout).toBe('a/b:x a/b:y\n')
  })

  it('strips the tag prefix when asked', async () => {
    const run = await meta(
      ['--strip-tag-prefix', 'v', '--output', 'tag-names'],
      workflowEnv('refs/tags/v2.0.0')
    )
    expect(run.stdout).toBe('2.0.0\nlatest\n')
  })

  it('reads DOCKER_METADATA_* variables from its environment', async () => {
    const env = workflowEnv(
      'refs/pull/15/merge',
      { number: 15, pull_request: { head: { sha: '3370e228f2209994d57af4427fe64e71bb79ac96' } } },
      { DOCKER_METADATA_PR_HEAD_SHA: 'true', DOCKER_METADATA_SHORT_SHA_LENGTH: '10' }
    )
    const run = await meta(['--tags', 'type=sha', '--output', 'version'], env)
    expect(run.stdout).toBe('sha-3370e228f2\n')
  })

  it('prints warnings to stderr and still succeeds', async () => {
    const run = await meta(
      ['--tags', 'type=semver,pattern={{version}}', '--output', 'version'],
      workflowEnv('refs/tags/v1.6')
    )
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('\n')
    expect(run.stderr).toMatch(
      /^runnerkit meta: warning: tags entry 'type=semver,pattern=\{\{version\}\}': 'v1\.6' is not a valid semver/m
    )
  })

  it('fails on warnings in strict mode, printing nothing', async () => {
    const run = await meta(
      ['--tags', 'type=semver,pattern={{version}}', '--strict'],
      workflowEnv('refs/tags/v1.6')
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^runnerkit meta: tags entry .* \(strict mode\)\n$/)
  })

  // prettier-ignore
  it.each([
    [['--tags', 'type=nope'], /unknown type 'nope'/],
    [['--flavor', 'latest=sometimes'], /latest=sometimes is not auto, true or false/],
    [['--images', 'UPPER CASE'], /not a valid image name/],
    [['--output', 'bake-file'], /--output bake-file: use one of/],
    [['--context', 'cloud'], /--context cloud: use auto, workflow or git/],
    [['--nope'], /Unknown option '--nope'/],
    [['stray'], /unexpected argument 'stray'/]
  ])('rejects %j with one line', async (args, message) => {
    const run = await meta(args, workflowEnv('refs/heads/main'))
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(message)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('names a broken event file', async () => {
    const run = await meta([], {
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_PATH: '/nonexistent/event.json'
    })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/GITHUB_EVENT_PATH=\/nonexistent\/event\.json/)
  })
})
