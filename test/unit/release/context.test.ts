import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  commitDateFromPayload,
  contextFromEnv,
  isActionsEnvironment,
  repositoryFromRemoteUrl,
  resolveCommitDate
} from '../../../src/release/context.js'
import { startFakeGitHubApi, type FakeGitHubApi } from '../../helpers/fake-github-api.js'
import { context, headSha, sha } from './support.js'

const cleanup: string[] = []
afterEach(() => {
  for (const dir of cleanup.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function eventFile(payload: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'runnerkit-event-'))
  cleanup.push(dir)
  const path = join(dir, 'event.json')
  writeFileSync(path, typeof payload === 'string' ? payload : JSON.stringify(payload))
  return path
}

describe('isActionsEnvironment', () => {
  // prettier-ignore
  it.each([
    [{}, false],
    [{ GITHUB_ACTIONS: 'true' }, true],
    [{ GITHUB_ACTIONS: '' }, false],
    [{ GITHUB_EVENT_NAME: 'push' }, true],
    [{ GITHUB_EVENT_PATH: '/tmp/event.json' }, true]
  ])('%j → %s', (env, expected) => {
    expect(isActionsEnvironment(env)).toBe(expected)
  })
})

describe('contextFromEnv', () => {
  const pushPayload = {
    ref: 'refs/heads/dev',
    commits: [{ id: sha, timestamp: '2022-04-19T11:27:24+02:00' }],
    repository: { default_branch: 'main' }
  }

  it('reads the runner variables and the payload', () => {
    const ctx = contextFromEnv({
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: sha,
      GITHUB_REF: 'refs/heads/dev',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '2188748038',
      GITHUB_RUN_NUMBER: '15',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      GITHUB_EVENT_PATH: eventFile(pushPayload)
    })
    expect(ctx).toMatchObject({
      eventName: 'push',
      sha,
      ref: 'refs/heads/dev',
      repository: 'acme/app',
      runId: 2188748038,
      runNumber: 15,
      apiUrl: 'https://ghe.example.com/api/v3',
      payload: pushPayload
    })
    expect(ctx.commitDate?.toISOString()).toBe('2022-04-19T09:27:24.000Z')
  })

  it('works without an event file', () => {
    const ctx = contextFromEnv({ GITHUB_EVENT_NAME: 'workflow_dispatch' })
    expect(ctx.payload).toEqual({})
    expect(ctx.commitDate).toBeUndefined()
    expect(ctx.apiUrl).toBe('https://api.github.com')
  })

  it('rewrites the ref of pull_request_target to the PR merge ref', () => {
    const ctx = contextFromEnv({
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_EVENT_PATH: eventFile({ number: 15, pull_request: { head: { sha: headSha } } })
    })
    expect(ctx.ref).toBe('refs/pull/15/merge')
    expect(ctx.sha).toBe(sha)
  })

  it('uses the PR head sha with DOCKER_METADATA_PR_HEAD_SHA=true', () => {
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/15/merge',
      GITHUB_SHA: sha,
      GITHUB_EVENT_PATH: eventFile({ number: 15, pull_request: { head: { sha: headSha } } })
    }
    expect(contextFromEnv(env).sha).toBe(sha)
    expect(contextFromEnv({ ...env, DOCKER_METADATA_PR_HEAD_SHA: 'true' }).sha).toBe(headSha)
  })

  it('names the event file when it is missing or not JSON', () => {
    expect(() => contextFromEnv({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toThrow(
      /cannot read the event payload GITHUB_EVENT_PATH=\/nonexistent\/event\.json/
    )
    const broken = eventFile('{not json')
    expect(() => contextFromEnv({ GITHUB_EVENT_PATH: broken })).toThrow(
      `GITHUB_EVENT_PATH=${broken} is not valid JSON`
    )
    const array = eventFile('[]')
    expect(() => contextFromEnv({ GITHUB_EVENT_PATH: array })).toThrow(
      /not valid JSON: not a JSON object/
    )
  })
})

describe('commitDateFromPayload', () => {
  it('finds the commit among commits or head_commit, by sha', () => {
    const payload = {
      commits: [{ id: 'aaa', timestamp: '2021-01-01T00:00:00Z' }],
      head_commit: { id: 'bbb', timestamp: '2022-02-02T00:00:00Z' }
    }
    expect(commitDateFromPayload(payload, 'aaa')?.toISOString()).toBe('2021-01-01T00:00:00.000Z')
    expect(commitDateFromPayload(payload, 'bbb')?.toISOString()).toBe('2022-02-02T00:00:00.000Z')
    expect(commitDateFromPayload(payload, 'ccc')).toBeUndefined()
    expect(commitDateFromPayload({}, 'aaa')).toBeUndefined()
  })
})

describe('resolveCommitDate', () => {
  let api: FakeGitHubApi
  beforeAll(async () => {
    api = await startFakeGitHubApi({
      [`/repos/acme/app/commits/${sha}`]: {
        commit: { committer: { date: '2023-03-03T03:03:03Z' } }
      }
    })
  })
  afterAll(() => api.close())

  it('asks the API when the payload has no date and a token is given', async () => {
    const resolved = await resolveCommitDate(
      context('refs/pull/1/merge', { apiUrl: api.url }),
      'secret'
    )
    expect(resolved.commitDate?.toISOString()).toBe('2023-03-03T03:03:03.000Z')
    expect(api.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: `/repos/acme/app/commits/${sha}`,
      headers: { authorization: 'Bearer secret' }
    })
  })

  it('leaves the context alone without a token, with a known date, or when the API fails', async () => {
    const count = api.requests.length
    const known = new Date(0)
    expect(
      (await resolveCommitDate(context('refs/heads/main', { apiUrl: api.url }), '')).commitDate
    ).toBeUndefined()
    expect(
      (
        await resolveCommitDate(
          context('refs/heads/main', { apiUrl: api.url, commitDate: known }),
          'x'
        )
      ).commitDate
    ).toBe(known)
    expect(api.requests.length).toBe(count)
    const failing = await resolveCommitDate(
      context('refs/heads/main', { apiUrl: api.url, sha: 'unknown' }),
      'x'
    )
    expect(failing.commitDate).toBeUndefined()
  })
})

describe('repositoryFromRemoteUrl', () => {
  // prettier-ignore
  it.each([
    ['https://github.com/acme/app.git', 'acme/app'],
    ['https://github.com/acme/app', 'acme/app'],
    ['https://token@github.com/acme/app/', 'acme/app'],
    ['git@github.com:acme/app.git', 'acme/app'],
    ['ssh://git@github.com:22/acme/app.git', 'acme/app'],
    ['https://gitlab.com/group/sub/app.git', undefined],
    ['/srv/git/app.git', undefined]
  ])('%s → %s', (url, expected) => {
    expect(repositoryFromRemoteUrl(url)).toBe(expected)
  })
})
