/**
 * `deploy check` rule `pod-spec-schema`: the runner pod template (`template.spec`) against
 * Kubernetes' own PodSpec schema, as kubernetes-models compiles it from the Kubernetes OpenAPI
 * document: wrong types, missing required fields, values outside an enum, bad quantities.
 *
 * The schema allows fields it does not know (OpenAPI leaves additionalProperties open), yet they
 * matter most here: the chart copies template.spec into the AutoscalingRunnerSet resource, whose
 * CRD schema prunes unknown fields without an error, so a typo such as `securityContex` is
 * dropped and the runner starts without the setting. The compiled validator reads every property
 * its schema defines (`data.name !== undefined`), so watching which keys it reads through a Proxy
 * tells the known fields from the unknown ones without a second copy of the schema. That leans on
 * how the compiled code reads its input, so the dependency is pinned exactly and the unit tests
 * (test/unit/deploy/pod-spec-schema.test.ts) fail if a new version reads differently.
 */
import {
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type YAMLMap
} from 'yaml'
import { validate as validatePodSpecSchema } from 'kubernetes-models/_schemas/IoK8sApiCoreV1PodSpec'
import { checkResult, type CheckResult } from '../runner/checks/check.js'

/** A segment of a path inside template.spec: a key, or an index into a list. */
export type PathSegment = string | number

export interface SchemaProblem {
  /** Where inside template.spec, e.g. ['containers', 0, 'resources']. */
  path: PathSegment[]
  kind: 'unknown-field' | 'type' | 'required' | 'enum' | 'format' | 'other'
  /** What is wrong, without the key path (the caller names it). */
  message: string
  /** What to change, without the key path. */
  fix: string
}

/** The part of Ajv's error object the compiled validators fill in. */
interface SchemaError {
  instancePath: string
  keyword: string
  params: Record<string, unknown>
}

const validator = validatePodSpecSchema as ((data: unknown) => boolean) & {
  errors?: SchemaError[] | null
}

/** Every problem Kubernetes' schema finds in a PodSpec (plain data, as YAML parses it). */
export function validatePodSpec(spec: unknown): SchemaProblem[] {
  const watch = new Watcher()
  const valid = validator(watch.proxy(spec, []))
  const errors = valid ? [] : (validator.errors ?? [])
  return [...schemaProblems(errors, spec), ...watch.unknownFields()]
}

/** The rule: one failed result per problem, each naming file:line and the key path. */
export function podSpecSchema(
  document: Document,
  at: (node: Node | undefined | null) => string
): CheckResult[] {
  const id = 'pod-spec-schema'
  const title = "Runner pod spec against Kubernetes' schema"
  const root = document.contents as YAMLMap
  const found: unknown = root.get('template', true)
  const template = isMap(found) ? found : undefined
  const spec: unknown = template?.get('spec', true)
  if (template === undefined || !isMap(spec)) {
    const missing = template !== undefined ? 'template.spec' : 'template'
    return [
      checkResult(
        id,
        title,
        'fail',
        `${at(template ?? root)}: ${missing} is missing or not a mapping, so there is no pod spec to check`,
        'add template.spec with a container named runner (the chart requires it)'
      )
    ]
  }
  const value: unknown = spec.toJS(document)
  const problems = validatePodSpec(value)
  if (problems.length === 0) {
    // The line of `spec:` itself; the mapping's own range starts at its first key.
    const key = template.items.find((pair) => isScalar(pair.key) && pair.key.value === 'spec')?.key
    return [
      checkResult(
        id,
        title,
        'pass',
        `${at(isNode(key) ? key : spec)}: template.spec matches Kubernetes' PodSpec schema`
      )
    ]
  }
  return problems
    .map((problem) => ({ problem, node: nodeAt(spec, problem) }))
    .sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0))
    .map(({ problem, node }) => {
      const key = keyPath(value, problem.path)
      return checkResult(
        id,
        title,
        'fail',
        `${at(node)}: ${key} ${problem.message}`,
        `${problem.fix} (see kubectl explain ${explainPath(problem)})`,
        { path: key, kind: problem.kind }
      )
    })
}

// ---------------------------------------------------------------------------------------------
// Unknown fields: which keys the validator read

interface Visit {
  path: PathSegment[]
  target: Record<string, unknown>
  read: Set<string>
  /** The validator listed the keys itself: a free-form map (labels, limits), where all are fine. */
  enumerated: boolean
}

class Watcher {
  private readonly visits: Visit[] = []
  private readonly proxies = new WeakMap<object, object>()

  proxy(value: unknown, path: PathSegment[]): unknown {
    if (typeof value !== 'object' || value === null) return value
    const cached = this.proxies.get(value)
    if (cached !== undefined) return cached
    const list = Array.isArray(value)
    const visit: Visit = {
      path,
      target: value as Record<string, unknown>,
      read: new Set(),
      enumerated: false
    }
    if (!list) this.visits.push(visit)
    const child = (key: string) => (list && /^\d+$/.test(key) ? Number(key) : key)
    const proxy = new Proxy(value, {
      get: (target, key, receiver) => {
        const found: unknown = Reflect.get(target, key, receiver)
        if (typeof key !== 'string') return found
        visit.read.add(key)
        return Object.hasOwn(target, key) ? this.proxy(found, [...path, child(key)]) : found
      },
      has: (target, key) => {
        if (typeof key === 'string') visit.read.add(key)
        return Reflect.has(target, key)
      },
      ownKeys: (target) => {
        visit.enumerated = true
        return Reflect.ownKeys(target)
      }
    })
    this.proxies.set(value, proxy)
    return proxy
  }

  unknownFields(): SchemaProblem[] {
    const problems: SchemaProblem[] = []
    for (const visit of this.visits) {
      // An object the validator never looked into sits under a key it already reported.
      if (visit.enumerated || visit.read.size === 0) continue
      for (const key of Object.keys(visit.target)) {
        if (visit.read.has(key)) continue
        const guess = closest(key, [...visit.read])
        problems.push({
          path: [...visit.path, key],
          kind: 'unknown-field',
          message: `is not a field Kubernetes knows here; the API server drops unknown fields, so the setting never applies`,
          fix: guess !== undefined ? `rename it to ${guess}` : 'remove it or correct its name'
        })
      }
    }
    return problems
  }
}

/** The known name within a small edit distance of a typo, if one stands out. */
function closest(word: string, candidates: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined
  for (const name of candidates) {
    const distance = editDistance(word.toLowerCase(), name.toLowerCase())
    if (best === undefined || distance < best.distance) best = { name, distance }
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(word.length / 4))
    ? best.name
    : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      )
    }
    previous = current
  }
  return previous[b.length] ?? 0
}

// ---------------------------------------------------------------------------------------------
// Schema errors → problems

function schemaProblems(errors: SchemaError[], spec: unknown): SchemaProblem[] {
  // Ajv reports one error per failed keyword; a quantity such as '2 cores' fails `type`, `format`
  // and `oneOf` at once. One problem per place reads better, so errors are grouped by path.
  const byPath = new Map<string, SchemaError[]>()
  for (const error of errors) {
    const group = byPath.get(error.instancePath) ?? []
    group.push(error)
    byPath.set(error.instancePath, group)
  }
  const problems: SchemaProblem[] = []
  for (const [pointer, group] of byPath) {
    const path = pointerPath(pointer, spec)
    const value = valueAt(spec, path)
    for (const required of group.filter((error) => error.keyword === 'required')) {
      const field = String(required.params.missingProperty)
      problems.push({
        path: [...path, field],
        kind: 'required',
        message: 'is missing, and Kubernetes requires it',
        fix: `add ${field}`
      })
    }
    const rest = group.filter((error) => error.keyword !== 'required')
    const problem = describe(rest, value)
    if (problem !== undefined) problems.push({ path, ...problem })
  }
  return problems
}

function describe(group: SchemaError[], value: unknown): Omit<SchemaProblem, 'path'> | undefined {
  if (group.length === 0) return undefined
  const shown = show(value)
  const format = group.find((error) => error.keyword === 'format')
  if (format !== undefined) {
    const name = String(format.params.format)
    if (name === 'quantity') {
      return {
        kind: 'format',
        message: `${shown} is not a Kubernetes quantity`,
        fix: "write a quantity such as '500m', '2' or '4Gi'"
      }
    }
    return {
      kind: 'format',
      message: `${shown} is not a valid ${name}`,
      fix: `give a valid ${name}`
    }
  }
  const types = [
    ...new Set(
      group.filter((error) => error.keyword === 'type').map((error) => String(error.params.type))
    )
  ]
  if (types.length > 0) {
    const expected = types.map(article).join(' or ')
    return {
      kind: 'type',
      message: `must be ${expected}, not ${article(kindOf(value))} (${shown})`,
      fix: `write it as ${expected}`
    }
  }
  const allowed = group.find((error) => error.keyword === 'enum')
  if (allowed !== undefined) {
    const values = (allowed.params.allowedValues as unknown[]).map(String)
    return {
      kind: 'enum',
      message: `${shown} is not one of ${values.join(', ')}`,
      fix: `use one of ${values.join(', ')}`
    }
  }
  const [first] = group
  if (first === undefined) return undefined
  return {
    kind: 'other',
    message: `${shown} fails the schema's ${first.keyword} rule ${JSON.stringify(first.params)}`,
    fix: `correct the value`
  }
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  if (value === null) return 'null'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const names: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  null: 'null'
}

function article(type: string): string {
  return names[type] ?? type
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 37)}...` : text
}

/** A JSON pointer ('/containers/0/resources') as segments, list indices as numbers. */
function pointerPath(pointer: string, spec: unknown): PathSegment[] {
  const path: PathSegment[] = []
  let current: unknown = spec
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    const step: PathSegment = Array.isArray(current) ? Number(segment) : segment
    path.push(step)
    current =
      current === null || typeof current !== 'object'
        ? undefined
        : (current as Record<PathSegment, unknown>)[step]
  }
  return path
}

function valueAt(spec: unknown, path: PathSegment[]): unknown {
  let current: unknown = spec
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PathSegment, unknown>)[step]
  }
  return current
}

/** `template.spec.containers[name=runner].resources`: list items by name when they have one. */
function keyPath(spec: unknown, path: PathSegment[]): string {
  let text = 'template.spec'
  let current: unknown = spec
  for (const step of path) {
    const next: unknown =
      current !== null && typeof current === 'object'
        ? (current as Record<PathSegment, unknown>)[step]
        : undefined
    if (typeof step === 'number') {
      const name: unknown =
        next !== null && typeof next === 'object'
          ? (next as Record<string, unknown>).name
          : undefined
      text += typeof name === 'string' ? `[name=${name}]` : `[${step}]`
    } else {
      text += `.${step}`
    }
    current = next
  }
  return text
}

/**
 * `pod.spec.containers.resources`, the argument `kubectl explain` takes: the parent for an
 * unknown field or a quantity (explain knows neither a typo nor a key of the limits map).
 */
function explainPath(problem: SchemaProblem): string {
  const parent = problem.kind === 'unknown-field' || problem.kind === 'format'
  const path = parent ? problem.path.slice(0, -1) : problem.path
  return ['pod.spec', ...path.filter((step) => typeof step === 'string')].join('.')
}

/** The YAML node a problem points at: the key of an unknown field, else the value itself. */
function nodeAt(spec: YAMLMap, problem: SchemaProblem): Node {
  let current: Node = spec
  const path = problem.kind === 'required' ? problem.path.slice(0, -1) : problem.path
  for (const [index, step] of path.entries()) {
    const last = index === path.length - 1
    if (isMap(current) && typeof step === 'string') {
      const pair = current.items.find((item) => isScalar(item.key) && item.key.value === step)
      if (!isPair(pair)) break
      const key = pair.key as Node
      const value = pair.value as Node | null
      if (last && problem.kind === 'unknown-field') return key
      if (value === null || !('range' in value)) return key
      current = value
    } else if (isSeq(current) && typeof step === 'number') {
      const item = current.items[step] as Node | undefined
      if (item === undefined) break
      current = item
    } else {
      break
    }
  }
  return current
}
