/**
 * `runnerkit deploy render`: fills an ARC `gha-runner-scale-set` values template (chart 0.14.2)
 * with the runner image pinned by digest and optional scale-set overrides. The YAML Document
 * API edits the nodes in place, so comments and layout of the template survive.
 */
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLMap } from 'yaml'
import { UserError } from '../errors.js'
import { parseReference } from '../oci/reference.js'

export interface RenderOptions {
  /** The runner image, `registry/name@sha256:…`; a tag alone is refused. */
  image: string
  /** Sets `runnerScaleSetName` (what workflows put in `runs-on:`). */
  scaleSetName?: string
  minRunners?: number
  maxRunners?: number
}

/** The chart's limit on a scale set's name (runnerScaleSetName or the release name). */
export const maxScaleSetNameLength = 45

export const runnerImagePath = 'template.spec.containers[name=runner].image'

/**
 * The digest a values template carries until `deploy render` pins the real one: a well-formed
 * reference (so the template stays valid YAML for the chart and the schema), yet one no registry
 * can serve, so a template deployed by mistake fails to pull instead of running something else.
 */
export const placeholderDigest = `sha256:${'0'.repeat(64)}`

export function isPlaceholderDigest(digest: string): boolean {
  return /^sha256:0{64}$/.test(digest)
}

/**
 * Returns the template with the options applied; throws a one-line UserError naming the key.
 * Values that are already in the template are replaced where they stand in its text, so
 * everything else, comments included, stays byte for byte (the YAML printer would re-indent a
 * trailing comment block). A key the template lacks is added through the Document API.
 */
export function renderValues(template: string, options: RenderOptions): string {
  const image = digestReference(options.image)
  const document = parseDocument(template)
  const [problem] = document.errors
  if (problem !== undefined) {
    throw new UserError(`values: not valid YAML: ${problem.message.split('\n')[0] ?? ''}`)
  }
  if (!isMap(document.contents)) throw new UserError('values: expected a YAML mapping at the top')
  const edits: Array<{ map: YAMLMap; key: string; value: string | number }> = [
    { map: runnerContainer(document), key: 'image', value: image }
  ]
  if (options.scaleSetName !== undefined) {
    const name = options.scaleSetName.trim()
    if (name === '' || name.length > maxScaleSetNameLength) {
      throw new UserError(
        `runnerScaleSetName: '${name}' must be 1 to ${maxScaleSetNameLength} characters`
      )
    }
    edits.push({ map: document.contents, key: 'runnerScaleSetName', value: name })
  }
  for (const key of ['minRunners', 'maxRunners'] as const) {
    const value = options[key]
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < 0) {
      throw new UserError(`${key}: expected a whole number ≥ 0, got ${value}`)
    }
    edits.push({ map: document.contents, key, value })
  }
  const effective = (key: string): unknown =>
    edits.find((edit) => edit.map === document.contents && edit.key === key)?.value ??
    document.get(key)
  const min = effective('minRunners')
  const max = effective('maxRunners')
  if (typeof min === 'number' && typeof max === 'number' && max < min) {
    throw new UserError(`maxRunners: ${max} is below minRunners ${min}; the chart refuses it`)
  }
  const spans = edits.map(({ map, key, value }) => {
    const node: unknown = map.get(key, true)
    return isScalar(node) && node.range ? { range: node.range, value } : undefined
  })
  if (spans.every((span) => span !== undefined)) {
    let text = template
    for (const { range, value } of spans.sort((a, b) => b.range[0] - a.range[0])) {
      text = `${text.slice(0, range[0])}${stringify(value).trimEnd()}${text.slice(range[1])}`
    }
    return text
  }
  for (const { map, key, value } of edits) map.set(key, value)
  return document.toString({ flowCollectionPadding: false })
}

/** `registry/name@sha256:…` (a tag beside the digest is dropped); anything else throws. */
export function digestReference(input: string): string {
  const text = input.trim()
  const parsed = parseReference(text, { defaultTag: '' })
  if (parsed.digest === undefined) {
    throw new UserError(
      `${runnerImagePath}: '${text}' is not pinned by digest; give registry/name@sha256:<digest> (e.g. from 'crane digest')`
    )
  }
  if (isPlaceholderDigest(parsed.digest)) {
    throw new UserError(
      `${runnerImagePath}: '${text}' has the placeholder digest (all zeros); give the digest the registry reported for the pushed image`
    )
  }
  const at = text.indexOf('@')
  const name = text.slice(0, at).replace(/:[^:/]*$/, '')
  return `${name}@${parsed.digest}`
}

function runnerContainer(document: Document): YAMLMap {
  const containers = document.getIn(['template', 'spec', 'containers'])
  if (!isSeq(containers)) {
    throw new UserError(
      'template.spec.containers: missing; add a container named runner (the chart requires it)'
    )
  }
  for (const item of containers.items) {
    if (!isMap(item)) continue
    const name = item.get('name', true)
    if (isScalar(name) && name.value === 'runner') return item
  }
  throw new UserError(
    'template.spec.containers: no container named runner; the chart requires the name runner'
  )
}
