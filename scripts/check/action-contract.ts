import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { isMap, parseDocument } from 'yaml'
import type { CheckStep } from './step.js'

/** Functions in actions/_shared/inputs.ts (and @actions/core's own) that read an input. */
const inputReaders = [
  'input',
  'rawInput',
  'listInput',
  'booleanInput',
  'getInput',
  'getBooleanInput',
  'getMultilineInput'
]
const inputRead = new RegExp(
  `\\b(?:${inputReaders.join('|')})\\(\\s*(['"\`])([A-Za-z0-9_-]+)\\1`,
  'g'
)
const outputWrite = /\bsetOutput\(\s*(['"`])([A-Za-z0-9_-]+)\1/g

function sourcesOf(dir: string): string[] {
  return readdirSync(dir)
    .filter((entry) => entry !== 'dist' && entry !== 'node_modules')
    .flatMap((entry) => {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) return sourcesOf(path)
      return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
    })
}

function namesMatched(pattern: RegExp, sources: string[]): Set<string> {
  const names = new Set<string>()
  for (const source of sources) {
    for (const match of readFileSync(source, 'utf8').matchAll(pattern)) names.add(match[2] ?? '')
  }
  return names
}

interface Manifest {
  name?: unknown
  description?: unknown
  inputs?: Record<string, unknown>
  outputs?: Record<string, unknown>
  runs?: { using?: unknown; main?: unknown; post?: unknown; pre?: unknown }
}

export function checkAction(root: string, name: string): string[] {
  const dir = join(root, 'actions', name)
  const manifestPath = join(dir, 'action.yml')
  const at = relative(root, manifestPath)
  const document = parseDocument(readFileSync(manifestPath, 'utf8'), { prettyErrors: true })
  if (document.errors.length > 0) {
    return document.errors.map(
      (error) => `${at}:${error.linePos?.[0]?.line ?? 1}: ${error.message.split('\n')[0]}`
    )
  }
  if (!isMap(document.contents)) return [`${at}: must be a YAML mapping`]
  const manifest = document.toJS() as Manifest
  const problems: string[] = []
  if (typeof manifest.name !== 'string' || !manifest.name) problems.push(`${at}: 'name' is missing`)
  if (typeof manifest.description !== 'string' || !manifest.description)
    problems.push(`${at}: 'description' is missing`)
  if (manifest.runs?.using !== 'node24') {
    problems.push(
      `${at}: runs.using is '${String(manifest.runs?.using)}'; every runnerkit action uses node24`
    )
  }
  for (const key of ['main', 'pre', 'post'] as const) {
    const entry = manifest.runs?.[key]
    if (entry === undefined && key !== 'main') continue
    if (typeof entry !== 'string' || !existsSync(join(dir, entry))) {
      problems.push(`${at}: runs.${key} '${String(entry)}' does not exist; run 'npm run bundle'`)
    }
  }
  const declaredInputs = new Set(Object.keys(manifest.inputs ?? {}))
  const declaredOutputs = new Set(Object.keys(manifest.outputs ?? {}))
  for (const [input, spec] of Object.entries(manifest.inputs ?? {})) {
    const description = (spec as { description?: unknown } | null)?.description
    if (typeof description !== 'string' || !description)
      problems.push(`${at}: input '${input}' has no description`)
  }
  for (const [output, spec] of Object.entries(manifest.outputs ?? {})) {
    const description = (spec as { description?: unknown } | null)?.description
    if (typeof description !== 'string' || !description)
      problems.push(`${at}: output '${output}' has no description`)
  }
  const sources = sourcesOf(dir)
  const readInputs = namesMatched(inputRead, sources)
  const writtenOutputs = namesMatched(outputWrite, sources)
  for (const input of readInputs) {
    if (!declaredInputs.has(input))
      problems.push(`${at}: the code reads input '${input}', which is not declared`)
  }
  for (const input of declaredInputs) {
    if (!readInputs.has(input)) problems.push(`${at}: input '${input}' is declared but never read`)
  }
  for (const output of writtenOutputs) {
    if (!declaredOutputs.has(output))
      problems.push(`${at}: the code sets output '${output}', which is not declared`)
  }
  for (const output of declaredOutputs) {
    if (!writtenOutputs.has(output))
      problems.push(`${at}: output '${output}' is declared but never set`)
  }
  return problems
}

/**
 * Every action.yml parses, runs on node24, points at entries that exist, and declares exactly
 * the inputs its code reads and the outputs its code sets.
 */
export const actionContract: CheckStep = {
  name: 'action.yml contract',
  run(root) {
    const actionsDir = join(root, 'actions')
    if (!existsSync(actionsDir)) return []
    return readdirSync(actionsDir)
      .sort()
      .filter((name) => existsSync(join(actionsDir, name, 'action.yml')))
      .flatMap((name) => checkAction(root, name))
  }
}
