import { describe, expect, it } from '@jest/globals'
import { parse } from 'smol-toml'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { containersEcosystem, mergeAuthJson } from '../../../src/mirrors/ecosystems/containers.js'
import { isLoopbackHost } from '../../../src/util/loopback.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return {
    mirrors: {
      containers: {
        'docker.io': ['registry-cache.corp.example', '127.0.0.1:5000'],
        'ghcr.io': ['nexus.corp.example:8443/ghcr']
      }
    },
    credentials: {},
    ...extra
  }
}

describe('containersEcosystem', () => {
  it('plans nothing without mirrors.containers', () => {
    expect(containersEcosystem.plan({ mirrors: {}, credentials: {} }, job)).toBeUndefined()
  })

  it.each([
    ['job', job, '/home/runner/.config/containers'],
    ['image', image, '/etc/containers']
  ])(
    '%s mode: a drop-in (never registries.conf) and certs.d per mirror host',
    (_m, target, base) => {
      const plan = containersEcosystem.plan(config({ ca: { pem, source: 'inline' } }), target)!
      expect(plan.files.map((file) => file.path)).toEqual([
        `${base}/registries.conf.d/50-runnerkit-mirrors.conf`,
        `${base}/certs.d/registry-cache.corp.example/ca.crt`,
        `${base}/certs.d/127.0.0.1:5000/ca.crt`,
        `${base}/certs.d/nexus.corp.example:8443/ca.crt`
      ])
      expect(plan.files.some((file) => file.path.endsWith('/registries.conf'))).toBe(false)
      expect(plan.files[1]!.render(undefined)).toBe(pem)
    }
  )

  it('renders [[registry]] with mirrors in order, insecure only for loopback', () => {
    const text = containersEcosystem.plan(config(), job)!.files[0]!.render('# old\n')
    expect(parse(text)).toEqual({
      registry: [
        {
          prefix: 'docker.io',
          location: 'docker.io',
          mirror: [
            { location: 'registry-cache.corp.example' },
            { location: '127.0.0.1:5000', insecure: true }
          ]
        },
        {
          prefix: 'ghcr.io',
          location: 'ghcr.io',
          mirror: [{ location: 'nexus.corp.example:8443/ghcr' }]
        }
      ]
    })
    const file = containersEcosystem.plan(config(), job)!.files[0]!
    const render = (text: string | undefined) => file.render(text)
    expect(render(render(undefined))).toBe(render(undefined))
  })

  it('job mode warns against a user registries.conf', () => {
    expect(containersEcosystem.plan(config(), job)!.notes.join('\n')).toMatch(
      /never create ~\/\.config\/containers\/registries\.conf/
    )
  })

  it('merges mirror credentials into auth.json as a secret, keeping other entries', () => {
    const cfg = config({ credentials: { containers: { username: 'U', password: 'P' } } })
    const plan = containersEcosystem.plan(cfg, { ...job, env: { U: 'ci', P: 'pw' } })!
    const auth = plan.files.find((file) => file.path.endsWith('auth.json'))!
    expect(auth.path).toBe('/home/runner/.config/containers/auth.json')
    expect(auth.secret).toBe(true)
    const existing = JSON.stringify({ auths: { 'quay.io': { auth: 'eA==' } }, credHelpers: {} })
    const merged = JSON.parse(auth.render(existing)) as { auths: Record<string, { auth: string }> }
    expect(Object.keys(merged.auths)).toEqual([
      'quay.io',
      'registry-cache.corp.example',
      '127.0.0.1:5000',
      'nexus.corp.example:8443'
    ])
    expect(Buffer.from(merged.auths['127.0.0.1:5000']!.auth, 'base64').toString()).toBe('ci:pw')
    expect(auth.render(auth.render(existing))).toBe(auth.render(existing))
    expect(plan.secrets).toEqual(['pw'])
  })

  it('refuses a broken auth.json', () => {
    expect(() => mergeAuthJson('{', ['h'], 'u', 'p')).toThrow(/not valid JSON/)
  })
})

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1:5000', true],
    ['127.1.2.3', true],
    ['localhost:5000/path', true],
    ['[::1]:5000', true],
    ['registry.corp.example', false],
    ['10.0.0.1:5000', false]
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
