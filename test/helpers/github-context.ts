/**
 * The GITHUB_* variables the runner sets for a job, derived from an event payload the way
 * GitHub derives them. Only what cannot exist here (GitHub itself) is simulated.
 */
export interface EventFixture {
  name: string
  payload: Record<string, unknown>
}

const repository = 'octo-org/runner-images'

export function contextVariables(event: EventFixture): Record<string, string> {
  const payload = event.payload as {
    ref?: string
    after?: string
    number?: number
    pull_request?: { head: { ref: string }; base: { ref: string; sha: string } }
    release?: { tag_name: string }
  }
  let ref = 'refs/heads/main'
  let sha = '860c1904a1ce19322e91ac35af1ab07466440c37'
  let headRef = ''
  let baseRef = ''
  switch (event.name) {
    case 'push':
      ref = payload.ref ?? ''
      sha = payload.after ?? ''
      break
    case 'pull_request':
    case 'pull_request_target':
      ref = `refs/pull/${payload.number}/merge`
      // The merge commit GitHub makes for the PR: neither the head nor the base sha.
      sha = 'a9c1c28b6cd0f9e5ef9f5e8d59b6c5b6f1a9ee10'
      headRef = payload.pull_request?.head.ref ?? ''
      baseRef = payload.pull_request?.base.ref ?? ''
      if (event.name === 'pull_request_target') {
        ref = `refs/heads/${baseRef}`
        sha = payload.pull_request?.base.sha ?? ''
      }
      break
    case 'release':
      ref = `refs/tags/${payload.release?.tag_name}`
      sha = 'b56ba1ba8ed6ebbe2b1d4cb4a6e52f6f39e4ac9d'
      break
    default:
      break
  }
  const refName = ref
    .replace(/^refs\/(heads|tags)\//, '')
    .replace(/^refs\/pull\/(\d+)\/merge$/, '$1/merge')
  return {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: event.name,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: refName,
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_SHA: sha,
    GITHUB_HEAD_REF: headRef,
    GITHUB_BASE_REF: baseRef,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0] ?? '',
    GITHUB_REPOSITORY_ID: '123456789',
    GITHUB_ACTOR: 'octocat',
    GITHUB_TRIGGERING_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'images',
    GITHUB_WORKFLOW_REF: `${repository}/.github/workflows/images.yml@${ref}`,
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '7000000001',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTION: '__run',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'arc-runner-set-abcde-runner-xyz12',
    RUNNER_ENVIRONMENT: 'self-hosted'
  }
}
