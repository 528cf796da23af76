import { UserError } from '../errors.js'
import { parseBoolean } from '../util/boolean.js'
import { parseList } from '../util/list.js'
import { describedSha, prHeadShaFromEnv, type GitHubContext } from './context.js'
import { renderExpressions, type ExpressionContext } from './expressions.js'
import { parseFlavor, type Flavor } from './flavor.js'
import { parseImages } from './image.js'
import { labelsObject, mergeLabels, ociAnnotations } from './labels.js'
import { shortSha } from './refs.js'
import type { RepositoryInfo } from './repository.js'
import { isValidTag } from '../oci/reference.js'
import { invalidTagReason, sanitizeTag } from './tag-name.js'
import { parseTagEntries, type TagEntry } from './tag-entry.js'
import { evaluateTag, type TagEvaluation } from './tags/index.js'

export interface MetaInputs {
  images: string[]
  tags: string[]
  flavor: string[]
  labels: string[]
  annotations: string[]
  sepTags: string
  sepLabels: string
  sepAnnotations: string
  /**
   * Opt-in (runnerkit): fail with an error naming the entry where metadata-action drops it
   * with a warning: a semver/pep440/match entry whose input is not a version or does not
   * match, a tag that is not a valid OCI tag (more than 128 characters, or starting with `.`
   * or `-`), a label or annotation without `=`, an unquoted date format.
   */
  strict: boolean
  /**
   * Opt-in (runnerkit): remove this prefix from `type=ref,event=tag` tags (e.g. `v`, so a
   * `v1.2.3` tag push or release gives `1.2.3`); '' leaves tags as pushed, as metadata-action.
   */
  stripTagPrefix: string
}

/**
 * Turns raw input text (action inputs or CLI flags, keyed by input name) into MetaInputs,
 * splitting lists as metadata-action does: one entry per line (commas belong to the entry's
 * own attributes), lines starting with `#` are comments; empty separators mean newline.
 */
export function parseMetaInputs(raw: Readonly<Record<string, string | undefined>>): MetaInputs {
  const list = (name: string) => parseList(raw[name], { ignoreComma: true, comment: '#' })
  return {
    images: list('images'),
    tags: list('tags'),
    flavor: list('flavor'),
    labels: list('labels'),
    annotations: list('annotations'),
    sepTags: raw['sep-tags'] || '\n',
    sepLabels: raw['sep-labels'] || '\n',
    sepAnnotations: raw['sep-annotations'] || '\n',
    strict: parseBoolean('strict', raw.strict),
    stripTagPrefix: (raw['strip-tag-prefix'] ?? '').trim()
  }
}

/**
 * Whether any entry renders {{commit_date}}. metadata-action asks the API for the commit date on
 * every run whose payload lacks one; we ask only when it is used, since API calls from many
 * runners are exactly what gets rate-limited.
 */
export function usesCommitDate(inputs: MetaInputs): boolean {
  return [...inputs.tags, ...inputs.flavor, ...inputs.labels, ...inputs.annotations].some((entry) =>
    entry.includes('commit_date')
  )
}

export interface MetaSettings {
  /** DOCKER_METADATA_PR_HEAD_SHA: describe the PR head commit, not the merge commit. */
  prHeadSha: boolean
  /** DOCKER_METADATA_SHORT_SHA_LENGTH (default 7). */
  shortShaLength: number
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS (default ['manifest']). */
  annotationLevels: string[]
}

const annotationLevelPattern =
  /^(?:manifest|index|manifest-descriptor|index-descriptor)(?:\[[^\]]+\])?$/

/** Reads metadata-action's environment variables; an invalid value is a UserError naming it. */
export function metaSettingsFromEnv(env: NodeJS.ProcessEnv): MetaSettings {
  const lengthText = (env.DOCKER_METADATA_SHORT_SHA_LENGTH ?? '').trim()
  let shortShaLength = 7
  if (lengthText !== '') {
    if (!/^\d+$/.test(lengthText) || Number(lengthText) < 1) {
      throw new UserError(
        `DOCKER_METADATA_SHORT_SHA_LENGTH='${lengthText}' is not a positive whole number`
      )
    }
    shortShaLength = Number(lengthText)
  }
  const levelsText = (env.DOCKER_METADATA_ANNOTATIONS_LEVELS ?? '').trim()
  const annotationLevels =
    levelsText === '' ? ['manifest'] : levelsText.split(',').map((level) => level.trim())
  for (const level of annotationLevels) {
    if (!annotationLevelPattern.test(level)) {
      throw new UserError(
        `DOCKER_METADATA_ANNOTATIONS_LEVELS: unknown level '${level}' (levels: manifest, index, manifest-descriptor, index-descriptor; comma-separated)`
      )
    }
  }
  return { prHeadSha: prHeadShaFromEnv(env), shortShaLength, annotationLevels }
}

/** SOURCE_DATE_EPOCH (whole seconds) when set, for reproducible labels; else the current time. */
export function clockFromEnv(env: NodeJS.ProcessEnv): Date {
  const text = (env.SOURCE_DATE_EPOCH ?? '').trim()
  if (text === '') return new Date()
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text) * 1000)) {
    throw new UserError(`SOURCE_DATE_EPOCH='${text}' is not a number of seconds since 1970`)
  }
  return new Date(Number(text) * 1000)
}

export interface MetaResult {
  /** The main tag (highest priority), '' when no tag was produced. */
  version: string
  /** Whether `latest` is among the tags. */
  latest: boolean
  /** `image:tag` for every enabled image and tag (bare tags when there are no images). */
  tags: string[]
  tagNames: string[]
  /** `key=value`, sorted by key. */
  labels: string[]
  /** `level:key=value` for each annotation level. */
  annotations: string[]
  json: {
    tags: string[]
    'tag-names': string[]
    labels: Record<string, string>
    annotations: string[]
  }
  /** Entries dropped or quirks met (non-strict mode); front ends print them as warnings. */
  warnings: string[]
}

interface VersionState {
  main?: string
  partial: string[]
  latest?: boolean
}

/**
 * Computes tags, labels and annotations for one event, as docker/metadata-action v6 does
 * (see README for the deliberate differences). Pure: the clock and the repository come in.
 */
export function computeMeta(
  inputs: MetaInputs,
  context: GitHubContext,
  repo: RepositoryInfo,
  settings: MetaSettings,
  now: Date
): MetaResult {
  const warnings: string[] = []
  const images = parseImages(inputs.images)
  const flavor = parseFlavor(inputs.flavor)
  const entries = parseTagEntries(inputs.tags)

  const sha = describedSha(context, settings.prHeadSha)
  const expressionContext: ExpressionContext = {
    eventName: context.eventName,
    ref: context.ref,
    sha,
    payload: context.payload,
    shortShaLength: settings.shortShaLength,
    now,
    commitDate: context.commitDate ?? now,
    strict: inputs.strict
  }
  // Strict mode turns what metadata-action tolerates with a warning into an error.
  const problem = (message: string, consequence?: string) => {
    if (inputs.strict) throw new UserError(`${message} (strict mode)`)
    warnings.push(consequence ? `${message}; ${consequence}` : message)
  }
  const render = (template: string, where: string) =>
    renderExpressions(template, expressionContext, where, problem)

  const state: VersionState = { partial: [] }
  for (const entry of entries) {
    const where = `tags entry '${entry.source}'`
    const enabled = render(entry.enable, where)
    if (enabled !== 'true' && enabled !== 'false') {
      throw new UserError(`${where}: enable= gave '${enabled}', not 'true' or 'false'`)
    }
    if (enabled === 'false') continue
    const evaluation: TagEvaluation = {
      eventName: context.eventName,
      ref: context.ref,
      sha,
      shortSha: shortSha(sha, settings.shortShaLength),
      defaultBranch: repo.defaultBranch,
      stripTagPrefix: inputs.stripTagPrefix,
      render: (template, extra) =>
        renderExpressions(template, expressionContext, where, problem, extra),
      report: (message) => problem(`${where}: ${message}`)
    }
    const outcome = evaluateTag(entry, evaluation)
    if (outcome.kind === 'skip') continue
    if (outcome.kind === 'invalid') {
      problem(`${where}: ${outcome.reason}`, 'no tag from this entry')
      continue
    }
    const value = decorate(outcome.value, entry, flavor, (template) => render(template, where))
    const latest = flavor.latest === 'auto' ? outcome.latest : flavor.latest === 'true'
    addVersion(state, value, latest, where, problem)
  }
  const version = state.main ?? ''
  const partials = state.partial.filter((tag, index) => state.partial.indexOf(tag) === index)
  const latest = state.main !== undefined && state.latest === true

  const latestTag = sanitizeTag(
    `${flavor.prefixLatest ? render(flavor.prefix, 'flavor prefix') : ''}latest${flavor.suffixLatest ? render(flavor.suffix, 'flavor suffix') : ''}`
  )
  const tagNames: string[] = []
  if (state.main !== undefined) {
    tagNames.push(state.main, ...partials)
    if (latest && !tagNames.includes(latestTag)) tagNames.push(latestTag)
  }
  const imageNames = images.filter((image) => image.enable).map((image) => image.name)
  const tags =
    imageNames.length > 0
      ? imageNames.flatMap((image) => tagNames.map((tag) => `${image}:${tag}`))
      : [...tagNames]
  if (version === '') warnings.push('no image version was generated; check the tags input')

  const base = ociAnnotations(repo, version, now, sha)
  const labels = customised(base, inputs.labels, 'labels', render, problem)
  const plainAnnotations = customised(base, inputs.annotations, 'annotations', render, problem)
  const annotations = settings.annotationLevels.flatMap((level) =>
    plainAnnotations.map((annotation) => `${level}:${annotation}`)
  )
  return {
    version,
    latest,
    tags,
    tagNames,
    labels,
    annotations,
    json: { tags, 'tag-names': tagNames, labels: labelsObject(labels), annotations },
    warnings
  }
}

/** The entry's own prefix/suffix when it has one (even empty), else the flavor's. */
function decorate(
  value: string,
  entry: TagEntry,
  flavor: Flavor,
  render: (template: string) => string
): string {
  const prefix = entry.prefix ?? flavor.prefix
  const suffix = entry.suffix ?? flavor.suffix
  return `${prefix === '' ? '' : render(prefix)}${value}${suffix === '' ? '' : render(suffix)}`
}

/** The first non-empty value is the version and decides `latest`; the rest are partials. */
function addVersion(
  state: VersionState,
  value: string,
  latest: boolean,
  where: string,
  problem: (message: string, consequence?: string) => void
): void {
  if (value === '') return
  const tag = sanitizeTag(value)
  if (!isValidTag(tag)) {
    problem(`${where}: tag '${tag}' ${invalidTagReason(tag)}`, 'registries will reject it')
  }
  if (state.main === undefined) state.main = tag
  else if (tag !== state.main) state.partial.push(tag)
  state.latest ??= latest
}

function customised(
  base: readonly string[],
  extra: readonly string[],
  input: 'labels' | 'annotations',
  render: (template: string, where: string) => string,
  problem: (message: string, consequence?: string) => void
): string[] {
  const rendered = extra.map((entry) => render(entry, `${input} entry '${entry}'`))
  const merged = mergeLabels([...base, ...rendered])
  for (const entry of merged.dropped) problem(`${input} entry '${entry}' has no '='`, 'ignored')
  return merged.entries
}

export const metaOutputNames = [
  'version',
  'tags',
  'tag-names',
  'labels',
  'annotations',
  'json'
] as const
export type MetaOutputName = (typeof metaOutputNames)[number]

/** The action's outputs as strings, joined with the separators (what `core.setOutput` gets). */
export function metaOutputs(
  result: MetaResult,
  inputs: MetaInputs
): Record<MetaOutputName, string> {
  return {
    version: result.version,
    tags: result.tags.join(inputs.sepTags),
    'tag-names': result.tagNames.join(inputs.sepTags),
    labels: result.labels.join(inputs.sepLabels),
    annotations: result.annotations.join(inputs.sepAnnotations),
    json: JSON.stringify(result.json)
  }
}
