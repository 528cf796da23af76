/**
 * A pipeline report from a workflow's own record of what ran: `${{ toJSON(steps) }}` (step ids,
 * `outcome`, `outputs`) or `${{ toJSON(needs) }}` (job ids, `result`, `outputs`). Steps or jobs
 * whose ids name a stage (lint, build, check, push, promote, deploy) become that stage; their
 * outputs are the ones our actions write (digest, image, tags, results, counts, json).
 */
import { UserError } from '../errors.js'
import {
  checkRow,
  emptyImagePipeline,
  lintRows,
  recordStage,
  stageNames,
  type PipelineReport,
  type StageName,
  type StageRecord,
  type StageResult,
  type TagRow
} from './report.js'

interface ContextEntry {
  result?: unknown
  outcome?: unknown
  outputs?: unknown
}

const results = new Set<StageResult>(['success', 'failure', 'cancelled', 'skipped'])
const digestPattern = /sha256:[0-9a-f]{64}/

function resultOf(entry: ContextEntry | undefined): StageResult {
  // A step's outcome is what happened before continue-on-error; a job only has a result.
  const value = entry?.outcome ?? entry?.result
  return typeof value === 'string' && results.has(value as StageResult)
    ? (value as StageResult)
    : 'not-run'
}

function outputsOf(entry: ContextEntry | undefined): Record<string, string> {
  const outputs = entry?.outputs
  if (outputs === null || typeof outputs !== 'object') return {}
  return Object.fromEntries(
    Object.entries(outputs as Record<string, unknown>).filter(
      (pair): pair is [string, string] => typeof pair[1] === 'string'
    )
  )
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export interface ContextSummaryOptions {
  /** `${{ toJSON(steps) }}` or `${{ toJSON(needs) }}`, as text. */
  results: string
  title?: string
  /** The image's name for the picture; else read from the push or promote output. */
  image?: string
}

export function reportFromContext(options: ContextSummaryOptions): PipelineReport {
  let parsed: unknown
  try {
    parsed = JSON.parse(options.results)
  } catch {
    throw new UserError(
      'results: not JSON; pass ${{ toJSON(steps) }} or ${{ toJSON(needs) }} from the workflow'
    )
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UserError(
      'results: expected an object of step or job ids, as ${{ toJSON(steps) }} or ${{ toJSON(needs) }} gives'
    )
  }
  const context = parsed as Record<string, ContextEntry | undefined>
  const entry = (stage: StageName) => context[stage]
  const outputs = (stage: StageName) => outputsOf(entry(stage))
  const digestIn = (...texts: Array<string | undefined>) =>
    texts
      .map((text) => (text === undefined ? undefined : digestPattern.exec(text)?.[0]))
      .find(Boolean)

  const published = outputs('promote').image ?? outputs('push').image ?? ''
  const imageName = options.image?.trim() || published.replace(/@sha256:[0-9a-f]+$/, '') || 'image'
  const pipeline = emptyImagePipeline(imageName)
  const tags: TagRow[] = []

  for (const stage of stageNames) {
    if (stage === 'lint') continue
    const out = outputs(stage)
    const record: StageRecord = { stage, result: resultOf(entry(stage)) }
    const checked = parseJson(out.json) as { subject?: unknown } | undefined
    const digest = digestIn(
      out.digest,
      out.image,
      typeof checked?.subject === 'string' ? checked.subject : undefined
    )
    if (digest !== undefined) record.digest = digest
    if (stage === 'deploy' && out['values-file']) record.note = out['values-file']
    recordStage(pipeline, record)
    if ((stage === 'push' || stage === 'promote') && digest !== undefined) {
      for (const reference of (out.tags ?? '').split(/\s+/).filter(Boolean))
        tags.push({ reference, digest })
    }
  }

  const lintOutputs = outputs('lint')
  const lint: StageRecord = { stage: 'lint', result: resultOf(entry('lint')) }
  const findings = parseJson(lintOutputs.results)
  const counts = parseJson(lintOutputs.counts) as Record<string, unknown> | undefined
  if (typeof counts?.total === 'number') lint.note = `${counts.total} finding(s)`

  const checked = parseJson(outputs('check').json) as
    { results?: Array<{ id: string; status: 'pass' | 'warn' | 'fail' }> } | undefined

  return {
    title: options.title?.trim() || 'runnerkit pipeline',
    lint,
    images: [pipeline],
    findings: Array.isArray(findings)
      ? lintRows(
          findings.filter(
            (finding): finding is { file: string; level: string } =>
              typeof (finding as { file?: unknown }).file === 'string' &&
              typeof (finding as { level?: unknown }).level === 'string'
          )
        )
      : [],
    checks: Array.isArray(checked?.results) ? [checkRow(imageName, checked.results)] : [],
    tags
  }
}
