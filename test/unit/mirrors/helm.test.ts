import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { helmEcosystem } from '../../../src/mirrors/ecosystems/helm.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(
  'mirrors: { helm: { bitnami: https://nexus.corp.example/helm-bitnami/, corp: https://nexus.corp.example/helm/ } }\n'
)

describe('helm', () => {
  it.each([
    ['default', {}, '/home/runner/.config/helm/repositories.yaml'],
    ['XDG_CONFIG_HOME', { XDG_CONFIG_HOME: '/x' }, '/x/helm/repositories.yaml'],
    ['HELM_REPOSITORY_CONFIG', { HELM_REPOSITORY_CONFIG: '/r.yaml' }, '/r.yaml']
  ])('job mode, %s: repositories.yaml at %s', (_name, env, path) => {
    expect(helmEcosystem.plan(config, { ...job, env })!.files[0]!.path).toBe(path)
  })

  it('image mode writes nothing and says why', () => {
    const plan = helmEcosystem.plan(config, image)!
    expect(plan.files).toEqual([])
    expect(plan.notes[0]).toMatch(/no system-wide configuration/)
  })

  it('upserts by name, keeping other repositories', () => {
    const file = helmEcosystem.plan(config, job)!.files[0]!
    const existing =
      'apiVersion: ""\ngenerated: "2024-01-01T00:00:00Z"\nrepositories:\n- name: bitnami\n  url: https://charts.bitnami.com/bitnami\n  username: ""\n- name: mine\n  url: https://charts.example/\n'
    const once = file.render(existing)
    const parsed = parse(once) as { repositories: Array<{ name: string; url: string }> }
    expect(parsed.repositories.map((r) => [r.name, r.url])).toEqual([
      ['bitnami', 'https://nexus.corp.example/helm-bitnami/'],
      ['mine', 'https://charts.example/'],
      ['corp', 'https://nexus.corp.example/helm/']
    ])
    expect(file.render(once)).toBe(once)
    const fresh = file.render(undefined)
    expect(file.render(fresh)).toBe(fresh)
  })
})
