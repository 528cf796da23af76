import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { parse } from 'yaml'
import type { CheckStep } from './step.js'

/**
 * The input and output tables of each actions/<name>/README.md are generated from its
 * action.yml, between markers, so the README cannot drift from what the action declares:
 *   <!-- runnerkit:inputs:start --> … <!-- runnerkit:inputs:end -->
 *   <!-- runnerkit:outputs:start --> … <!-- runnerkit:outputs:end -->
 * Everything outside the markers is hand-written and left alone.
 */
export const regenerateCommand = 'npx tsx scripts/action-docs.ts --write'

export type Section = 'inputs' | 'outputs'
export const sections: readonly Section[] = ['inputs', 'outputs']

interface Declared {
  description?: unknown
  required?: unknown
  default?: unknown
}

export interface ActionManifest {
  inputs?: Record<string, Declared | null> | null
  outputs?: Record<string, Declared | null> | null
}

export function startMarker(section: Section): string {
  return `<!-- runnerkit:${section}:start -->`
}

export function endMarker(section: Section): string {
  return `<!-- runnerkit:${section}:end -->`
}

/** Text for a table cell: one line, `|` escaped, and nothing read as HTML or emphasis. */
export function cellText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/([|<*])/g, '\\$1')
}

/** A default as a code span; YAML's "\n" shows as `\n`, and '' as `''`. */
export function defaultCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  if (text === '') return "`''`"
  const shown = text.replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\|/g, '\\|')
  const fence = shown.includes('`') ? '``' : '`'
  const pad = fence === '``' ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** Code points, as prettier counts the characters these tables hold (no wide characters). */
function width(text: string): number {
  return [...text].length
}

/** A markdown table laid out exactly as prettier lays it out, so `prettier --check` agrees. */
export function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column] ?? '')))
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - width(cell))).join(' | ')} |`
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

function descriptionOf(spec: Declared | null | undefined): string {
  return typeof spec?.description === 'string' ? cellText(spec.description) : ''
}

export function inputsTable(manifest: ActionManifest): string {
  const inputs = Object.entries(manifest.inputs ?? {})
  if (inputs.length === 0) return 'This action has no inputs.'
  return markdownTable(
    ['input', 'required', 'default', 'description'],
    inputs.map(([name, spec]) => [
      `\`${name}\``,
      spec?.required === true || spec?.required === 'true' ? 'yes' : 'no',
      defaultCell(spec?.default),
      descriptionOf(spec)
    ])
  )
}

export function outputsTable(manifest: ActionManifest): string {
  const outputs = Object.entries(manifest.outputs ?? {})
  if (outputs.length === 0) return 'This action has no outputs.'
  return markdownTable(
    ['output', 'description'],
    outputs.map(([name, spec]) => [`\`${name}\``, descriptionOf(spec)])
  )
}

/** What belongs between a section's markers, blank lines included. */
export function generatedBlock(section: Section, manifest: ActionManifest): string {
  const table = section === 'inputs' ? inputsTable(manifest) : outputsTable(manifest)
  return `\n\n${table}\n\n`
}

interface Located {
  /** Offset just after the start marker. */
  from: number
  /** Offset of the end marker. */
  to: number
}

/** Where a section's generated block sits, or why it cannot be found. */
export function locate(readme: string, section: Section): Located | string {
  const start = startMarker(section)
  const end = endMarker(section)
  const starts = readme.split(start).length - 1
  const ends = readme.split(end).length - 1
  if (starts === 0 && ends === 0) return `has no ${start} … ${end} markers`
  if (starts !== 1 || ends !== 1) {
    return `must hold ${start} and ${end} once each (found ${starts} and ${ends})`
  }
  const from = readme.indexOf(start) + start.length
  const to = readme.indexOf(end)
  if (to < from) return `has ${end} before ${start}`
  return { from, to }
}

/** The README with every generated block replaced; throws when markers are missing. */
export function regenerate(readme: string, manifest: ActionManifest): string {
  let text = readme
  for (const section of sections) {
    const at = locate(text, section)
    if (typeof at === 'string') throw new Error(at)
    text = text.slice(0, at.from) + generatedBlock(section, manifest) + text.slice(at.to)
  }
  return text
}

/** One line per section whose block is missing or differs from what action.yml gives. */
export function drift(readme: string, manifest: ActionManifest, readmePath: string): string[] {
  const problems: string[] = []
  for (const section of sections) {
    const at = locate(readme, section)
    if (typeof at === 'string') {
      problems.push(
        `${readmePath}: ${at}; add them where the ${section} table goes, then run '${regenerateCommand}'`
      )
      continue
    }
    if (readme.slice(at.from, at.to) !== generatedBlock(section, manifest)) {
      problems.push(
        `${readmePath}: the ${section} table differs from action.yml; run '${regenerateCommand}'`
      )
    }
  }
  return problems
}

export function actionNames(root: string): string[] {
  const actionsDir = join(root, 'actions')
  if (!existsSync(actionsDir)) return []
  return readdirSync(actionsDir)
    .sort()
    .filter((name) => existsSync(join(actionsDir, name, 'action.yml')))
}

export function readManifest(root: string, name: string): ActionManifest {
  const manifest: unknown = parse(readFileSync(join(root, 'actions', name, 'action.yml'), 'utf8'))
  return manifest !== null && typeof manifest === 'object' ? manifest : {}
}

export function readmeProblems(root: string, name: string): string[] {
  const readmePath = join(root, 'actions', name, 'README.md')
  const at = relative(root, readmePath)
  if (!existsSync(readmePath)) {
    return [
      `${at}: missing; every action documents itself, its tables generated by '${regenerateCommand}'`
    ]
  }
  let manifest: ActionManifest
  try {
    manifest = readManifest(root, name)
  } catch {
    // The action.yml contract step names the YAML error and its line.
    return [`${at}: cannot be checked while actions/${name}/action.yml does not parse`]
  }
  return drift(readFileSync(readmePath, 'utf8'), manifest, at)
}

/** Each action's README holds the input and output tables its action.yml gives, verbatim. */
export const actionDocs: CheckStep = {
  name: 'action READMEs',
  run(root) {
    return actionNames(root).flatMap((name) => readmeProblems(root, name))
  }
}
