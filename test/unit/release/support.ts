// Builders for hand-made GitHub contexts and inputs, shared by the release tests.
import type { GitHubContext } from '../../../src/release/context.js'
import {
  computeMeta,
  type MetaInputs,
  type MetaResult,
  type MetaSettings
} from '../../../src/release/meta.js'
import type { RepositoryInfo } from '../../../src/release/repository.js'

export const sha = '860c1904a1ce19322e91ac35af1ab07466440c37'
export const headSha = '3370e228f2209994d57af4427fe64e71bb79ac96'
export const now = new Date('2020-01-10T00:30:00.000Z')

export const repository: RepositoryInfo = {
  name: 'app',
  description: 'An app',
  htmlUrl: 'https://github.com/acme/app',
  license: 'MIT',
  defaultBranch: 'main'
}

export function context(ref: string, overrides: Partial<GitHubContext> = {}): GitHubContext {
  return {
    eventName: ref.startsWith('refs/pull/') ? 'pull_request' : 'push',
    sha,
    ref,
    payload: { repository: { default_branch: 'main' } },
    repository: 'acme/app',
    workflow: 'ci',
    actor: 'octocat',
    runNumber: 1,
    runId: 1,
    runAttempt: 1,
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com',
    ...overrides
  }
}

export function inputs(overrides: Partial<MetaInputs> = {}): MetaInputs {
  return {
    images: ['acme/app'],
    tags: [],
    flavor: [],
    labels: [],
    annotations: [],
    sepTags: '\n',
    sepLabels: '\n',
    sepAnnotations: '\n',
    strict: false,
    stripTagPrefix: '',
    ...overrides
  }
}

export const settings: MetaSettings = {
  prHeadSha: false,
  shortShaLength: 7,
  annotationLevels: ['manifest']
}

/** Tag names for `tags` entries on `ref` (no images). */
export function tagNames(
  ref: string,
  tags: string[],
  options: {
    flavor?: string[]
    context?: Partial<GitHubContext>
    settings?: Partial<MetaSettings>
  } = {}
): string[] {
  return meta(ref, { tags, flavor: options.flavor ?? [], images: [] }, options).tagNames
}

export function meta(
  ref: string,
  given: Partial<MetaInputs>,
  options: {
    context?: Partial<GitHubContext>
    settings?: Partial<MetaSettings>
    repo?: Partial<RepositoryInfo>
  } = {}
): MetaResult {
  return computeMeta(
    inputs(given),
    context(ref, options.context),
    { ...repository, ...options.repo },
    { ...settings, ...options.settings },
    now
  )
}
