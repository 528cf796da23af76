import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { bundlerHostKey, rubygemsEcosystem } from '../../../src/mirrors/ecosystems/rubygems.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { RU: 'u', RP: 'pw' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig('mirrors: { rubygems: https://nexus.corp.example/gems }\n')

describe('rubygems', () => {
  it.each([
    ['job', job, '/home/runner/.gemrc'],
    ['image', image, '/etc/gemrc']
  ])('%s mode: gemrc sources and the Bundler mirror', (_mode, target, path) => {
    const plan = rubygemsEcosystem.plan(config, target)!
    expect(plan.files.map((file) => file.path)).toEqual([path])
    expect(plan.env).toEqual([['BUNDLE_MIRROR__RUBYGEMS__ORG', 'https://nexus.corp.example/gems/']])
  })

  it('merges into a gemrc, keeping other keys and comments', () => {
    const file = rubygemsEcosystem.plan(config, job)!.files[0]!
    const once = file.render(
      '---\n# mine\ngem: --no-document\n:sources:\n- https://rubygems.org/\n'
    )
    expect(parse(once)).toEqual({
      gem: '--no-document',
      ':sources': ['https://nexus.corp.example/gems/']
    })
    expect(once).toContain('# mine')
    expect(file.render(once)).toBe(once)
    expect(parse(file.render(undefined))).toEqual({
      ':sources': ['https://nexus.corp.example/gems/']
    })
  })

  it('never writes credentials, only names them', () => {
    const plan = rubygemsEcosystem.plan(
      parseMirrorConfig(
        'mirrors: { rubygems: https://nexus.corp.example/gems/ }\ncredentials: { rubygems: { username: RU, password: RP } }\n'
      ),
      job
    )!
    expect(plan.files[0]!.render(undefined)).not.toContain('pw')
    expect(plan.secrets).toEqual(['pw'])
    expect(plan.notes.join('\n')).toContain('BUNDLE_NEXUS__CORP__EXAMPLE="$RU:$RP"')
    expect(bundlerHostKey('my-host.example')).toBe('MY___HOST__EXAMPLE')
  })
})
