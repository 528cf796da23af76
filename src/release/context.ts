import { readFileSync } from 'node:fs'
import { UserError, messageOf } from '../errors.js'
import { runGit } from './git.js'
import { defaultApiUrl, getGitHubJson } from './github-api.js'

/** The event a workflow run (or a local checkout) describes; what tags are computed from. */
export interface GitHubContext {
  eventName: string
  /** The commit the metadata describes (the PR head when DOCKER_METADATA_PR_HEAD_SHA is on). */
  sha: string
  /** `refs/heads/…`, `refs/tags/…`, `refs/pull/N/merge`, or '' when unknown. */
  ref: string
  /** The webhook event payload (GITHUB_EVENT_PATH); `{}` outside Actions. */
  payload: Record<string, unknown>
  /** `owner/name`, from GITHUB_REPOSITORY or the git remote; '' when unknown. */
  repository: string
  workflow: string
  actor: string
  runNumber: number
  runId: number
  runAttempt: number
  apiUrl: string
  serverUrl: string
  /** When `sha` was committed, if known; `{{commit_date}}` falls back to the clock. */
  commitDate?: Date
}

/** Looks up `path` in nested objects; undefined as soon as a step is not an object. */
export function payloadValue(payload: unknown, ...path: string[]): unknown {
  let value = payload
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function payloadString(payload: unknown, ...path: string[]): string | undefined {
  const value = payloadValue(payload, ...path)
  return typeof value === 'string' ? value : undefined
}

/** True inside a GitHub Actions job (or anything that sets up its event like one). */
export function isActionsEnvironment(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true' || !!env.GITHUB_EVENT_NAME || !!env.GITHUB_EVENT_PATH
}

/** DOCKER_METADATA_PR_HEAD_SHA: true/false (any case); empty means false. */
export function prHeadShaFromEnv(env: NodeJS.ProcessEnv): boolean {
  const text = (env.DOCKER_METADATA_PR_HEAD_SHA ?? '').trim()
  if (text === '') return false
  if (/^true$/i.test(text)) return true
  if (/^false$/i.test(text)) return false
  throw new UserError(
    `DOCKER_METADATA_PR_HEAD_SHA='${text}' is not a boolean; set it to 'true' or 'false'`
  )
}

/**
 * The sha tags describe: on pull_request* events with the PR-head option, the head commit
 * of the PR instead of the temporary merge commit GitHub checks out.
 */
export function describedSha(context: GitHubContext, prHeadSha: boolean): string {
  if (prHeadSha && /pull_request/.test(context.eventName)) {
    const head = payloadString(context.payload, 'pull_request', 'head', 'sha')
    if (head !== undefined) return head
  }
  return context.sha
}

/** The commit timestamp the push payload carries for `sha` (branch pushes and tags). */
export function commitDateFromPayload(
  payload: Record<string, unknown>,
  sha: string
): Date | undefined {
  const commits = payload.commits
  const candidates = [
    ...(Array.isArray(commits) ? (commits as unknown[]) : []),
    payload.head_commit
  ]
  for (const commit of candidates) {
    if (payloadString(commit, 'id') === sha) {
      const timestamp = payloadString(commit, 'timestamp')
      const date = timestamp === undefined ? undefined : new Date(timestamp)
      if (date && !Number.isNaN(date.getTime())) return date
    }
  }
  return undefined
}

function readPayload(path: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(
      `cannot read the event payload GITHUB_EVENT_PATH=${path}: ${messageOf(error)}`
    )
  }
  try {
    const payload: unknown = JSON.parse(text)
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw new Error('not a JSON object')
    }
    return payload as Record<string, unknown>
  } catch (error) {
    throw new UserError(
      `the event payload GITHUB_EVENT_PATH=${path} is not valid JSON: ${messageOf(error)}`
    )
  }
}

function numberFrom(text: string | undefined, fallback: number): number {
  const value = Number(text)
  return text && Number.isFinite(value) ? value : fallback
}

/**
 * The context of an Actions run, from the runner's GITHUB_* variables and event payload.
 * As metadata-action does: on pull_request_target the ref becomes `refs/pull/N/merge` (the
 * runner gives the base branch), and with DOCKER_METADATA_PR_HEAD_SHA=true the sha is the
 * PR head.
 */
export function contextFromEnv(env: NodeJS.ProcessEnv): GitHubContext {
  const eventPath = env.GITHUB_EVENT_PATH
  const payload = eventPath ? readPayload(eventPath) : {}
  const context: GitHubContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    payload,
    repository: env.GITHUB_REPOSITORY ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    runNumber: numberFrom(env.GITHUB_RUN_NUMBER, 0),
    runId: numberFrom(env.GITHUB_RUN_ID, 0),
    runAttempt: numberFrom(env.GITHUB_RUN_ATTEMPT, 1),
    apiUrl: env.GITHUB_API_URL || defaultApiUrl,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com'
  }
  if (/pull_request_target/.test(context.eventName)) {
    const number =
      payloadValue(payload, 'number') ?? payloadValue(payload, 'pull_request', 'number')
    if (typeof number === 'number' || typeof number === 'string') {
      context.ref = `refs/pull/${number}/merge`
    }
  }
  context.sha = describedSha(context, prHeadShaFromEnv(env))
  context.commitDate = commitDateFromPayload(payload, context.sha)
  return context
}

/**
 * Fills `commitDate` from the REST API (`GET /repos/{repo}/commits/{sha}`) when the payload
 * did not carry it (pull requests, releases, schedules) and a token is available, as
 * metadata-action does. Without a token, or when the call fails, the context is returned
 * unchanged and `{{commit_date}}` uses the clock, again as metadata-action does.
 */
export async function resolveCommitDate(
  context: GitHubContext,
  token: string
): Promise<GitHubContext> {
  if (context.commitDate || !token || !context.sha || !context.repository.includes('/')) {
    return context
  }
  try {
    const commit = await getGitHubJson<unknown>(
      `/repos/${context.repository}/commits/${encodeURIComponent(context.sha)}`,
      token,
      context.apiUrl
    )
    const committed = payloadString(commit, 'commit', 'committer', 'date')
    const date = committed === undefined ? undefined : new Date(committed)
    if (date && !Number.isNaN(date.getTime())) return { ...context, commitDate: date }
  } catch {
    // The clock is the documented fallback.
  }
  return context
}

async function gitOutput(cwd: string, args: string[]): Promise<string | undefined> {
  const result = await runGit(cwd, args)
  return result.ok && result.stdout !== '' ? result.stdout : undefined
}

/** `owner/name` of a GitHub-style remote URL (https, ssh or scp form), if it is one. */
export function repositoryFromRemoteUrl(url: string): string | undefined {
  const match =
    /^(?:[a-z+]+:\/\/(?:[^@/]+@)?[^/]+(?::\d+)?\/|[^@/]+@[^:/]+:)(.+?)(?:\.git)?\/?$/i.exec(
      url.trim()
    )
  const path = match?.[1]
  return path && /^[^/]+\/[^/]+$/.test(path) ? path : undefined
}

/**
 * The context of a local checkout, for running outside Actions: a push of HEAD. A tag
 * pointing at HEAD wins over the branch, as a tag push would (the highest version when
 * several do); a detached HEAD without a tag has no ref.
 */
export async function contextFromGit(cwd: string): Promise<GitHubContext> {
  const top = await runGit(cwd, ['rev-parse', '--show-toplevel'])
  if (!top.ok) {
    throw new UserError(
      `${cwd} is not inside a git repository (${top.stderr.split('\n')[0] ?? ''}); run in a checkout or inside GitHub Actions`
    )
  }
  const sha = await gitOutput(cwd, ['rev-parse', '--verify', '-q', 'HEAD^{commit}'])
  if (!sha)
    throw new UserError(`the git repository at ${top.stdout} has no commit yet; commit first`)
  const tags = await gitOutput(cwd, ['tag', '--points-at', 'HEAD', '--sort=-version:refname'])
  const tag = tags?.split('\n')[0]
  const branch = await gitOutput(cwd, ['symbolic-ref', '-q', '--short', 'HEAD'])
  const ref = tag ? `refs/tags/${tag}` : branch ? `refs/heads/${branch}` : ''
  const committed = await gitOutput(cwd, ['log', '-1', '--format=%cI', 'HEAD'])
  const commitDate = committed ? new Date(committed) : undefined
  const originHead = await gitOutput(cwd, [
    'symbolic-ref',
    '-q',
    '--short',
    'refs/remotes/origin/HEAD'
  ])
  const defaultBranch = originHead?.replace(/^origin\//, '')
  const remote = await gitOutput(cwd, ['remote', 'get-url', 'origin'])
  return {
    eventName: 'push',
    sha,
    ref,
    payload: defaultBranch ? { repository: { default_branch: defaultBranch } } : {},
    repository: (remote && repositoryFromRemoteUrl(remote)) ?? '',
    workflow: '',
    actor: '',
    runNumber: 0,
    runId: 0,
    runAttempt: 1,
    apiUrl: defaultApiUrl,
    serverUrl: 'https://github.com',
    commitDate: commitDate && !Number.isNaN(commitDate.getTime()) ? commitDate : undefined
  }
}
