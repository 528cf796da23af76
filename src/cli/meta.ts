import { UserError } from '../errors.js'
import {
  contextFromEnv,
  contextFromGit,
  isActionsEnvironment,
  resolveCommitDate,
  type GitHubContext
} from '../release/context.js'
import {
  clockFromEnv,
  computeMeta,
  metaOutputNames,
  metaOutputs,
  metaSettingsFromEnv,
  type MetaOutputName,
  parseMetaInputs,
  usesCommitDate
} from '../release/meta.js'
import {
  fetchRepository,
  repositoryFromGit,
  repositoryFromPayload,
  resolveRepository,
  type RepositoryInfo
} from '../release/repository.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit meta [options]

Compute image tags, OCI labels and annotations for the current event, with the same inputs
as docker/metadata-action (and the image-meta action). Prints a JSON object
{version, tags, tag-names, labels, annotations}; warnings go to stderr.

Inside GitHub Actions the event comes from GITHUB_* variables and the event payload;
elsewhere from the git checkout: a push of HEAD (a tag at HEAD wins over the branch).

Options (each takes the action input's text; list flags may repeat, one entry each):
  --images TEXT            images to tag, e.g. ghcr.io/owner/app (none: bare tags)
  --tags TEXT              tag rules, e.g. 'type=semver,pattern={{version}}' (none: defaults)
  --flavor TEXT            latest=auto|true|false, prefix=…, suffix=…[,onlatest=true]
  --labels TEXT            extra labels key=value (override the OCI defaults)
  --annotations TEXT       extra annotations key=value
  --sep-tags TEXT          separator for --output tags/tag-names (default newline)
  --sep-labels TEXT        separator for --output labels (default newline)
  --sep-annotations TEXT   separator for --output annotations (default newline)
  --strict                 fail, naming the entry, instead of dropping invalid tags
  --strip-tag-prefix TEXT  remove TEXT (e.g. v) from type=ref,event=tag tags
  --context MODE           auto (default), workflow (GITHUB_* env) or git (local checkout)
  --github-token TOKEN     token for repository metadata and commit dates when the event
                           payload lacks them (default: GITHUB_TOKEN)
  --output NAME            print one output as the action sets it instead of JSON:
                           version, tags, tag-names, labels, annotations or json

Environment: DOCKER_METADATA_PR_HEAD_SHA, DOCKER_METADATA_SHORT_SHA_LENGTH,
DOCKER_METADATA_ANNOTATIONS_LEVELS, SOURCE_DATE_EPOCH (the clock for created and {{date}}).
Repository metadata: the event payload, else the GitHub REST API (with a token), else
(outside Actions) the git remote and directory name, without description or license.
`

/** Outside Actions: the API when a token and a GitHub remote are known, else git alone. */
async function localRepository(
  context: GitHubContext,
  cwd: string,
  token: string,
  warn: (message: string) => void
): Promise<RepositoryInfo> {
  const fromPayload = repositoryFromPayload(context.payload)
  if (fromPayload) return fromPayload
  if (token && context.repository) {
    try {
      return await fetchRepository(context.repository, token, context.apiUrl)
    } catch (error) {
      warn(`${(error as Error).message}; using the git checkout for repository metadata`)
    }
  }
  return repositoryFromGit(cwd)
}

export const metaCommand: Command = {
  name: 'meta',
  summary:
    'compute image tags, labels and annotations for an event (docker/metadata-action inputs)',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('meta', args, {
      images: { type: 'string', multiple: true },
      tags: { type: 'string', multiple: true },
      flavor: { type: 'string', multiple: true },
      labels: { type: 'string', multiple: true },
      annotations: { type: 'string', multiple: true },
      'sep-tags': { type: 'string' },
      'sep-labels': { type: 'string' },
      'sep-annotations': { type: 'string' },
      strict: { type: 'boolean' },
      'strip-tag-prefix': { type: 'string' },
      context: { type: 'string' },
      'github-token': { type: 'string' },
      output: { type: 'string' }
    })
    if (positionals.length > 0) {
      throw new UserError(
        `unexpected argument '${positionals[0]}'; run 'runnerkit meta --help' for usage`
      )
    }
    const mode = values.context ?? 'auto'
    if (!['auto', 'workflow', 'git'].includes(mode)) {
      throw new UserError(`--context ${mode}: use auto, workflow or git`)
    }
    const output = values.output as MetaOutputName | undefined
    if (output !== undefined && !metaOutputNames.includes(output)) {
      throw new UserError(`--output ${output}: use one of ${metaOutputNames.join(', ')}`)
    }
    const join = (texts: string[] | undefined) => texts?.join('\n')
    const inputs = parseMetaInputs({
      images: join(values.images),
      tags: join(values.tags),
      flavor: join(values.flavor),
      labels: join(values.labels),
      annotations: join(values.annotations),
      'sep-tags': values['sep-tags'],
      'sep-labels': values['sep-labels'],
      'sep-annotations': values['sep-annotations'],
      strict: values.strict ? 'true' : 'false',
      'strip-tag-prefix': values['strip-tag-prefix']
    })
    const env = context.env
    const settings = metaSettingsFromEnv(env)
    const now = clockFromEnv(env)
    const token = values['github-token'] ?? env.GITHUB_TOKEN ?? ''
    const warn = (message: string) => context.stderr(`runnerkit meta: warning: ${message}\n`)

    const fromWorkflow = mode === 'workflow' || (mode === 'auto' && isActionsEnvironment(env))
    let github: GitHubContext
    let repository: RepositoryInfo
    if (fromWorkflow) {
      github = contextFromEnv(env)
      if (usesCommitDate(inputs)) github = await resolveCommitDate(github, token)
      repository = await resolveRepository(github, env, token)
    } else {
      github = await contextFromGit(context.cwd)
      repository = await localRepository(github, context.cwd, token, warn)
    }

    const result = computeMeta(inputs, github, repository, settings, now)
    for (const warning of result.warnings) warn(warning)
    if (output !== undefined) {
      context.stdout(`${metaOutputs(result, inputs)[output]}\n`)
    } else {
      const printed = {
        version: result.version,
        tags: result.json.tags,
        'tag-names': result.json['tag-names'],
        labels: result.json.labels,
        annotations: result.json.annotations
      }
      context.stdout(`${JSON.stringify(printed, null, 2)}\n`)
    }
    return 0
  }
}
