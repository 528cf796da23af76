import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { condaEcosystem } from '../../../src/mirrors/ecosystems/conda.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {}, caBundle: '/home/runner/b.pem' }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(`
mirrors: { conda: https://nexus.corp.example/conda/ }
proxy: { http: http://squid.example:3128, https: http://squid.example:3128 }
`)

describe('conda', () => {
  it.each([
    ['job', job, '/home/runner/.condarc'],
    ['image', image, '/etc/conda/condarc.d/runnerkit.yml']
  ])('%s mode: channel alias, defaults, conda-forge, proxy', (_mode, target, path) => {
    const file = condaEcosystem.plan(config, target)!.files[0]!
    expect(file.path).toBe(path)
    expect(parse(file.render(undefined))).toEqual({
      channel_alias: 'https://nexus.corp.example/conda',
      default_channels: [
        'https://nexus.corp.example/conda/main',
        'https://nexus.corp.example/conda/r'
      ],
      custom_channels: { 'conda-forge': 'https://nexus.corp.example/conda' },
      ...(target.caBundle !== undefined && { ssl_verify: target.caBundle }),
      proxy_servers: { http: 'http://squid.example:3128', https: 'http://squid.example:3128' }
    })
  })

  it('merges into ~/.condarc keeping channels and comments', () => {
    const file = condaEcosystem.plan(config, job)!.files[0]!
    const once = file.render(
      '# team\nchannels:\n  - conda-forge\nauto_activate_base: false\nssl_verify: true\n'
    )
    const parsed = parse(once) as Record<string, unknown>
    expect(parsed.channels).toEqual(['conda-forge'])
    expect(parsed.auto_activate_base).toBe(false)
    expect(parsed.ssl_verify).toBe('/home/runner/b.pem')
    expect(once).toContain('# team')
    expect(file.render(once)).toBe(once)
  })
})
