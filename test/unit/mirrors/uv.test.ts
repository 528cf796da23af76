import { describe, expect, it } from '@jest/globals'
import { parse } from 'smol-toml'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { mergeUvToml, uvEcosystem } from '../../../src/mirrors/ecosystems/uv.js'

const index = 'https://nexus.corp.example/repository/pypi/simple'
const block = [
  '# BEGIN runnerkit mirror-config: the mirror is the default index',
  '[[index]]',
  'name = "runnerkit-mirror"',
  `url = "${index}"`,
  'default = true',
  '# END runnerkit mirror-config'
].join('\n')

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return { mirrors: { pypi: index }, credentials: {}, ...extra }
}

function plan(c: MirrorConfig, t: Target): Plan {
  const result = uvEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

const ca = { pem: '-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n', source: 'inline' }

describe('uvEcosystem', () => {
  it('plans nothing without mirrors.pypi', () => {
    expect(
      uvEcosystem.plan({ mirrors: {}, credentials: {} }, { mode: 'job', home: '/h', env: {} })
    ).toBeUndefined()
  })

  it.each([
    ['job', false, '/home/runner/.config/uv/uv.toml', [['UV_DEFAULT_INDEX', index]]],
    ['job', true, '/home/runner/.config/uv/uv.toml', [['UV_DEFAULT_INDEX', index]]],
    ['image', false, '/etc/uv/uv.toml', [['UV_DEFAULT_INDEX', index]]],
    [
      'image',
      true,
      '/etc/uv/uv.toml',
      [
        ['UV_DEFAULT_INDEX', index],
        ['UV_SYSTEM_CERTS', 'true'],
        ['UV_NATIVE_TLS', 'true']
      ]
    ]
  ] as const)('%s mode, CA %s: %s and env', (mode, withCa, path, env) => {
    const p = plan(config(withCa ? { ca } : {}), { mode, home: '/home/runner', env: {} })
    expect(p.files.map((file) => file.path)).toEqual([path])
    const once = p.files[0]!.render(undefined)
    expect(once).toBe(`${block}\n`)
    expect(p.files[0]!.render(once)).toBe(once)
    expect(parse(once)).toEqual({
      index: [{ name: 'runnerkit-mirror', url: index, default: true }]
    })
    expect(p.env).toEqual(env)
    expect(p.secrets).toEqual([])
  })

  it('puts the block before the first table, keeping top-level keys, tables and comments', () => {
    const existing = [
      '# mine',
      'native-tls = true',
      '',
      '[[index]]',
      'name = "internal"',
      'url = "https://internal.example/simple"',
      '',
      '[pip]',
      'compile-bytecode = true',
      ''
    ].join('\n')
    const once = mergeUvToml(existing, index)
    expect(once).toBe(
      ['# mine', 'native-tls = true', '', block, '', ...existing.split('\n').slice(3)].join('\n')
    )
    expect(mergeUvToml(once, index)).toBe(once)
    const parsed = parse(once) as { index: Array<{ name: string }> }
    expect(parsed.index.map((entry) => entry.name)).toEqual(['runnerkit-mirror', 'internal'])
    // A new URL replaces the block in place.
    const moved = mergeUvToml(once, 'https://other.example/simple')
    expect(moved).toBe(once.replace(index, 'https://other.example/simple'))
  })

  it('appends to a file of top-level keys only', () => {
    const once = mergeUvToml('native-tls = true\n\n', index)
    expect(once).toBe(`native-tls = true\n\n${block}\n`)
    expect(mergeUvToml(once, index)).toBe(once)
  })

  it('reports a file that is not TOML instead of breaking it further', () => {
    expect(() => mergeUvToml('this is = = not toml\n', index, '/h/uv.toml')).toThrow(
      /\/h\/uv.toml: .*not valid TOML/
    )
  })

  it('names netrc for credentials and never writes them', () => {
    const p = plan(config({ credentials: { pypi: { username: 'U', password: 'P' } } }), {
      mode: 'job',
      home: '/h',
      env: {}
    })
    expect(p.notes.join('\n')).toMatch(/netrc/)
    expect(p.files[0]!.render(undefined)).not.toMatch(/\bU\b|\bP\b/)
  })
})
