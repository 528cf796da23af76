import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import {
  dockerDaemonEcosystem,
  mergeDaemonJson
} from '../../../src/mirrors/ecosystems/docker-daemon.js'
import { renderDaemonJson } from '../../../src/runner/mtu/config.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }

const proxy = {
  http: 'http://squid.corp.example:3128',
  https: 'http://squid.corp.example:3128',
  noProxy: ['localhost', '.corp.example']
}

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return {
    mirrors: {
      containers: { 'docker.io': ['dockerhub-cache.corp.example', '127.0.0.1:5000'] }
    },
    credentials: {},
    ...extra
  }
}

const existingDaemonJson = `{
  "storage-driver": "overlay2",
  "log-opts": { "max-size": "10m" },
  "registry-mirrors": ["https://old.example"],
  "proxies": { "no-proxy": "old", "extra": "kept" }
}`

describe('dockerDaemonEcosystem', () => {
  it('plans nothing without containers mirrors or a proxy', () => {
    expect(dockerDaemonEcosystem.plan({ mirrors: {}, credentials: {} }, image)).toBeUndefined()
  })

  it.each([
    ['image', image, '/etc/docker/daemon.json'],
    ['job', job, '/home/runner/.config/docker/daemon.json'],
    [
      'job with XDG_CONFIG_HOME',
      { ...job, env: { XDG_CONFIG_HOME: '/x' } },
      '/x/docker/daemon.json'
    ]
  ])('%s mode writes %s', (_name, target, path) => {
    expect(dockerDaemonEcosystem.plan(config(), target)!.files.map((file) => file.path)).toEqual([
      path
    ])
  })

  it('merges registry-mirrors (Docker Hub only) and proxies into an existing daemon.json', () => {
    const plan = dockerDaemonEcosystem.plan(config({ proxy }), image)!
    const file = plan.files[0]!
    const render = (text: string | undefined) => file.render(text)
    const once = render(existingDaemonJson)
    expect(JSON.parse(once)).toEqual({
      'storage-driver': 'overlay2',
      'log-opts': { 'max-size': '10m' },
      'registry-mirrors': ['https://dockerhub-cache.corp.example', 'http://127.0.0.1:5000'],
      proxies: {
        'no-proxy': 'localhost,.corp.example',
        extra: 'kept',
        'http-proxy': 'http://squid.corp.example:3128',
        'https-proxy': 'http://squid.corp.example:3128'
      }
    })
    expect(render(once)).toBe(once)
    expect(plan.notes.join('\n')).toMatch(/anonymously/)
  })

  it('keeps the MTU settings renderDaemonJson wrote, and the other way round', () => {
    const mtu = renderDaemonJson(1400)
    const file = dockerDaemonEcosystem.plan(config(), image)!.files[0]!
    const render = (text: string | undefined) => file.render(text)
    const both = render(mtu)
    expect(JSON.parse(both)).toMatchObject(JSON.parse(mtu) as object)
    expect(JSON.parse(renderDaemonJson(1400, both))).toMatchObject(JSON.parse(both) as object)
  })

  it('names the registries dockerd cannot mirror', () => {
    const cfg = config({
      mirrors: { containers: { 'ghcr.io': ['nexus.corp.example/ghcr'] } }
    })
    const plan = dockerDaemonEcosystem.plan(cfg, image)!
    expect(plan.files).toEqual([])
    expect(plan.notes.join('\n')).toMatch(/Docker Hub only: ghcr\.io/)
  })

  it('sets only proxies when there is no Docker Hub mirror', () => {
    const text = dockerDaemonEcosystem
      .plan({ mirrors: {}, proxy, credentials: {} }, image)!
      .files[0]!.render(undefined)
    expect(JSON.parse(text)).toEqual({
      proxies: {
        'http-proxy': proxy.http,
        'https-proxy': proxy.https,
        'no-proxy': 'localhost,.corp.example'
      }
    })
  })

  it.each([
    ['not JSON', '{', /not valid JSON/],
    ['an array', '[]', /expected a JSON object/],
    ['proxies not an object', '{"proxies": 1}', /"proxies" must be an object/]
  ])('refuses %s', (_name, text, message) => {
    expect(() => mergeDaemonJson(text, { proxy })).toThrow(message)
  })
})
