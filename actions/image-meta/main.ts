// image-meta front end: inputs → src/release → outputs, log groups and the job summary.
import * as core from '@actions/core'
import { UserError } from '../../src/errors.js'
import {
  contextFromEnv,
  contextFromGit,
  resolveCommitDate,
  type GitHubContext
} from '../../src/release/context.js'
import {
  clockFromEnv,
  computeMeta,
  metaOutputs,
  metaSettingsFromEnv,
  parseMetaInputs,
  usesCommitDate,
  type MetaResult
} from '../../src/release/meta.js'
import { resolveRepository } from '../../src/release/repository.js'
import { input, rawInput } from '../_shared/inputs.js'
import { logGroup } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { escapeMarkdown, markdownTable } from '../_shared/summary.js'

/** The event as the workflow sees it, or (context: git) the checkout in the workspace. */
async function readContext(workflow: GitHubContext) {
  const source = input('context') || 'workflow'
  if (source === 'workflow') return workflow
  if (source === 'git') return contextFromGit(process.env.GITHUB_WORKSPACE ?? process.cwd())
  throw new UserError(`input 'context': expected 'workflow' or 'git', got '${source}'`)
}

function summaryOf(result: MetaResult): string {
  const rows = result.tags.map((tag) => [`\`${tag}\``])
  return [
    '### image-meta',
    '',
    result.version
      ? `Version: \`${result.version}\``
      : 'No version: no tag rule matched this event.',
    '',
    rows.length > 0 ? markdownTable(['tag'], rows) : '_no tags_',
    '',
    '<details><summary>labels</summary>',
    '',
    markdownTable(
      ['label', 'value'],
      Object.entries(result.json.labels).map(([key, value]) => [
        escapeMarkdown(key),
        escapeMarkdown(value)
      ])
    ),
    '',
    '</details>',
    ''
  ].join('\n')
}

async function main() {
  const token = input('github-token')
  if (token) core.setSecret(token)

  // Read and validate everything before any output is written: bad input leaves no outputs.
  const inputs = parseMetaInputs({
    images: input('images'),
    tags: input('tags'),
    flavor: input('flavor'),
    labels: input('labels'),
    annotations: input('annotations'),
    'sep-tags': rawInput('sep-tags'),
    'sep-labels': rawInput('sep-labels'),
    'sep-annotations': rawInput('sep-annotations'),
    strict: input('strict'),
    'strip-tag-prefix': input('strip-tag-prefix')
  })
  const settings = metaSettingsFromEnv(process.env)
  const now = clockFromEnv(process.env)
  // The commit date for {{commit_date}} comes from the API when the payload lacks it
  // (pull requests, releases), and only when an entry uses it.
  const workflow = contextFromEnv(process.env)
  const eventContext = await readContext(workflow)
  const context = usesCommitDate(inputs)
    ? await resolveCommitDate(eventContext, token)
    : eventContext
  // The repository's metadata always comes from the workflow's event, whichever context
  // gives the ref and sha.
  const repository = await resolveRepository(workflow, process.env, token)
  const result = computeMeta(inputs, context, repository, settings, now)

  for (const warning of result.warnings) core.warning(warning)
  logGroup('Context', `event: ${context.eventName}\nref: ${context.ref}\nsha: ${context.sha}`)
  logGroup('Version', result.version || '(none)')
  logGroup('Tags', result.tags.join('\n') || '(none)')
  logGroup('Labels', result.labels.join('\n'))
  logGroup('Annotations', result.annotations.join('\n'))

  const outputs = metaOutputs(result, inputs)
  core.setOutput('version', outputs.version)
  core.setOutput('tags', outputs.tags)
  core.setOutput('tag-names', outputs['tag-names'])
  core.setOutput('labels', outputs.labels)
  core.setOutput('annotations', outputs.annotations)
  core.setOutput('json', outputs.json)

  // As metadata-action: every output is also an environment variable for later steps,
  // unless DOCKER_METADATA_SET_OUTPUT_ENV=false.
  if ((process.env.DOCKER_METADATA_SET_OUTPUT_ENV ?? 'true').toLowerCase() !== 'false') {
    for (const [name, value] of Object.entries(outputs)) {
      core.exportVariable(`DOCKER_METADATA_OUTPUT_${name.replace(/-/g, '_').toUpperCase()}`, value)
    }
  }
  await core.summary.addRaw(summaryOf(result)).write()
}

await runAction(main)
