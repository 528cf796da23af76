import { describe, expect, it } from '@jest/globals'
import { parse } from 'smol-toml'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { containerdEcosystem } from '../../../src/mirrors/ecosystems/containerd.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'

const config: MirrorConfig = {
  mirrors: {
    containers: {
      'docker.io': ['dockerhub-cache.corp.example', '127.0.0.1:5000'],
      'ghcr.io': ['nexus.corp.example/ghcr']
    }
  },
  ca: { pem, source: 'inline' },
  credentials: {}
}

describe('containerdEcosystem', () => {
  it('plans nothing without mirrors.containers, or in job mode (node-level)', () => {
    expect(containerdEcosystem.plan({ mirrors: {}, credentials: {} }, image)).toBeUndefined()
    expect(containerdEcosystem.plan(config, job)).toBeUndefined()
  })

  it('writes one hosts.toml per registry and names the config_path requirement', () => {
    const plan = containerdEcosystem.plan(config, image)!
    expect(plan.files.map((file) => file.path)).toEqual([
      '/etc/containerd/certs.d/docker.io/hosts.toml',
      '/etc/containerd/certs.d/ghcr.io/hosts.toml'
    ])
    expect(plan.notes.join('\n')).toMatch(/config_path = "\/etc\/containerd\/certs\.d"/)
    const hub = plan.files[0]!.render('server = "https://old"\n')
    expect(hub)
      .toBe(`# runnerkit mirror-config: mirrors for docker.io, tried in order, then the server.
server = "https://registry-1.docker.io"

[host."https://dockerhub-cache.corp.example"]
  capabilities = ["pull", "resolve"]
  ca = "/usr/local/share/ca-certificates/runnerkit-company-ca.crt"

[host."http://127.0.0.1:5000"]
  capabilities = ["pull", "resolve"]
`)
    expect(parse(plan.files[1]!.render(undefined))).toEqual({
      server: 'https://ghcr.io',
      host: {
        'https://nexus.corp.example/ghcr': {
          capabilities: ['pull', 'resolve'],
          ca: '/usr/local/share/ca-certificates/runnerkit-company-ca.crt'
        }
      }
    })
    for (const file of plan.files)
      expect(file.render(file.render(undefined))).toBe(file.render(undefined))
  })
})
