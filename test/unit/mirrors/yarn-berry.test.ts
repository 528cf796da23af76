import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { yarnBerryEcosystem } from '../../../src/mirrors/ecosystems/yarn-berry.js'
import { mergeYaml } from '../../../src/mirrors/formats/yaml-merge.js'

const npm = 'https://nexus.corp.example/repository/npm-all/'
const proxy = {
  http: 'http://squid.corp.example:3128',
  https: 'http://squid.corp.example:3128',
  noProxy: ['.corp.example']
}

function plan(c: MirrorConfig, t: Target): Plan {
  const result = yarnBerryEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

function target(mode: 'job' | 'image', extra: Partial<Target> = {}): Target {
  return { mode, home: '/home/runner', env: { NPM_TOKEN: 'tok-1' }, ...extra }
}

describe('yarnBerryEcosystem', () => {
  it('plans nothing without a registry mirror or a proxy', () => {
    expect(
      yarnBerryEcosystem.plan({ mirrors: { pypi: 'https://p/' }, credentials: {} }, target('job'))
    ).toBeUndefined()
  })

  it.each(['job', 'image'] as const)('%s mode: the whole ~/.yarnrc.yml', (mode) => {
    const c: MirrorConfig = {
      mirrors: { npm },
      proxy,
      credentials: { npm: { token: 'NPM_TOKEN' } }
    }
    const p = plan(c, target(mode, { caBundle: '/b/bundle.pem' }))
    expect(p.files.map((file) => file.path)).toEqual(['/home/runner/.yarnrc.yml'])
    const once = p.files[0]!.render(undefined)
    expect(once).toBe(
      [
        'npmRegistryServer: "https://nexus.corp.example/repository/npm-all"',
        'npmAuthToken: "${NPM_TOKEN}"',
        'httpProxy: "http://squid.corp.example:3128"',
        'httpsProxy: "http://squid.corp.example:3128"',
        'httpsCaFilePath: "/b/bundle.pem"',
        ''
      ].join('\n')
    )
    expect(p.files[0]!.render(once)).toBe(once)
    expect(once).not.toContain('tok-1')
    expect(p.env).toEqual([
      ['YARN_NPM_REGISTRY_SERVER', 'https://nexus.corp.example/repository/npm-all'],
      ...(mode === 'job' ? [['NPM_TOKEN', 'tok-1']] : []),
      ['YARN_HTTP_PROXY', proxy.http],
      ['YARN_HTTPS_PROXY', proxy.https]
    ])
    expect(p.secrets).toEqual(mode === 'job' ? ['tok-1'] : [])
  })

  it('proxy only: the proxy settings, no registry', () => {
    const p = plan({ mirrors: {}, proxy, credentials: {} }, target('job'))
    expect(p.files[0]!.render(undefined)).toBe(
      'httpProxy: "http://squid.corp.example:3128"\nhttpsProxy: "http://squid.corp.example:3128"\n'
    )
  })

  it('http mirror: its host joins the user unsafeHttpWhitelist; user settings and comments stay', () => {
    const c: MirrorConfig = {
      mirrors: { yarn: 'http://verdaccio.corp.example:4873/' },
      credentials: {}
    }
    const edit = plan(c, target('job')).files[0]!
    const existing = [
      '# my yarn settings',
      'enableTelemetry: false # no thanks',
      'npmRegistryServer: https://old.example',
      'unsafeHttpWhitelist:',
      '  - localhost',
      ''
    ].join('\n')
    const once = edit.render(existing)
    expect(once).toBe(
      [
        '# my yarn settings',
        'enableTelemetry: false # no thanks',
        'npmRegistryServer: "http://verdaccio.corp.example:4873"',
        'unsafeHttpWhitelist:',
        '  - localhost',
        '  - "verdaccio.corp.example"',
        ''
      ].join('\n')
    )
    expect(edit.render(once)).toBe(once)
  })
})

describe('mergeYaml', () => {
  it('leaves a key that already holds the value as written', () => {
    const text = "registry: 'https://x/' # mine\n"
    expect(mergeYaml(text, { registry: 'https://x/' })).toBe(text)
  })

  it('refuses YAML it cannot parse and a top level that is not a mapping', () => {
    expect(() => mergeYaml('a: [\n', { b: 'c' }, { file: '/f.yml' })).toThrow(
      /\/f.yml: not valid YAML/
    )
    expect(() => mergeYaml('- a\n', { b: 'c' })).toThrow(/mapping/)
  })
})
