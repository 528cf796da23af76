import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { checkValues, parseQuantity } from '../../../src/deploy/checks.js'

const digest = `sha256:${'b'.repeat(64)}`

/** Passes every rule; line numbers are noted for the assertions below. */
/** The repository's values templates, one per runner image. */
const deployments = [
  'deployments/debian-bookworm.values.yaml',
  'deployments/rootless-ubuntu-noble.values.yaml',
  'deployments/ubi9.values.yaml'
]

const good = `runnerScaleSetName: team-a
controllerServiceAccount:
  namespace: arc-systems
  name: arc-gha-rs-controller
template:
  spec:
    containers:
      - name: runner
        image: ghcr.io/example/runner@${digest}
        resources:
          requests:
            cpu: 500m
            memory: 1Gi
          limits:
            cpu: 2
            memory: 4Gi
        securityContext:
          runAsUser: 1001
          runAsNonRoot: true
          allowPrivilegeEscalation: false
`

function statuses(text: string, options = {}) {
  return checkValues(text, 'values.yaml', options).map((result) => `${result.id}:${result.status}`)
}

function only(text: string, id: string, options = {}) {
  const results = checkValues(text, 'values.yaml', options).filter((result) => result.id === id)
  const failing = results.find((result) => result.status !== 'pass')
  return failing ?? results[0]
}

describe('checkValues', () => {
  it('passes a complete file, one line per result with the file and line', () => {
    const results = checkValues(good, 'values.yaml', {
      nodeCpu: '4',
      nodeMemory: '16Gi',
      imageUid: 1001
    })
    expect(results.map((result) => `${result.id}:${result.status}`)).toEqual([
      'image-digest:pass',
      'resources:pass',
      'resources:pass',
      'run-as-user:pass',
      'run-as-non-root:pass',
      'allow-privilege-escalation:pass',
      'scale-set-name:pass',
      'controller-service-account:pass',
      'pod-spec-schema:pass'
    ])
    for (const result of results) {
      expect(result.reason).toMatch(/^values\.yaml:\d+: /)
      expect(result.reason).not.toContain('\n')
      expect(result.fix).toBeUndefined()
    }
    expect(results.map((result) => result.reason.split(':')[1])).toEqual([
      '9',
      '12',
      '13',
      '18',
      '19',
      '20',
      '1',
      '2',
      '6'
    ])
  })

  it.each([
    // image-digest
    [
      'image :latest',
      'image-digest',
      good.replace(`@${digest}`, ':latest'),
      {},
      /^values\.yaml:9: .*\.image '.*:latest' uses the mutable tag :latest$/
    ],
    [
      'image tag',
      'image-digest',
      good.replace(`@${digest}`, ':1.2'),
      {},
      /^values\.yaml:9: .* uses the tag :1\.2/
    ],
    [
      'image bare',
      'image-digest',
      good.replace(`@${digest}`, ''),
      {},
      /^values\.yaml:9: .* has no tag or digest/
    ],
    [
      'image missing',
      'image-digest',
      good.replace(/ {8}image: .*\n/, ''),
      {},
      /^values\.yaml:8: template\.spec\.containers\[name=runner\]\.image is not set$/
    ],
    [
      'image invalid',
      'image-digest',
      good.replace(`@${digest}`, '@sha256:xyz'),
      {},
      /^values\.yaml:9: .* is not an image reference/
    ],
    [
      'no runner container',
      'image-digest',
      good.replace('name: runner', 'name: other'),
      {},
      /^values\.yaml:8: template\.spec\.containers\[name=runner\] is missing/
    ],
    [
      'no template',
      'run-as-user',
      'runnerScaleSetName: x\n',
      {},
      /^values\.yaml:1: template is missing/
    ],
    // resources
    [
      'cpu request missing',
      'resources',
      good.replace('            cpu: 500m\n', ''),
      {},
      /^values\.yaml:10: .*resources\.requests\.cpu is not set$/
    ],
    [
      'memory limit missing',
      'resources',
      good.replace('            memory: 4Gi\n', ''),
      {},
      /\.resources\.limits\.memory is not set$/
    ],
    [
      'no resources at all',
      'resources',
      good.replace(/ {8}resources:[\s\S]*?(?= {8}securityContext)/, ''),
      {},
      /^values\.yaml:8: .*requests\.cpu is not set; .*limits\.cpu is not set$/
    ],
    [
      'request above limit',
      'resources',
      good.replace('cpu: 500m', 'cpu: 2500m'),
      {},
      /^values\.yaml:12: .*requests\.cpu 2500m is above .*limits\.cpu 2$/
    ],
    [
      'memory request above limit',
      'resources',
      good.replace('memory: 1Gi', 'memory: 5G'),
      {},
      /requests\.memory 5G is above .*limits\.memory 4Gi/
    ],
    [
      'limit above node cpu',
      'resources',
      good,
      { nodeCpu: '1500m' },
      /^values\.yaml:15: .*limits\.cpu 2 is above the node's 1500m$/
    ],
    [
      'limit above node memory',
      'resources',
      good,
      { nodeMemory: '4000Mi' },
      /^values\.yaml:16: .*limits\.memory 4Gi is above the node's 4000Mi$/
    ],
    [
      'bad quantity',
      'resources',
      good.replace('memory: 1Gi', 'memory: 1GB'),
      {},
      /^values\.yaml:13: .*requests\.memory '1GB' is not a Kubernetes quantity/
    ],
    // securityContext
    [
      'runAsUser missing',
      'run-as-user',
      good.replace('          runAsUser: 1001\n', ''),
      {},
      /^values\.yaml:17: .*securityContext\.runAsUser is not set/
    ],
    [
      'runAsUser root',
      'run-as-user',
      good.replace('runAsUser: 1001', 'runAsUser: 0'),
      {},
      /^values\.yaml:18: .*runAsUser is 0 \(root\)$/
    ],
    [
      'runAsUser text',
      'run-as-user',
      good.replace('runAsUser: 1001', 'runAsUser: runner'),
      {},
      /runAsUser 'runner' is not a UID$/
    ],
    [
      'runAsUser differs from image',
      'run-as-user',
      good,
      { imageUid: 1000 },
      /^values\.yaml:18: .*runAsUser is 1001 but the image runs as UID 1000/
    ],
    [
      'runAsNonRoot missing',
      'run-as-non-root',
      good.replace('          runAsNonRoot: true\n', ''),
      {},
      /^values\.yaml:17: .*runAsNonRoot is not set$/
    ],
    [
      'runAsNonRoot false',
      'run-as-non-root',
      good.replace('runAsNonRoot: true', 'runAsNonRoot: false'),
      {},
      /^values\.yaml:19: .*runAsNonRoot is false, not true$/
    ],
    [
      'escalation missing',
      'allow-privilege-escalation',
      good.replace('          allowPrivilegeEscalation: false\n', ''),
      {},
      /is not set \(Kubernetes defaults it to true\)$/
    ],
    [
      'escalation true',
      'allow-privilege-escalation',
      good.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'),
      {},
      /^values\.yaml:20: .* is true, not false$/
    ],
    // scale-set-name
    [
      'name too long',
      'scale-set-name',
      good.replace('team-a', 'n'.repeat(46)),
      {},
      /^values\.yaml:1: runnerScaleSetName 'n+' is 46 characters \(at most 45\)$/
    ],
    [
      'release name too long',
      'scale-set-name',
      good.replace('runnerScaleSetName: team-a\n', ''),
      { releaseName: 'r'.repeat(50) },
      /runnerScaleSetName is not set; the release name 'r+' is 50 characters/
    ],
    // controller-service-account
    [
      'account missing',
      'controller-service-account',
      good.replace(/controllerServiceAccount:\n( {2}.*\n){2}/, ''),
      {},
      /^values\.yaml:1: controllerServiceAccount\.name and controllerServiceAccount\.namespace are not set/
    ],
    [
      'account name empty',
      'controller-service-account',
      good.replace('name: arc-gha-rs-controller', "name: ''"),
      {},
      /^values\.yaml:2: controllerServiceAccount\.name is not set/
    ]
  ])('fails: %s', (_label, id, text, options, reason) => {
    const result = only(text, id, options)
    expect(result).toMatchObject({ id, status: 'fail' })
    expect(result?.reason).toMatch(reason)
    expect(result?.fix).toMatch(/\S/)
    expect(result?.fix).not.toContain('\n')
  })

  it.each([
    [
      'pod-level securityContext counts',
      'run-as-user',
      good
        .replace('          runAsUser: 1001\n', '')
        .replace('  spec:\n', '  spec:\n    securityContext:\n      runAsUser: 1001\n'),
      { imageUid: 1001 },
      /template\.spec\.securityContext\.runAsUser is 1001/
    ],
    [
      'the release name when runnerScaleSetName is unset',
      'scale-set-name',
      good.replace('runnerScaleSetName: team-a\n', ''),
      { releaseName: 'runners' },
      /the release name 'runners' is 7 characters/
    ],
    [
      'requests equal to limits',
      'resources',
      good.replace('cpu: 500m', "cpu: '2'"),
      { nodeCpu: '2' },
      /request 2 ≤ limit 2 ≤ node 2/
    ],
    [
      '45 characters',
      'scale-set-name',
      good.replace('team-a', 'n'.repeat(45)),
      {},
      /is 45 characters/
    ]
  ])('passes: %s', (_label, id, text, options, reason) => {
    const result = only(text, id, options)
    expect(result).toMatchObject({ id, status: 'pass' })
    expect(result?.reason).toMatch(reason)
  })

  it('warns when no scale set name can be known', () => {
    expect(only(good.replace('runnerScaleSetName: team-a\n', ''), 'scale-set-name')).toMatchObject({
      status: 'warn'
    })
  })

  it('reports a file that is not YAML as one failed result with its line', () => {
    const results = checkValues('a: 1\nb: [\n', 'bad.yaml')
    expect(results).toHaveLength(1)
    expect(results[0]).toMatchObject({ id: 'yaml', status: 'fail' })
    expect(results[0]?.reason).toMatch(/^bad\.yaml:\d+: not a values file/)
    expect(statuses('- a\n')).toEqual(['yaml:fail'])
  })

  it.each(deployments)('passes %s for its image UID 1000, warning only "render first"', (file) => {
    const text = readFileSync(file, 'utf8')
    const options = { nodeCpu: '4', nodeMemory: '16Gi', imageUid: 1000 }
    const results = checkValues(text, file, options)
    expect(results.filter((result) => result.status !== 'pass')).toEqual([
      expect.objectContaining({
        id: 'image-digest',
        status: 'warn',
        reason: expect.stringMatching(/placeholder digest \(all zeros\): render first/)
      })
    ])
    expect(statuses(text).filter((status) => !status.endsWith(':pass'))).toEqual([
      'image-digest:warn'
    ])
    expect(only(text, 'run-as-user', { imageUid: 1001 })?.status).toBe('fail')
    const rendered = text.replace(/sha256:0{64}/, digest)
    expect(statuses(rendered, options).every((status) => status.endsWith(':pass'))).toBe(true)
  })

  it.each(deployments)('%s: the commented dind alternative is a valid pod spec', (file) => {
    const text = uncomment(readFileSync(file, 'utf8'), 'The alternative for clusters', 'hostUsers:')
    expect(text).toContain('      - name: dind\n')
    expect(text).toContain('--default-network-opt=bridge=com.docker.network.driver.mtu=1400')
    const results = checkValues(text.replaceAll(/<[^>]+>/g, '0'.repeat(64)), file)
    expect(results.filter((result) => result.status === 'fail')).toEqual([])
  })
})

/** Turns the commented YAML between two markers into YAML; prose comments stay comments. */
function uncomment(text: string, from: string, to: string): string {
  let inside = false
  return text
    .split('\n')
    .map((line) => {
      if (line.includes(from)) inside = true
      else if (inside && line.includes(to)) inside = false
      const match = /^(\s*)# (.*)$/.exec(line)
      const body = match?.[2] ?? ''
      if (!inside || match === null || !/^\s*(- |[\w./-]+:( |$)|\{)/.test(body)) return line
      return `${match[1] ?? ''}${body}`
    })
    .join('\n')
}

describe('checkValues: placeholder digest', () => {
  it('warns "render first" on the all-zero digest, a fail only with a real tag', () => {
    const placeholder = good.replace(digest, `sha256:${'0'.repeat(64)}`)
    expect(only(placeholder, 'image-digest')).toMatchObject({
      status: 'warn',
      reason: expect.stringMatching(
        /^values\.yaml:9: template\.spec\.containers\[name=runner\]\.image has the placeholder digest \(all zeros\): render first/
      )
    })
  })
})

describe('checkValues: ephemeral-storage', () => {
  const results = (text: string) =>
    checkValues(text, 'values.yaml', {}).filter(
      (result) => result.title === 'Requests and limits: ephemeral-storage'
    )
  const withStorage = (requests: string, limits: string) =>
    good
      .replace('            memory: 1Gi\n', `            memory: 1Gi\n${requests}`)
      .replace('            memory: 4Gi\n', `            memory: 4Gi\n${limits}`)

  it('says nothing when neither a request nor a limit is set (it is optional)', () => {
    expect(results(good)).toEqual([])
  })

  it('passes a request at or below the limit, naming both', () => {
    const [result] = results(
      withStorage('            ephemeral-storage: 4Gi\n', '            ephemeral-storage: 40Gi\n')
    )
    expect(result).toMatchObject({
      status: 'pass',
      reason:
        'values.yaml:14: template.spec.containers[name=runner].resources ephemeral-storage request 4Gi ≤ limit 40Gi'
    })
  })

  it('warns on a limit without a request, which Kubernetes would request in full', () => {
    const [result] = results(withStorage('', '            ephemeral-storage: 40Gi\n'))
    expect(result?.status).toBe('warn')
    expect(result?.reason).toMatch(
      /^values\.yaml:17: .*limits\.ephemeral-storage 40Gi has no request/
    )
    expect(result?.fix).toMatch(/requests\.ephemeral-storage/)
  })

  it('fails a request above the limit and a value that is not a quantity', () => {
    expect(
      results(
        withStorage(
          '            ephemeral-storage: 50Gi\n',
          '            ephemeral-storage: 40Gi\n'
        )
      )[0]
    ).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/:14: .* 50Gi is above .* 40Gi$/)
    })
    expect(
      results(
        withStorage('            ephemeral-storage: 4GB\n', '            ephemeral-storage: 40Gi\n')
      )[0]
    ).toMatchObject({
      status: 'fail',
      reason: expect.stringMatching(/'4GB' is not a Kubernetes quantity/)
    })
  })

  it.each(deployments)('%s requests ephemeral-storage below its limit', (file) => {
    expect(results(readFileSync(file, 'utf8')).map((result) => result.status)).toEqual(['pass'])
  })
})

describe('parseQuantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    [2, 2],
    ['1.5', 1.5],
    ['0.5', 0.5],
    ['1k', 1000],
    ['1Ki', 1024],
    ['16Gi', 16 * 2 ** 30],
    ['4000Mi', 4000 * 2 ** 20],
    ['5G', 5e9],
    ['1M', 1e6],
    ['1e3', 1000],
    ['100n', 1e-7],
    ['1Ti', 2 ** 40]
  ])('%s → %d', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected)
  })

  it.each(['', '1GB', 'Gi', '-1', '1 Gi', 'abc', '1.2.3', -1])('refuses %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined()
  })
})
