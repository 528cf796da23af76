import { describe, expect, it } from '@jest/globals'
import { checkValues } from '../../../src/deploy/checks.js'
import { validatePodSpec } from '../../../src/deploy/pod-spec-schema.js'

/** A runner pod template as people write them; the line numbers below count from here. */
const good = `template:
  spec:
    securityContext:
      fsGroup: 1000
    containers:
      - name: runner
        image: ghcr.io/example/runner@sha256:${'b'.repeat(64)}
        command: ['/usr/bin/tini', '--', '/home/runner/run.sh']
        env:
          - name: DOCKER_HOST
            value: unix:///var/run/docker.sock
        resources:
          requests:
            cpu: 500m
            memory: 1Gi
          limits:
            cpu: 2
            memory: 4Gi
        securityContext:
          runAsUser: 1000
          allowPrivilegeEscalation: false
          seccompProfile:
            type: RuntimeDefault
    nodeSelector:
      kubernetes.io/arch: amd64
    volumes:
      - name: work
        emptyDir:
          sizeLimit: 20Gi
`

function findings(text: string) {
  return checkValues(text, 'values.yaml')
    .filter((result) => result.id === 'pod-spec-schema')
    .map(({ status, reason, fix }) => ({ status, reason, fix }))
}

describe('pod-spec-schema', () => {
  it('passes a realistic runner template, free-form maps included', () => {
    expect(findings(good)).toEqual([
      {
        status: 'pass',
        reason: "values.yaml:2: template.spec matches Kubernetes' PodSpec schema",
        fix: undefined
      }
    ])
  })

  it.each([
    [
      'resources written as one quantity',
      good.replace(/ {8}resources:\n( {10}.*\n)+/, '        resources: 4Gi\n'),
      "values.yaml:12: template.spec.containers[name=runner].resources must be a mapping, not a string ('4Gi')",
      'write it as a mapping (see kubectl explain pod.spec.containers.resources)'
    ],
    [
      'a typo in a container key',
      good.replace(
        '        securityContext:\n          runAsUser',
        '        securityContex:\n          runAsUser'
      ),
      'values.yaml:19: template.spec.containers[name=runner].securityContex is not a field Kubernetes knows here; the API server drops unknown fields, so the setting never applies',
      'rename it to securityContext (see kubectl explain pod.spec.containers)'
    ],
    [
      'a container without a name',
      good.replace('      - name: runner\n        image:', '      - image:'),
      'values.yaml:6: template.spec.containers[0].name is missing, and Kubernetes requires it',
      'add name (see kubectl explain pod.spec.containers.name)'
    ],
    [
      'a UID in quotes',
      good.replace('runAsUser: 1000', "runAsUser: '1000'"),
      "values.yaml:20: template.spec.containers[name=runner].securityContext.runAsUser must be an integer, not a string ('1000')",
      'write it as an integer (see kubectl explain pod.spec.containers.securityContext.runAsUser)'
    ],
    [
      'a limit with a unit Kubernetes does not know',
      good.replace('memory: 4Gi', 'memory: 4GB'),
      "values.yaml:18: template.spec.containers[name=runner].resources.limits.memory '4GB' is not a Kubernetes quantity",
      "write a quantity such as '500m', '2' or '4Gi' (see kubectl explain pod.spec.containers.resources.limits)"
    ],
    [
      'a seccomp type in the wrong case',
      good.replace('type: RuntimeDefault', 'type: runtimeDefault'),
      "values.yaml:23: template.spec.containers[name=runner].securityContext.seccompProfile.type 'runtimeDefault' is not one of Localhost, RuntimeDefault, Unconfined",
      'use one of Localhost, RuntimeDefault, Unconfined (see kubectl explain pod.spec.containers.securityContext.seccompProfile.type)'
    ],
    [
      'an env entry with a misspelt value',
      good.replace('            value: unix', '            valeu: unix'),
      'values.yaml:11: template.spec.containers[name=runner].env[name=DOCKER_HOST].valeu is not a field Kubernetes knows here; the API server drops unknown fields, so the setting never applies',
      'rename it to value (see kubectl explain pod.spec.containers.env)'
    ],
    [
      'a pod-level key nested one level too deep',
      good.replace('      fsGroup: 1000', '      fsGroup: 1000\n      nodeSelector: {}'),
      'values.yaml:5: template.spec.securityContext.nodeSelector is not a field Kubernetes knows here; the API server drops unknown fields, so the setting never applies',
      'remove it or correct its name (see kubectl explain pod.spec.securityContext)'
    ],
    [
      'containers as a mapping instead of a list',
      'template:\n  spec:\n    containers:\n      name: runner\n      image: r.io/x\n',
      'values.yaml:4: template.spec.containers must be a list, not a mapping ({"name":"runner","image":"r.io/x"})',
      'write it as a list (see kubectl explain pod.spec.containers)'
    ]
  ])('fails: %s', (_label, text, reason, fix) => {
    expect(findings(text)).toEqual([{ status: 'fail', reason, fix }])
  })

  it('reports several problems, each at its own line, in file order', () => {
    const text = good
      .replace('memory: 1Gi', 'memory: lots')
      .replace('      - name: work\n', '      - nme: work\n')
    expect(findings(text).map(({ reason }) => reason.split(': ')[0])).toEqual([
      'values.yaml:15',
      'values.yaml:27',
      'values.yaml:27'
    ])
    expect(findings(text).map(({ reason }) => reason)).toEqual([
      expect.stringContaining("requests.memory 'lots' is not a Kubernetes quantity"),
      expect.stringContaining('template.spec.volumes[0].name is missing'),
      expect.stringContaining('template.spec.volumes[0].nme is not a field')
    ])
  })

  it('follows YAML merge keys as Helm does, instead of taking << for a field', () => {
    const text = `defaults: &restricted\n  runAsNonRoot: true\n${good.replace(
      '          runAsUser: 1000\n',
      '          <<: *restricted\n          runAsUser: 1000\n'
    )}`
    expect(findings(text)).toEqual([expect.objectContaining({ status: 'pass' })])
  })

  it('fails when there is no pod spec at all', () => {
    expect(findings('runnerScaleSetName: x\n')).toEqual([
      {
        status: 'fail',
        reason:
          'values.yaml:1: template is missing or not a mapping, so there is no pod spec to check',
        fix: 'add template.spec with a container named runner (the chart requires it)'
      }
    ])
  })

  it('validates plain data too: unknown fields inside an unknown field are not repeated', () => {
    expect(
      validatePodSpec({ containers: [{ name: 'r', securityContex: { runAsUsr: 1 } }] })
    ).toEqual([
      expect.objectContaining({ path: ['containers', 0, 'securityContex'], kind: 'unknown-field' })
    ])
    expect(validatePodSpec({ containers: [{ name: 'r', image: 'x' }] })).toEqual([])
  })
})
