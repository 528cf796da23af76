// Parity with docker/metadata-action: runs every case of the metadata corpus through the real
// `runnerkit meta` CLI and compares version, tags, labels and annotations.
//
//   npx tsx scripts/parity-metadata.ts [path/to/metadata-cases.jsonl]
//
// Uses the CLI bundle (node bin/runnerkit.js) when dist/cli/index.js exists, else runs the
// CLI in-process from src/. Prints a table, each disagreement with a diff, and one JSON line;
// exits 1 below 100 % agreement. bake-file cases are skipped: runnerkit writes no bake files.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCli } from '../src/cli/main.js'

interface CorpusCase {
  name: string
  kind: string
  context: {
    runnerEnv: Record<string, string>
    env: Record<string, string>
    event: Record<string, unknown>
    now: string
    repo: {
      name: string
      description: string
      htmlUrl: string
      license: string
      defaultBranch: string
    }
  }
  inputs: Record<string, string[] | string | undefined>
  expected: {
    version: string | null
    tags: string[]
    labels: string[] | null
    annotations?: string[]
    annotationsWithLevels?: string[]
    tagNames?: string[]
    tagsJoined?: string
  }
}

interface CliOutput {
  version: string
  tags: string[]
  'tag-names': string[]
  labels: Record<string, string>
  annotations: string[]
}

interface Run {
  code: number
  stdout: string
  stderr: string
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const corpusPath = process.argv[2] ?? '/work/shared/corpus/metadata-cases.jsonl'
const useBundle = existsSync(join(root, 'dist/cli/index.js'))
// The runner's file-command paths point at files of the original run; drop them.
const fileCommandVariables = [
  'GITHUB_ENV',
  'GITHUB_PATH',
  'GITHUB_OUTPUT',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY'
]
const inputFlags: Record<string, string> = {
  images: '--images',
  tags: '--tags',
  flavor: '--flavor',
  labels: '--labels',
  annotations: '--annotations',
  sepTags: '--sep-tags',
  sepLabels: '--sep-labels',
  sepAnnotations: '--sep-annotations'
}

/** The corpus's repository metadata goes into the payload, as its README says. */
function payloadOf(testCase: CorpusCase): Record<string, unknown> {
  const { repo, event } = testCase.context
  const repository = (event.repository ?? {}) as Record<string, unknown>
  return {
    ...event,
    repository: {
      ...repository,
      name: repo.name,
      description: repo.description,
      html_url: repo.htmlUrl,
      license: repo.license ? { spdx_id: repo.license } : null,
      // metadata-action reads the default branch from the API: complete the payload's copy
      // only where the event lacks it, so {{is_default_branch}} still sees the payload's.
      default_branch: repository.default_branch ?? repo.defaultBranch
    }
  }
}

function envOf(testCase: CorpusCase, eventPath: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(testCase.context.runnerEnv)) {
    if (!fileCommandVariables.includes(name)) env[name] = value
  }
  Object.assign(env, testCase.context.env)
  env.SOURCE_DATE_EPOCH = String(Math.floor(Date.parse(testCase.context.now) / 1000))
  env.GITHUB_EVENT_PATH = eventPath
  return env
}

function argsOf(testCase: CorpusCase): string[] {
  const args = ['meta']
  for (const [name, value] of Object.entries(testCase.inputs)) {
    const flag = inputFlags[name]
    if (flag === undefined) throw new Error(`${testCase.name}: no flag for input '${name}'`)
    if (value === undefined) continue
    args.push(flag, Array.isArray(value) ? value.join('\n') : value)
  }
  if (testCase.kind === 'sep-tags') args.push('--output', 'tags')
  return args
}

async function run(args: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  if (useBundle) {
    const result = spawnSync(process.execPath, [join(root, 'bin/runnerkit.js'), ...args], {
      env,
      cwd,
      encoding: 'utf8'
    })
    return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }
  }
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env,
    cwd,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text)
  })
  return { code, stdout, stderr }
}

function diffLines(
  label: string,
  expected: readonly string[],
  actual: readonly string[]
): string[] {
  if (JSON.stringify(expected) === JSON.stringify(actual)) return []
  const lines = [`  ${label}:`]
  for (const line of expected) if (!actual.includes(line)) lines.push(`    - ${line}`)
  for (const line of actual) if (!expected.includes(line)) lines.push(`    + ${line}`)
  if (lines.length === 1) {
    lines.push(
      `    order: expected ${JSON.stringify(expected)}`,
      `           actual   ${JSON.stringify(actual)}`
    )
  }
  return lines
}

function compare(testCase: CorpusCase, result: Run): string[] {
  if (result.code !== 0) return [`  exit ${result.code}: ${result.stderr.trim()}`]
  const expected = testCase.expected
  if (testCase.kind === 'sep-tags') {
    const actual = result.stdout.replace(/\n$/, '')
    return actual === expected.tagsJoined
      ? []
      : [
          `  tags output: expected ${JSON.stringify(expected.tagsJoined)}, got ${JSON.stringify(actual)}`
        ]
  }
  const output = JSON.parse(result.stdout) as CliOutput
  const problems: string[] = []
  if ((expected.version ?? '') !== output.version) {
    problems.push(`  version: expected '${expected.version ?? ''}', got '${output.version}'`)
  }
  problems.push(...diffLines('tags', expected.tags, output.tags))
  if (expected.tagNames)
    problems.push(...diffLines('tag-names', expected.tagNames, output['tag-names']))
  const labels = Object.entries(output.labels).map(([key, value]) => `${key}=${value}`)
  if (expected.labels) problems.push(...diffLines('labels', expected.labels, labels))
  const annotations =
    expected.annotationsWithLevels ??
    expected.annotations?.map((annotation) => `manifest:${annotation}`)
  if (annotations) problems.push(...diffLines('annotations', annotations, output.annotations))
  return problems
}

const cases = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as CorpusCase)

const workDir = mkdtempSync(join(tmpdir(), 'runnerkit-parity-'))
let agreed = 0
let skipped = 0
const disagreements: string[] = []
try {
  for (const [index, testCase] of cases.entries()) {
    if (testCase.kind.startsWith('bake-file')) {
      skipped++
      continue
    }
    const eventPath = join(workDir, `event-${index}.json`)
    writeFileSync(eventPath, JSON.stringify(payloadOf(testCase)))
    const result = await run(argsOf(testCase), envOf(testCase, eventPath), workDir)
    const problems = compare(testCase, result)
    if (problems.length === 0) agreed++
    else disagreements.push([`${testCase.name} (${testCase.kind})`, ...problems].join('\n'))
  }
} finally {
  rmSync(workDir, { recursive: true, force: true })
}

const compared = cases.length - skipped
const agreement = compared === 0 ? 0 : Math.round((agreed / compared) * 10000) / 100
const rows = [
  ['cases', cases.length],
  ['agreed', agreed],
  ['disagreed', compared - agreed],
  ['skipped (bake-file)', skipped],
  ['agreement %', agreement]
] as const
console.log(`metadata-action parity (${useBundle ? 'CLI bundle' : 'CLI from src'}, ${corpusPath})`)
for (const [label, value] of rows) console.log(`  ${label.padEnd(20)} ${String(value).padStart(6)}`)
if (disagreements.length > 0) console.log(`\nDisagreements:\n${disagreements.join('\n')}`)
console.log(JSON.stringify({ corpus: 'metadata', cases: cases.length, agreed, skipped, agreement }))
process.exitCode = agreement < 100 ? 1 : 0
