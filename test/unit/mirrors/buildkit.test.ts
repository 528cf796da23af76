import { describe, expect, it } from '@jest/globals'
import { parse } from 'smol-toml'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import {
  buildkitEcosystem,
  buildxDefaultConfigPath,
  mergeBuildkitdToml
} from '../../../src/mirrors/ecosystems/buildkit.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return {
    mirrors: {
      containers: {
        'docker.io': ['dockerhub-cache.corp.example', '127.0.0.1:5000'],
        'ghcr.io': ['nexus.corp.example/ghcr']
      }
    },
    credentials: {},
    ...extra
  }
}

const existing = `debug = true

[worker.oci]
  max-parallelism = 4

[registry."docker.io"]
  mirrors = ["old.example"]

[registry."quay.io"]
  http = false
`

describe('buildkitEcosystem', () => {
  it('plans nothing without mirrors.containers', () => {
    expect(buildkitEcosystem.plan({ mirrors: {}, credentials: {} }, job)).toBeUndefined()
  })

  it.each([
    ['image', image, '/etc/buildkit/buildkitd.toml'],
    ['job', job, '/home/runner/.docker/buildx/buildkitd.default.toml'],
    [
      'job, DOCKER_CONFIG',
      { ...job, env: { DOCKER_CONFIG: '/d' } },
      '/d/buildx/buildkitd.default.toml'
    ],
    [
      'job, BUILDX_CONFIG',
      { ...job, env: { DOCKER_CONFIG: '/d', BUILDX_CONFIG: '/b' } },
      '/b/buildkitd.default.toml'
    ]
  ])('%s mode writes %s', (_name, target, path) => {
    expect(buildkitEcosystem.plan(config(), target)!.files.map((file) => file.path)).toEqual([path])
    expect(buildxDefaultConfigPath(target)).toBe(
      target.mode === 'job' ? path : '/home/runner/.docker/buildx/buildkitd.default.toml'
    )
  })

  it('merges mirrors, http for loopback and the CA into an existing buildkitd.toml', () => {
    const plan = buildkitEcosystem.plan(config({ ca: { pem, source: 'inline' } }), job)!
    const file = plan.files[0]!
    const render = (text: string | undefined) => file.render(text)
    const once = render(existing)
    const ca = '/home/runner/.config/runnerkit/ca/company-ca.pem'
    expect(parse(once)).toEqual({
      debug: true,
      worker: { oci: { 'max-parallelism': 4 } },
      registry: {
        'docker.io': { mirrors: ['dockerhub-cache.corp.example', '127.0.0.1:5000'] },
        'quay.io': { http: false },
        'dockerhub-cache.corp.example': { ca: [ca] },
        '127.0.0.1:5000': { http: true },
        'ghcr.io': { mirrors: ['nexus.corp.example/ghcr'] },
        'nexus.corp.example': { ca: [ca] }
      }
    })
    expect(render(once)).toBe(once)
  })

  it('image mode points ca at the installed company CA', () => {
    const plan = buildkitEcosystem.plan(config({ ca: { pem, source: 'inline' } }), image)!
    expect(plan.files[0]!.render(undefined)).toContain(
      'ca = [ "/usr/local/share/ca-certificates/runnerkit-company-ca.crt" ]'
    )
  })

  it.each([
    ['not TOML', 'registry = [', /not valid TOML/],
    ['registry not a table', 'registry = 1', /"registry" must be a table/]
  ])('refuses %s', (_name, text, message) => {
    expect(() => mergeBuildkitdToml(text, { registries: { 'docker.io': ['m'] } })).toThrow(message)
  })
})
