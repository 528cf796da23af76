import { basename } from 'node:path'
import { UserError } from '../errors.js'
import { payloadValue, repositoryFromRemoteUrl, type GitHubContext } from './context.js'
import { runGit } from './git.js'
import { getGitHubJson } from './github-api.js'

/** What the OCI labels and `type=edge` need to know about the repository. */
export interface RepositoryInfo {
  name: string
  description: string
  htmlUrl: string
  /** SPDX id, or '' when GitHub detected none. */
  license: string
  defaultBranch: string
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/** The REST API's repository object (or the payload's copy of it) as RepositoryInfo. */
function repositoryInfoOf(repository: unknown): RepositoryInfo {
  return {
    name: text(payloadValue(repository, 'name')),
    description: text(payloadValue(repository, 'description')),
    htmlUrl: text(payloadValue(repository, 'html_url')),
    license: text(payloadValue(repository, 'license', 'spdx_id')),
    defaultBranch: text(payloadValue(repository, 'default_branch'))
  }
}

/**
 * The repository from the event payload, when it is complete enough to stand in for the
 * REST API answer metadata-action uses: name, html_url and default_branch set, and the
 * description and license fields present (null is a real answer: none). Webhook payloads
 * carry the same repository object as the API, so this saves a request on almost every event.
 */
export function repositoryFromPayload(
  payload: Record<string, unknown>
): RepositoryInfo | undefined {
  const repository = payload.repository
  if (repository === null || typeof repository !== 'object') return undefined
  const info = repositoryInfoOf(repository)
  const complete =
    info.name !== '' &&
    info.htmlUrl !== '' &&
    info.defaultBranch !== '' &&
    'description' in repository &&
    'license' in repository
  return complete ? info : undefined
}

/** `GET /repos/{owner}/{name}`. */
export async function fetchRepository(
  repository: string,
  token: string,
  apiUrl: string
): Promise<RepositoryInfo> {
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
    throw new UserError(`'${repository}' is not an owner/name repository`)
  }
  return repositoryInfoOf(await getGitHubJson<unknown>(`/repos/${repository}`, token, apiUrl))
}

/**
 * Repository metadata for an Actions run: the event payload's copy when complete, else the
 * REST API for GITHUB_REPOSITORY (with `token`, as metadata-action does).
 */
export async function resolveRepository(
  context: GitHubContext,
  env: NodeJS.ProcessEnv,
  token: string
): Promise<RepositoryInfo> {
  const fromPayload = repositoryFromPayload(context.payload)
  if (fromPayload) return fromPayload
  const repository = context.repository || env.GITHUB_REPOSITORY || ''
  if (!repository) {
    throw new UserError(
      'the event payload has no repository and GITHUB_REPOSITORY is not set; cannot read repository metadata'
    )
  }
  try {
    return await fetchRepository(repository, token, context.apiUrl || env.GITHUB_API_URL || '')
  } catch (error) {
    if (error instanceof UserError) {
      throw new UserError(
        `cannot read repository metadata for ${repository}: ${error.message}; check the github-token`
      )
    }
    throw error
  }
}

/**
 * Repository metadata from a local checkout, for use outside Actions without the API: the
 * name and web URL from the `origin` remote (or the directory name), the default branch
 * from `origin/HEAD`; no description and no license.
 */
export async function repositoryFromGit(cwd: string): Promise<RepositoryInfo> {
  const top = await runGit(cwd, ['rev-parse', '--show-toplevel'])
  const remote = await runGit(cwd, ['remote', 'get-url', 'origin'])
  const originHead = await runGit(cwd, [
    'symbolic-ref',
    '-q',
    '--short',
    'refs/remotes/origin/HEAD'
  ])
  const remoteUrl = remote.ok ? remote.stdout : ''
  const slug = repositoryFromRemoteUrl(remoteUrl)
  const host = /^(?:[a-z+]+:\/\/(?:[^@/]+@)?([^/:]+)|[^@/]+@([^:/]+):)/i.exec(remoteUrl)
  const hostName = host?.[1] ?? host?.[2]
  return {
    name: slug ? slug.split('/')[1]! : basename(top.ok ? top.stdout : cwd),
    description: '',
    htmlUrl: slug && hostName ? `https://${hostName}/${slug}` : '',
    license: '',
    defaultBranch: originHead.ok ? originHead.stdout.replace(/^origin\//, '') : ''
  }
}
