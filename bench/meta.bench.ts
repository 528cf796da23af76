/**
 * image-meta: how long the bundled action and `runnerkit meta` take from a cold start (what a
 * workflow step pays), and how many events the pure computation handles per second.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { computeMeta, metaSettingsFromEnv, parseMetaInputs } from '../src/release/meta.js'
import type { GitHubContext } from '../src/release/context.js'
import { machine, median, printTable } from './machine.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const coldRuns = 15
const warmEvents = 20_000
const tags =
  'type=ref,event=branch\ntype=ref,event=pr\ntype=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=sha'

const scratch = mkdtempSync(join(tmpdir(), 'runnerkit-bench-meta-'))
const eventPath = join(scratch, 'event.json')
const repository = {
  name: 'runner-images',
  description: 'Runner images',
  html_url: 'https://github.com/octo-org/runner-images',
  default_branch: 'main',
  license: { spdx_id: 'MIT' }
}
writeFileSync(eventPath, JSON.stringify({ ref: 'refs/tags/v1.4.2', repository }))
const outputFile = join(scratch, 'output')
const workflowEnv = {
  PATH: process.env.PATH ?? '',
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_EVENT_PATH: eventPath,
  GITHUB_REF: 'refs/tags/v1.4.2',
  GITHUB_SHA: 'b56ba1ba8ed6ebbe2b1d4cb4a6e52f6f39e4ac9d',
  GITHUB_REPOSITORY: 'octo-org/runner-images',
  SOURCE_DATE_EPOCH: '1764000000'
}

function coldMilliseconds(args: string[], env: Record<string, string>): number {
  const times: number[] = []
  for (let run = 0; run < coldRuns; run++) {
    for (const file of ['output', 'env', 'summary']) writeFileSync(join(scratch, file), '')
    const started = process.hrtime.bigint()
    const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' })
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (result.status !== 0)
      throw new Error(`${args.join(' ')} failed: ${result.stdout}${result.stderr}`)
  }
  return median(times)
}

const actionMs = coldMilliseconds([join(root, 'actions/image-meta/dist/index.js')], {
  ...workflowEnv,
  INPUT_IMAGES: 'ghcr.io/octo-org/runner',
  INPUT_TAGS: tags,
  GITHUB_OUTPUT: outputFile,
  GITHUB_ENV: join(scratch, 'env'),
  GITHUB_STEP_SUMMARY: join(scratch, 'summary')
})
const cliMs = coldMilliseconds(
  [join(root, 'bin/runnerkit.js'), 'meta', '--images', 'ghcr.io/octo-org/runner', '--tags', tags],
  workflowEnv
)

const inputs = parseMetaInputs({
  images: 'ghcr.io/octo-org/runner\ndocker.io/octoorg/runner',
  tags
})
const settings = metaSettingsFromEnv({})
const refs = ['refs/heads/main', 'refs/tags/v1.4.2', 'refs/pull/17/merge', 'refs/tags/v2.0.0-rc.1']
const repo = {
  name: 'runner-images',
  description: '',
  htmlUrl: '',
  license: 'MIT',
  defaultBranch: 'main'
}
const now = new Date(1764000000 * 1000)
const started = process.hrtime.bigint()
for (let index = 0; index < warmEvents; index++) {
  const ref = refs[index % refs.length] ?? 'refs/heads/main'
  const context: GitHubContext = {
    eventName: ref.startsWith('refs/pull/') ? 'pull_request' : 'push',
    sha: 'b56ba1ba8ed6ebbe2b1d4cb4a6e52f6f39e4ac9d',
    ref,
    payload: { repository: { default_branch: 'main' } },
    repository: 'octo-org/runner-images',
    workflow: 'images',
    actor: 'octocat',
    runNumber: 1,
    runId: 1,
    runAttempt: 1,
    apiUrl: 'https://api.github.com',
    serverUrl: 'https://github.com'
  }
  computeMeta(inputs, context, repo, settings, now)
}
const warmSeconds = Number(process.hrtime.bigint() - started) / 1e9
rmSync(scratch, { recursive: true, force: true })

const eventsPerSecond = Math.round(warmEvents / warmSeconds)
console.log(`machine: ${machine()}`)
printTable([
  [`image-meta action, cold start (median of ${coldRuns})`, `${actionMs.toFixed(0)} ms`],
  [`runnerkit meta, cold start (median of ${coldRuns})`, `${cliMs.toFixed(0)} ms`],
  [`computeMeta, warm (${warmEvents} events, 5 rules, 2 images)`, `${eventsPerSecond} events/s`]
])
console.log(
  JSON.stringify({
    bench: 'meta',
    machine: machine(),
    actionColdMs: Math.round(actionMs),
    cliColdMs: Math.round(cliMs),
    warmEventsPerSecond: eventsPerSecond
  })
)
