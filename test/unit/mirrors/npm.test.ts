import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { CredentialMissingError } from '../../../src/mirrors/ecosystem.js'
import { nerfDart, npmEcosystem } from '../../../src/mirrors/ecosystems/npm.js'
import { mergeRc } from '../../../src/mirrors/formats/npmrc.js'

const registry = 'https://nexus.corp.example/repository/npm-all/'
const globalrc = '/home/runner/.config/runnerkit/npm/npmrc'

function config(extra: Partial<MirrorConfig> = {}, npm = registry): MirrorConfig {
  return { mirrors: { npm }, credentials: {}, ...extra }
}

function target(mode: 'job' | 'image', env: NodeJS.ProcessEnv = {}): Target {
  return { mode, home: '/home/runner', env, caBundle: '/bundle.pem', caFile: '/ca.pem' }
}

function plan(c: MirrorConfig, t: Target): Plan {
  const result = npmEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

const token = { credentials: { npm: { token: 'NPM_TOKEN' } } }

describe('npmEcosystem', () => {
  it('plans nothing without mirrors.npm', () => {
    expect(npmEcosystem.plan({ mirrors: {}, credentials: {} }, target('job'))).toBeUndefined()
  })

  it.each([
    ['job', {}, [globalrc], `registry=${registry}\n`, [], []],
    [
      'job',
      token,
      [globalrc],
      `registry=${registry}\n//nexus.corp.example/repository/npm-all/:_authToken=\${NPM_TOKEN}\n`,
      [['NPM_TOKEN', 'tok-123']],
      ['tok-123']
    ],
    ['image', {}, ['/usr/local/etc/npmrc', '/usr/etc/npmrc'], `registry=${registry}\n`, [], []],
    [
      'image',
      token,
      ['/usr/local/etc/npmrc', '/usr/etc/npmrc'],
      `registry=${registry}\n//nexus.corp.example/repository/npm-all/:_authToken=\${NPM_TOKEN}\n`,
      [],
      []
    ]
  ] as const)('%s mode %j', (mode, extra, paths, content, exported, secrets) => {
    const p = plan(config(extra), target(mode, mode === 'job' ? { NPM_TOKEN: 'tok-123' } : {}))
    expect(p.files.map((file) => file.path)).toEqual(paths)
    for (const edit of p.files) {
      expect(edit.secret).toBeUndefined()
      const once = edit.render(undefined)
      expect(once).toBe(content)
      expect(edit.render(once)).toBe(once)
      expect(once).not.toContain('tok-123')
      expect(once).not.toMatch(/cafile/)
    }
    expect(p.env).toEqual([
      ...exported,
      ['NPM_CONFIG_GLOBALCONFIG', mode === 'job' ? globalrc : '/usr/local/etc/npmrc']
    ])
    expect(p.env.map(([name]) => name)).not.toContain('NPM_CONFIG_REGISTRY')
    expect(p.secrets).toEqual(secrets)
  })

  it('adds the trailing slash npm keys registries by', () => {
    const p = plan(config(token, 'http://127.0.0.1:4873/npm'), target('job', { NPM_TOKEN: 't' }))
    expect(p.files[0]!.render(undefined)).toBe(
      'registry=http://127.0.0.1:4873/npm/\n//127.0.0.1:4873/npm/:_authToken=${NPM_TOKEN}\n'
    )
  })

  it('username and password: a derived base64 variable, never the values in the file', () => {
    const p = plan(
      config({ credentials: { npm: { username: 'NPM_USER', password: 'NPM_PASS' } } }),
      target('job', { NPM_USER: 'bot', NPM_PASS: 'pw' })
    )
    const auth = Buffer.from('bot:pw').toString('base64')
    expect(p.files[0]!.render(undefined)).toBe(
      `registry=${registry}\n//nexus.corp.example/repository/npm-all/:_auth=\${RUNNERKIT_NPM_AUTH}\n`
    )
    expect(p.env).toContainEqual(['RUNNERKIT_NPM_AUTH', auth])
    expect(p.secrets).toEqual([auth, 'pw'])
  })

  it('job mode: a missing token variable is an error', () => {
    expect(() => plan(config(token), target('job'))).toThrow(CredentialMissingError)
  })

  it('merges into an existing npmrc: keeps the user settings, replaces registry, drops duplicates', () => {
    const edit = plan(config(token), target('job', { NPM_TOKEN: 't' })).files[0]!
    const existing = [
      '; my settings',
      'save-exact=true',
      'registry = https://old.example/',
      '@corp:registry=https://corp.example/npm/',
      'registry=https://older.example/',
      '# end',
      ''
    ].join('\n')
    const once = edit.render(existing)
    expect(once).toBe(
      [
        '; my settings',
        'save-exact=true',
        `registry=${registry}`,
        '@corp:registry=https://corp.example/npm/',
        '//nexus.corp.example/repository/npm-all/:_authToken=${NPM_TOKEN}',
        '# end',
        ''
      ].join('\n')
    )
    expect(edit.render(once)).toBe(once)
  })
})

describe('mergeRc', () => {
  it.each([
    [undefined, 'registry=x\n'],
    ['registry=x\n', 'registry=x\n'],
    ['registry="x"\n', 'registry="x"\n'],
    ['a=1\r\nregistry=y\r\n', 'a=1\r\nregistry=x\r\n'],
    ['a=1\n[section]\nregistry=y\n', 'a=1\nregistry=x\n[section]\nregistry=y\n']
  ])('npmrc %j → %j, idempotent', (existing, expected) => {
    const once = mergeRc(existing, { registry: 'x' })
    expect(once).toBe(expected)
    expect(mergeRc(once, { registry: 'x' })).toBe(once)
  })

  it.each([
    [undefined, 'registry "x"\n"//h/:_authToken" "${T}"\n'],
    [
      '# mine\nregistry old\n"--install.frozen-lockfile" true\n',
      '# mine\nregistry "x"\n"--install.frozen-lockfile" true\n"//h/:_authToken" "${T}"\n'
    ]
  ])('yarnrc %j → %j, idempotent', (existing, expected) => {
    const values = { registry: 'x', '//h/:_authToken': '${T}' }
    const once = mergeRc(existing, values, { style: 'yarnrc' })
    expect(once).toBe(expected)
    expect(mergeRc(once, values, { style: 'yarnrc' })).toBe(once)
  })

  it('nerfDart keeps host, port and path', () => {
    expect(nerfDart('https://h.example:8443/a/b')).toBe('//h.example:8443/a/b/')
  })
})
