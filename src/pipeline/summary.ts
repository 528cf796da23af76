/**
 * The pipeline as a person reads it: a mermaid flowchart (lint → build → check → push → promote
 * → deploy, one lane per image) and three tables, as job-summary markdown; and the same facts as
 * plain text for a terminal.
 */
import { escapeMarkdown, markdownTable } from '../util/markdown.js'
import type { PipelineReport, StageRecord, StageResult } from './report.js'

const icons: Record<StageResult, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⛔',
  skipped: '⏭️',
  'not-run': '➖'
}

/** `sha256:` and the first 12 hex digits: enough to tell digests apart in a picture. */
export function shortDigest(digest: string): string {
  const match = /^(sha256:)([0-9a-f]{12})[0-9a-f]*$/.exec(digest)
  return match ? `${match[1]}${match[2]}` : digest
}

/**
 * Text inside a quoted mermaid label. Image names, notes and file names come from the user's
 * repository, so nothing in them may close the label or open markup.
 */
function mermaidText(text: string): string {
  return text
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ')
}

function stageLabel(record: StageRecord): string {
  const lines = [`${record.stage} ${icons[record.result]}`, record.result]
  if (record.digest !== undefined) lines.push(shortDigest(record.digest))
  if (record.note !== undefined) lines.push(record.note)
  return lines.map(mermaidText).join('<br/>')
}

export function mermaidFlowchart(report: PipelineReport): string {
  const lines = ['flowchart LR', `  lint["${stageLabel(report.lint)}"]`]
  const classes: string[] = [`  class lint ${report.lint.result}`]
  report.images.forEach((image, index) => {
    const lane = `image${index}`
    lines.push(`  subgraph ${lane}["${mermaidText(image.image)}"]`, '    direction LR')
    image.stages.forEach((record, position) => {
      const node = `${lane}_${record.stage}`
      lines.push(`    ${node}["${stageLabel(record)}"]`)
      const previous = image.stages[position - 1]
      if (previous !== undefined) lines.push(`    ${lane}_${previous.stage} --> ${node}`)
      classes.push(`  class ${node} ${record.result}`)
    })
    lines.push('  end')
    const first = image.stages[0]
    if (first !== undefined) lines.push(`  lint --> ${lane}_${first.stage}`)
  })
  lines.push(
    '  classDef success fill:#dafbe1,stroke:#1a7f37',
    '  classDef failure fill:#ffebe9,stroke:#cf222e',
    '  classDef cancelled fill:#ffebe9,stroke:#cf222e',
    '  classDef skipped fill:#f6f8fa,stroke:#8c959f',
    '  classDef not-run fill:#f6f8fa,stroke:#d0d7de,stroke-dasharray:4',
    ...classes
  )
  return lines.join('\n')
}

export function markdownSummary(report: PipelineReport): string {
  const parts = [
    `## ${escapeMarkdown(report.title)}`,
    '',
    '```mermaid',
    mermaidFlowchart(report),
    '```',
    ''
  ]
  parts.push('### Findings per file', '')
  parts.push(
    report.findings.length === 0
      ? '_No Dockerfile was linted in this run._'
      : markdownTable(
          ['file', 'error', 'warning', 'info', 'style'],
          report.findings.map((row) => [
            escapeMarkdown(row.file),
            ...[row.error, row.warning, row.info, row.style].map(String)
          ])
        )
  )
  parts.push('', '### Checks per image', '')
  parts.push(
    report.checks.length === 0
      ? '_No image was checked in this run._'
      : markdownTable(
          ['image', 'passed', 'warnings', 'failed', 'flagged'],
          report.checks.map((row) => [
            escapeMarkdown(row.image),
            ...[row.pass, row.warn, row.fail].map(String),
            escapeMarkdown(row.flagged.join(', ')) || '—'
          ])
        )
  )
  parts.push('', '### Tags → digest', '')
  parts.push(
    report.tags.length === 0
      ? '_No tag was written in this run._'
      : markdownTable(
          ['reference', 'digest'],
          report.tags.map((row) => [escapeMarkdown(row.reference), row.digest])
        )
  )
  return `${parts.join('\n')}\n`
}

function textTable(headers: string[], rows: Array<Array<string | number>>): string[] {
  const all = [headers, ...rows.map((row) => row.map(String))]
  const widths = headers.map((_, column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length))
  )
  return all.map(
    (row) =>
      `  ${row
        .map((value, column) => value.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd()}`
  )
}

const marks: Record<StageResult, string> = {
  success: 'ok',
  failure: 'FAILED',
  cancelled: 'CANCELLED',
  skipped: 'skipped',
  'not-run': '-'
}

/** The same summary for a terminal: the flow per image, then the three tables. */
export function textSummary(report: PipelineReport): string {
  const flow = (record: StageRecord) => `${record.stage} ${marks[record.result]}`
  const lines = [report.title, '']
  lines.push(
    `  ${flow(report.lint)}${report.lint.note !== undefined ? ` (${report.lint.note})` : ''}`
  )
  for (const image of report.images) {
    lines.push('', `  ${image.image}: ${image.stages.map(flow).join(' → ')}`)
    lines.push(
      ...textTable(
        ['stage', 'result', 'digest', 'note'],
        image.stages.map((record) => [
          record.stage,
          record.result,
          record.digest !== undefined ? shortDigest(record.digest) : '',
          record.note ?? ''
        ])
      ).map((line) => `  ${line}`)
    )
  }
  if (report.findings.length > 0) {
    lines.push('', 'Findings per file')
    lines.push(
      ...textTable(
        ['file', 'error', 'warning', 'info', 'style'],
        report.findings.map((row) => [row.file, row.error, row.warning, row.info, row.style])
      )
    )
  }
  if (report.checks.length > 0) {
    lines.push('', 'Checks per image')
    lines.push(
      ...textTable(
        ['image', 'passed', 'warnings', 'failed', 'flagged'],
        report.checks.map((row) => [
          row.image,
          row.pass,
          row.warn,
          row.fail,
          row.flagged.join(', ') || '-'
        ])
      )
    )
  }
  if (report.tags.length > 0) {
    lines.push('', 'Tags → digest')
    lines.push(
      ...textTable(
        ['reference', 'digest'],
        report.tags.map((row) => [row.reference, row.digest])
      )
    )
  }
  return `${lines.join('\n')}\n`
}
