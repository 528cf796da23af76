/**
 * `runnerkit deploy check`: static rules over an ARC `gha-runner-scale-set` values file (chart
 * 0.14.2). Pure: text in, CheckResults out. Every reason starts with `file:line` and names the
 * key path; every fix names the key to change.
 */
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type YAMLMap
} from 'yaml'
import { UserError } from '../errors.js'
import { parseReference } from '../oci/reference.js'
import { checkResult, type CheckResult } from '../runner/checks/check.js'
import { podSpecSchema } from './pod-spec-schema.js'
import { isPlaceholderDigest, maxScaleSetNameLength } from './values.js'

export interface ValuesCheckOptions {
  /** The node's allocatable CPU, a Kubernetes quantity ('4', '3500m'); limits must fit. */
  nodeCpu?: string
  /** The node's allocatable memory ('16Gi'); limits must fit. */
  nodeMemory?: string
  /** The UID the image runs as (its USER); runAsUser must equal it. */
  imageUid?: number
  /** The Helm release name, the scale set's name when runnerScaleSetName is not set. */
  releaseName?: string
}

const runnerPath = 'template.spec.containers[name=runner]'

/** Runs every rule over one values file. A file that is not YAML gives one failed `yaml` result. */
export function checkValues(
  text: string,
  file: string,
  options: ValuesCheckOptions = {}
): CheckResult[] {
  const lineCounter = new LineCounter()
  // merge: Helm reads values with YAML merge keys (<<: *anchor); without it they look like fields.
  const document = parseDocument(text, { lineCounter, merge: true })
  const at = (node: Node | undefined | null): string =>
    `${file}:${node?.range ? lineCounter.linePos(node.range[0]).line : 1}`
  const [problem] = document.errors
  if (problem !== undefined || !isMap(document.contents)) {
    const where = problem?.linePos?.[0]?.line ?? 1
    const why = problem ? problem.message.split('\n')[0] : 'the top level is not a mapping'
    return [
      checkResult(
        'yaml',
        'Values file',
        'fail',
        `${file}:${where}: not a values file: ${why}`,
        'fix the YAML'
      )
    ]
  }
  const root = document.contents
  const context: RuleContext = { root, at, options, runner: findRunner(root) }
  return [
    ...imageDigest(context),
    ...resources(context),
    ...ephemeralStorage(context),
    ...securityContext(context),
    ...scaleSetName(context),
    ...controllerServiceAccount(context),
    ...podSpecSchema(document, at)
  ]
}

interface RuleContext {
  root: YAMLMap
  at: (node: Node | undefined | null) => string
  options: ValuesCheckOptions
  /** The runner container, or the closest node there is and what is missing. */
  runner: { container?: YAMLMap; closest: Node; missing?: string }
}

function findRunner(root: YAMLMap): RuleContext['runner'] {
  const template = root.get('template', true)
  if (!isMap(template)) return { closest: root, missing: 'template' }
  const spec = template.get('spec', true)
  if (!isMap(spec)) return { closest: template, missing: 'template.spec' }
  const containers = spec.get('containers', true)
  if (!isSeq(containers)) return { closest: spec, missing: 'template.spec.containers' }
  for (const item of containers.items) {
    if (isMap(item) && scalarValue(item.get('name', true)) === 'runner')
      return { container: item, closest: item }
  }
  return { closest: containers, missing: runnerPath }
}

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : undefined
}

function node(map: YAMLMap | undefined, key: string): Node | undefined {
  const value: unknown = map?.get(key, true)
  return isNode(value) ? value : undefined
}

/** The key node of `key` in a map (where a missing child belongs), else the map itself. */
function keyOf(map: YAMLMap, key: string): Node {
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key)
  return isNode(pair?.key) ? pair.key : map
}

function mapAt(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
  const value = map?.get(key, true)
  return isMap(value) ? value : undefined
}

function noRunner(context: RuleContext, id: string, title: string): CheckResult[] {
  const { missing = runnerPath, closest } = context.runner
  return [
    checkResult(
      id,
      title,
      'fail',
      `${context.at(closest)}: ${missing} is missing, so there is no runner container to check`,
      `add ${runnerPath} under template.spec.containers (the chart requires a container named runner)`
    )
  ]
}

// ---------------------------------------------------------------------------------------------
// image-digest

function imageDigest(context: RuleContext): CheckResult[] {
  const id = 'image-digest'
  const title = 'Runner image pinned by digest'
  const { container } = context.runner
  if (container === undefined) return noRunner(context, id, title)
  const key = `${runnerPath}.image`
  const fix = `set ${key} to registry/name@sha256:<digest> ('runnerkit deploy render --image REF@sha256:…')`
  const imageNode = node(container, 'image')
  const image = scalarValue(imageNode)
  if (typeof image !== 'string' || image.trim() === '') {
    return [checkResult(id, title, 'fail', `${context.at(container)}: ${key} is not set`, fix)]
  }
  const where = context.at(imageNode)
  let digest: string | undefined
  let tag: string | undefined
  try {
    ;({ digest, tag } = parseReference(image, { defaultTag: '' }))
  } catch (error) {
    const why = error instanceof UserError ? error.message : String(error)
    return [
      checkResult(id, title, 'fail', `${where}: ${key} is not an image reference: ${why}`, fix)
    ]
  }
  if (digest !== undefined && isPlaceholderDigest(digest)) {
    // The templates in deployments/ carry this placeholder until the release pipeline renders
    // them: a warning, so checking a template passes, and '--fail-on warning' refuses it later.
    return [
      checkResult(
        id,
        title,
        'warn',
        `${where}: ${key} has the placeholder digest (all zeros): render first, this is a template`,
        fix,
        { image }
      )
    ]
  }
  if (digest !== undefined) {
    return [
      checkResult(id, title, 'pass', `${where}: ${key} is pinned by digest (${digest})`, fix, {
        image
      })
    ]
  }
  const found =
    tag === undefined
      ? `'${image}' has no tag or digest (Kubernetes pulls :latest)`
      : tag === 'latest'
        ? `'${image}' uses the mutable tag :latest`
        : `'${image}' uses the tag :${tag}, which can be moved`
  return [checkResult(id, title, 'fail', `${where}: ${key} ${found}`, fix, { image })]
}

// ---------------------------------------------------------------------------------------------
// resources

const binarySuffixes: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
}
const decimalSuffixes: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
}

/**
 * A Kubernetes quantity as a number of base units: '500m' → 0.5, '16Gi' → 17179869184,
 * '1e3' → 1000, 2 → 2. Undefined when it does not parse.
 */
export function parseQuantity(input: string | number): number | undefined {
  if (typeof input === 'number') return Number.isFinite(input) && input >= 0 ? input : undefined
  const match =
    /^\+?(\d+(?:\.\d*)?|\.\d+)(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(
      input.trim()
    )
  if (match === null) return undefined
  const [, digits = '', exponent, suffix = ''] = match
  if (exponent !== undefined) return Number(`${digits}${exponent}`)
  return Number(digits) * (binarySuffixes[suffix] ?? decimalSuffixes[suffix] ?? Number.NaN)
}

function resources(context: RuleContext): CheckResult[] {
  const { container } = context.runner
  if (container === undefined) return noRunner(context, 'resources', 'Requests and limits')
  const resourcesNode = mapAt(container, 'resources')
  const base = `${runnerPath}.resources`
  const nodeSize = { cpu: context.options.nodeCpu, memory: context.options.nodeMemory }
  return (['cpu', 'memory'] as const).map((name) => {
    const title = `Requests and limits: ${name}`
    const problems: string[] = []
    const fixes: string[] = []
    const read = (kind: 'requests' | 'limits') => {
      const key = `${base}.${kind}.${name}`
      const valueNode = node(mapAt(resourcesNode, kind), name)
      const raw = scalarValue(valueNode)
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        problems.push(`${context.at(keyOf(container, 'resources'))}: ${key} is not set`)
        fixes.push(`set ${key}`)
        return undefined
      }
      const value = parseQuantity(raw)
      if (value === undefined) {
        problems.push(`${context.at(valueNode)}: ${key} '${raw}' is not a Kubernetes quantity`)
        fixes.push(
          `write ${key} as a quantity such as ${name === 'cpu' ? "'500m' or '2'" : "'4Gi'"}`
        )
        return undefined
      }
      return { key, raw, value, where: context.at(valueNode) }
    }
    const request = read('requests')
    const limit = read('limits')
    if (request !== undefined && limit !== undefined && request.value > limit.value) {
      problems.push(
        `${request.where}: ${request.key} ${request.raw} is above ${limit.key} ${limit.raw}`
      )
      fixes.push(`lower ${request.key} to at most ${limit.raw}`)
    }
    const size = nodeSize[name]
    if (limit !== undefined && size !== undefined) {
      const capacity = parseQuantity(size)
      if (capacity !== undefined && limit.value > capacity) {
        problems.push(`${limit.where}: ${limit.key} ${limit.raw} is above the node's ${size}`)
        fixes.push(`lower ${limit.key} to at most ${size} (or schedule on larger nodes)`)
      }
    }
    const details = {
      ...(request !== undefined && { request: request.raw }),
      ...(limit !== undefined && { limit: limit.raw }),
      ...(size !== undefined && { node: size })
    }
    if (problems.length === 0) {
      const reason = `${request?.where ?? context.at(container)}: ${base} ${name} request ${String(request?.raw)} ≤ limit ${String(limit?.raw)}${size !== undefined ? ` ≤ node ${size}` : ''}`
      return checkResult('resources', title, 'pass', reason, undefined, details)
    }
    return checkResult('resources', title, 'fail', problems.join('; '), fixes.join('; '), details)
  })
}

/**
 * ephemeral-storage is optional (only CPU and memory are required), but once a limit is set its
 * request matters: Kubernetes copies a lone limit into the request, so a 40Gi limit alone makes
 * the scheduler look for 40Gi of free disk for every runner. No result when neither is set.
 */
function ephemeralStorage(context: RuleContext): CheckResult[] {
  const { container } = context.runner
  const resourcesNode = mapAt(container, 'resources')
  const base = `${runnerPath}.resources`
  const title = 'Requests and limits: ephemeral-storage'
  const read = (kind: 'requests' | 'limits') => {
    const valueNode = node(mapAt(resourcesNode, kind), 'ephemeral-storage')
    const raw = scalarValue(valueNode)
    if (typeof raw !== 'string' && typeof raw !== 'number') return undefined
    return {
      key: `${base}.${kind}.ephemeral-storage`,
      raw,
      value: parseQuantity(raw),
      where: context.at(valueNode)
    }
  }
  const request = read('requests')
  const limit = read('limits')
  if (request === undefined && limit === undefined) return []
  const details = {
    ...(request !== undefined && { request: String(request.raw) }),
    ...(limit !== undefined && { limit: String(limit.raw) })
  }
  const unparsable = [request, limit].find(
    (entry) => entry !== undefined && entry.value === undefined
  )
  if (unparsable !== undefined) {
    return [
      checkResult(
        'resources',
        title,
        'fail',
        `${unparsable.where}: ${unparsable.key} '${unparsable.raw}' is not a Kubernetes quantity`,
        `write ${unparsable.key} as a quantity such as '4Gi'`,
        details
      )
    ]
  }
  if (request === undefined && limit !== undefined) {
    return [
      checkResult(
        'resources',
        title,
        'warn',
        `${limit.where}: ${limit.key} ${limit.raw} has no request, so Kubernetes requests all of it and schedules each runner as if it used ${limit.raw} of disk`,
        `set ${base}.requests.ephemeral-storage to what a typical job uses (e.g. 4Gi)`,
        details
      )
    ]
  }
  if (request !== undefined && limit !== undefined && (request.value ?? 0) > (limit.value ?? 0)) {
    return [
      checkResult(
        'resources',
        title,
        'fail',
        `${request.where}: ${request.key} ${request.raw} is above ${limit.key} ${limit.raw}`,
        `lower ${request.key} to at most ${limit.raw}`,
        details
      )
    ]
  }
  const first = request ?? limit
  return [
    checkResult(
      'resources',
      title,
      'pass',
      `${first?.where ?? context.at(container)}: ${base} ephemeral-storage request ${String(request?.raw ?? 'none')} ≤ limit ${String(limit?.raw ?? 'none')}`,
      undefined,
      details
    )
  ]
}

// ---------------------------------------------------------------------------------------------
// securityContext: run-as-user, run-as-non-root, allow-privilege-escalation

function securityContext(context: RuleContext): CheckResult[] {
  const { container } = context.runner
  if (container === undefined) {
    return [
      ...noRunner(context, 'run-as-user', 'runAsUser'),
      ...noRunner(context, 'run-as-non-root', 'runAsNonRoot'),
      ...noRunner(context, 'allow-privilege-escalation', 'allowPrivilegeEscalation')
    ]
  }
  const own = mapAt(container, 'securityContext')
  const pod = mapAt(mapAt(mapAt(context.root, 'template'), 'spec'), 'securityContext')
  const containerKey = `${runnerPath}.securityContext`
  /** The container's setting, else the pod's (Kubernetes' precedence). */
  const effective = (key: string) => {
    const fromContainer = node(own, key)
    if (fromContainer !== undefined) {
      return {
        node: fromContainer,
        value: scalarValue(fromContainer),
        path: `${containerKey}.${key}`
      }
    }
    const fromPod = node(pod, key)
    if (fromPod !== undefined) {
      return {
        node: fromPod,
        value: scalarValue(fromPod),
        path: `template.spec.securityContext.${key}`
      }
    }
    return undefined
  }
  const missingAt = context.at(keyOf(container, 'securityContext'))
  const results: CheckResult[] = []

  const imageUid = context.options.imageUid
  const user = effective('runAsUser')
  const userFix = `set ${containerKey}.runAsUser to ${imageUid ?? "the image's UID"}`
  if (user === undefined) {
    results.push(
      checkResult(
        'run-as-user',
        'runAsUser',
        'fail',
        `${missingAt}: ${containerKey}.runAsUser is not set (the image's USER decides)`,
        userFix
      )
    )
  } else if (typeof user.value !== 'number' || !Number.isInteger(user.value) || user.value < 0) {
    results.push(
      checkResult(
        'run-as-user',
        'runAsUser',
        'fail',
        `${context.at(user.node)}: ${user.path} '${String(user.value)}' is not a UID`,
        userFix
      )
    )
  } else if (user.value === 0) {
    results.push(
      checkResult(
        'run-as-user',
        'runAsUser',
        'fail',
        `${context.at(user.node)}: ${user.path} is 0 (root)`,
        userFix
      )
    )
  } else if (imageUid !== undefined && user.value !== imageUid) {
    results.push(
      checkResult(
        'run-as-user',
        'runAsUser',
        'fail',
        `${context.at(user.node)}: ${user.path} is ${user.value} but the image runs as UID ${imageUid} (its home and work dir belong to ${imageUid})`,
        `set ${user.path} to ${imageUid}`,
        { runAsUser: user.value, imageUid }
      )
    )
  } else {
    results.push(
      checkResult(
        'run-as-user',
        'runAsUser',
        'pass',
        `${context.at(user.node)}: ${user.path} is ${user.value}${imageUid !== undefined ? ", the image's UID" : ''}`,
        undefined,
        {
          runAsUser: user.value,
          ...(imageUid !== undefined && { imageUid })
        }
      )
    )
  }

  const nonRoot = effective('runAsNonRoot')
  const nonRootFix = `set ${containerKey}.runAsNonRoot: true`
  if (nonRoot?.value === true) {
    results.push(
      checkResult(
        'run-as-non-root',
        'runAsNonRoot',
        'pass',
        `${context.at(nonRoot.node)}: ${nonRoot.path} is true`
      )
    )
  } else {
    const reason =
      nonRoot === undefined
        ? `${missingAt}: ${containerKey}.runAsNonRoot is not set`
        : `${context.at(nonRoot.node)}: ${nonRoot.path} is ${String(nonRoot.value)}, not true`
    results.push(checkResult('run-as-non-root', 'runAsNonRoot', 'fail', reason, nonRootFix))
  }

  // allowPrivilegeEscalation exists only on the container's securityContext.
  const escalationNode = node(own, 'allowPrivilegeEscalation')
  const escalation = scalarValue(escalationNode)
  const escalationKey = `${containerKey}.allowPrivilegeEscalation`
  if (escalation === false) {
    results.push(
      checkResult(
        'allow-privilege-escalation',
        'allowPrivilegeEscalation',
        'pass',
        `${context.at(escalationNode)}: ${escalationKey} is false`
      )
    )
  } else {
    const reason =
      escalationNode === undefined
        ? `${missingAt}: ${escalationKey} is not set (Kubernetes defaults it to true)`
        : `${context.at(escalationNode)}: ${escalationKey} is ${String(escalation)}, not false`
    results.push(
      checkResult(
        'allow-privilege-escalation',
        'allowPrivilegeEscalation',
        'fail',
        reason,
        `set ${escalationKey}: false`
      )
    )
  }
  return results
}

// ---------------------------------------------------------------------------------------------
// scale-set-name

function scaleSetName(context: RuleContext): CheckResult[] {
  const id = 'scale-set-name'
  const title = 'Scale set name length'
  const nameNode = node(context.root, 'runnerScaleSetName')
  const fromFile = scalarValue(nameNode)
  const release = context.options.releaseName
  const fix = `set runnerScaleSetName to at most ${maxScaleSetNameLength} characters`
  let name: string
  let where: string
  if (typeof fromFile === 'string' && fromFile.trim() !== '') {
    name = fromFile.trim()
    where = `${context.at(nameNode)}: runnerScaleSetName`
  } else if (release !== undefined && release.trim() !== '') {
    name = release.trim()
    where = `${context.at(context.root)}: runnerScaleSetName is not set; the release name`
  } else {
    return [
      checkResult(
        id,
        title,
        'warn',
        `${context.at(context.root)}: runnerScaleSetName is not set, so the Helm release name (≤ ${maxScaleSetNameLength} characters) becomes the scale set's name`,
        `set runnerScaleSetName (the runs-on: label), or pass the release name to check it`
      )
    ]
  }
  const status = name.length <= maxScaleSetNameLength ? 'pass' : 'fail'
  const reason = `${where} '${name}' is ${name.length} characters (at most ${maxScaleSetNameLength})`
  return [checkResult(id, title, status, reason, fix, { name, length: name.length })]
}

// ---------------------------------------------------------------------------------------------
// controller-service-account

function controllerServiceAccount(context: RuleContext): CheckResult[] {
  const id = 'controller-service-account'
  const title = 'Controller service account (offline rendering)'
  const account = mapAt(context.root, 'controllerServiceAccount')
  const missing = (['name', 'namespace'] as const).filter((key) => {
    const value = scalarValue(node(account, key))
    return typeof value !== 'string' || value.trim() === ''
  })
  const where = context.at(keyOf(context.root, 'controllerServiceAccount'))
  if (missing.length === 0) {
    return [
      checkResult(
        id,
        title,
        'pass',
        `${where}: controllerServiceAccount.name and .namespace are set`
      )
    ]
  }
  const keys = missing.map((key) => `controllerServiceAccount.${key}`).join(' and ')
  return [
    checkResult(
      id,
      title,
      'fail',
      `${where}: ${keys} ${missing.length === 1 ? 'is' : 'are'} not set, so the chart looks the controller up in the cluster and 'helm template' fails offline`,
      `set ${keys} to the controller's service account (e.g. arc-gha-rs-controller in arc-systems)`
    )
  ]
}
