/**
 * image-meta computed in process for the event a build or promote runs on (the same code as the
 * image-meta action), without calling GitHub's API: the repository facts come from the payload.
 */
import { contextFromEnv, payloadValue, type GitHubContext } from '../release/context.js'
import {
  clockFromEnv,
  computeMeta,
  metaSettingsFromEnv,
  parseMetaInputs,
  type MetaResult
} from '../release/meta.js'
import { repositoryFromPayload, type RepositoryInfo } from '../release/repository.js'

export interface EventMetaOptions {
  /** GITHUB_*, DOCKER_METADATA_*, SOURCE_DATE_EPOCH. */
  env: NodeJS.ProcessEnv
  /** The event; contextFromEnv(env) when omitted (the CLI passes the git checkout's). */
  metaContext?: () => Promise<GitHubContext>
}

/** image-meta inputs by name (images, tags, flavor, labels, annotations) → its result. */
export async function metaForEvent(
  raw: Readonly<Record<string, string>>,
  options: EventMetaOptions
): Promise<MetaResult> {
  const inputs = parseMetaInputs(raw)
  const context = options.metaContext ? await options.metaContext() : contextFromEnv(options.env)
  return computeMeta(
    inputs,
    context,
    repositoryOf(context),
    metaSettingsFromEnv(options.env),
    clockFromEnv(options.env)
  )
}

/** Tag rules need the default branch at most; the payload has it, no API call is made. */
function repositoryOf(context: GitHubContext): RepositoryInfo {
  const fromPayload = repositoryFromPayload(context.payload)
  if (fromPayload) return fromPayload
  const defaultBranch = payloadValue(context.payload, 'repository', 'default_branch')
  return {
    name: context.repository.split('/')[1] ?? '',
    description: '',
    htmlUrl: '',
    license: '',
    defaultBranch: typeof defaultBranch === 'string' ? defaultBranch : ''
  }
}
