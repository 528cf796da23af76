/**
 * What one run of the release pipeline did, whoever ran it: the reusable workflows (through the
 * pipeline-summary action, from their steps' or jobs' results) or `npm start` on this machine.
 * Both render it with summary.ts, so a person sees the same picture in a job summary and in a
 * terminal.
 */

/** The pipeline's stages, in order. Ids of steps or jobs with these names are matched to them. */
export const stageNames = ['lint', 'build', 'check', 'push', 'promote', 'deploy'] as const
export type StageName = (typeof stageNames)[number]

/**
 * GitHub's step outcomes and job results, plus `not-run` for a stage the workflow (or this
 * machine) does not have.
 */
export type StageResult = 'success' | 'failure' | 'cancelled' | 'skipped' | 'not-run'

export interface StageRecord {
  stage: StageName
  result: StageResult
  /** The manifest or index digest the stage handled. */
  digest?: string
  /** One short line: why it was skipped, what it wrote. */
  note?: string
}

/** The stages of one image; lint is shared by every image of a run. */
export interface ImagePipeline {
  image: string
  stages: StageRecord[]
}

export interface LintFileRow {
  file: string
  error: number
  warning: number
  info: number
  style: number
}

export interface CheckRow {
  image: string
  pass: number
  warn: number
  fail: number
  /** Ids of the checks that warned or failed. */
  flagged: string[]
}

export interface TagRow {
  reference: string
  digest: string
}

export interface PipelineReport {
  title: string
  lint: StageRecord
  images: ImagePipeline[]
  findings: LintFileRow[]
  checks: CheckRow[]
  tags: TagRow[]
}

/** The stages after lint for one image, each `not-run` until recorded. */
export function emptyImagePipeline(image: string): ImagePipeline {
  return {
    image,
    stages: stageNames
      .filter((stage) => stage !== 'lint')
      .map((stage) => ({ stage, result: 'not-run' as const }))
  }
}

export function recordStage(pipeline: ImagePipeline, record: StageRecord): void {
  const index = pipeline.stages.findIndex((entry) => entry.stage === record.stage)
  if (index === -1) pipeline.stages.push(record)
  else pipeline.stages[index] = record
}

/** A run failed when any of its stages failed or was cancelled. */
export function pipelineFailed(report: PipelineReport): boolean {
  const bad = (record: StageRecord) => record.result === 'failure' || record.result === 'cancelled'
  return bad(report.lint) || report.images.some((image) => image.stages.some(bad))
}

/** Per-file counts from lint findings (our JSON format's `file` and `level`). */
export function lintRows(
  findings: ReadonlyArray<{ file: string; level: string }>,
  files: readonly string[] = []
): LintFileRow[] {
  const rows = new Map<string, LintFileRow>()
  const row = (file: string) => {
    let entry = rows.get(file)
    if (entry === undefined) {
      entry = { file, error: 0, warning: 0, info: 0, style: 0 }
      rows.set(file, entry)
    }
    return entry
  }
  for (const file of files) row(file)
  for (const finding of findings) {
    const entry = row(finding.file)
    if (finding.level === 'error' || finding.level === 'warning' || finding.level === 'info')
      entry[finding.level]++
    else if (finding.level === 'style') entry.style++
  }
  return [...rows.values()].sort((a, b) => a.file.localeCompare(b.file))
}

/** A row of the checks table from runner-check's results. */
export function checkRow(
  image: string,
  results: ReadonlyArray<{ id: string; status: 'pass' | 'warn' | 'fail' }>
): CheckRow {
  const row: CheckRow = { image, pass: 0, warn: 0, fail: 0, flagged: [] }
  for (const result of results) {
    row[result.status]++
    if (result.status !== 'pass') row.flagged.push(result.id)
  }
  return row
}
