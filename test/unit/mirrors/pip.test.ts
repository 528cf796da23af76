import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { CredentialMissingError } from '../../../src/mirrors/ecosystem.js'
import { pipEcosystem } from '../../../src/mirrors/ecosystems/pip.js'
import { mergeNetrc } from '../../../src/mirrors/formats/netrc.js'
import { mergeIniSection, pipKey } from '../../../src/mirrors/formats/ini.js'

const index = 'https://nexus.corp.example/repository/pypi/simple/'
const bundle = '/home/runner/.config/runnerkit/ca/bundle.pem'

function config(extra: Partial<MirrorConfig> = {}, pypi = index): MirrorConfig {
  return { mirrors: { pypi }, credentials: {}, ...extra }
}

function target(mode: 'job' | 'image', extra: Partial<Target> = {}): Target {
  return { mode, home: '/home/runner', env: {}, ...extra }
}

function plan(c: MirrorConfig, t: Target): Plan {
  const result = pipEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

function fileOf(p: Plan, path: string) {
  const edit = p.files.find((file) => file.path === path)
  if (edit === undefined) throw new Error(`no edit for ${path}`)
  return edit
}

describe('pipEcosystem', () => {
  it('plans nothing without mirrors.pypi', () => {
    expect(
      pipEcosystem.plan({ mirrors: { npm: 'https://x.example/' }, credentials: {} }, target('job'))
    ).toBeUndefined()
  })

  it.each([
    ['job', undefined, '/home/runner/.config/pip/pip.conf', `[global]\nindex-url = ${index}\n`],
    [
      'job',
      bundle,
      '/home/runner/.config/pip/pip.conf',
      `[global]\nindex-url = ${index}\ncert = ${bundle}\n`
    ],
    ['image', undefined, '/etc/pip.conf', `[global]\nindex-url = ${index}\n`],
    [
      'image',
      '/etc/ssl/certs/ca-certificates.crt',
      '/etc/pip.conf',
      `[global]\nindex-url = ${index}\ncert = /etc/ssl/certs/ca-certificates.crt\n`
    ]
  ] as const)('%s mode, CA bundle %s: writes %s', (mode, caBundle, path, content) => {
    const p = plan(config(), target(mode, caBundle !== undefined ? { caBundle } : {}))
    expect(p.files.map((file) => file.path)).toEqual([path])
    const edit = fileOf(p, path)
    expect(edit.secret).toBeUndefined()
    expect(edit.render(undefined)).toBe(content)
    expect(edit.render(edit.render(undefined))).toBe(content)
    expect(p.env).toEqual([])
    expect(p.secrets).toEqual([])
  })

  it('follows XDG_CONFIG_HOME in job mode', () => {
    const p = plan(config(), target('job', { env: { XDG_CONFIG_HOME: '/home/runner/xdg' } }))
    expect(p.files[0]!.path).toBe('/home/runner/xdg/pip/pip.conf')
  })

  it('merges into the user file: other sections, keys and comments stay, its index-url is replaced', () => {
    const existing = [
      '# my pip settings',
      '[global]',
      'timeout = 60',
      'Index_URL = https://pypi.org/simple',
      '    https://second.example/simple',
      'index-url = https://duplicate.example/simple',
      '; a comment in the section',
      '',
      '[install]',
      'no-compile = yes',
      ''
    ].join('\n')
    const edit = plan(config(), target('job', { caBundle: bundle })).files[0]!
    const once = edit.render(existing)
    expect(once).toBe(
      [
        '# my pip settings',
        '[global]',
        'timeout = 60',
        `Index_URL = ${index}`,
        `cert = ${bundle}`,
        '; a comment in the section',
        '',
        '[install]',
        'no-compile = yes',
        ''
      ].join('\n')
    )
    expect(edit.render(once)).toBe(once)
  })

  it('adds a [global] section after the others when the file has none', () => {
    const edit = plan(config(), target('image')).files[0]!
    const once = edit.render('[install]\nuser = no\n\n\n')
    expect(once).toBe(`[install]\nuser = no\n\n[global]\nindex-url = ${index}\n`)
    expect(edit.render(once)).toBe(once)
  })

  it('trusts a plain-http mirror host (adding to the user list), but not loopback', () => {
    const http = 'http://pypi-cache.corp.example:8080/simple/'
    const p = plan(config({}, http), target('job'))
    const once = p.files[0]!.render('[global]\ntrusted-host = own.example\n')
    expect(once).toBe(
      `[global]\ntrusted-host = own.example pypi-cache.corp.example:8080\nindex-url = ${http}\n`
    )
    expect(p.files[0]!.render(once)).toBe(once)
    expect(p.notes.join('\n')).toMatch(/plain http/)
    const local = plan(config({}, 'http://127.0.0.1:3141/simple/'), target('job'))
    expect(local.files[0]!.render(undefined)).not.toMatch(/trusted-host/)
  })

  describe('credentials', () => {
    const withCredentials = config({
      credentials: { pypi: { username: 'PYPI_USER', password: 'PYPI_TOKEN' } }
    })
    const env = { PYPI_USER: 'ci-bot', PYPI_TOKEN: 's3cr3t-token' }

    it('job mode: a 0600 secret ~/.netrc entry, the password masked, pip.conf without them', () => {
      const p = plan(withCredentials, target('job', { env }))
      expect(p.files.map((file) => file.path)).toEqual([
        '/home/runner/.config/pip/pip.conf',
        '/home/runner/.netrc'
      ])
      const netrc = fileOf(p, '/home/runner/.netrc')
      expect(netrc.secret).toBe(true)
      expect(netrc.mode).toBe(0o600)
      expect(netrc.render(undefined)).toBe(
        'machine nexus.corp.example login ci-bot password s3cr3t-token\n'
      )
      const conf = p.files[0]!.render(undefined)
      expect(conf).not.toContain('s3cr3t-token')
      expect(conf).not.toContain('ci-bot')
      expect(p.secrets).toEqual(['s3cr3t-token'])
      expect(p.env).toEqual([])
    })

    it('job mode: merges into an existing netrc, replacing only the mirror host entry', () => {
      const netrc = fileOf(plan(withCredentials, target('job', { env })), '/home/runner/.netrc')
      const existing = [
        '# machines',
        'machine github.com login me password gh-token',
        'machine nexus.corp.example',
        '  login old password old-pass',
        'default login anonymous password x',
        ''
      ].join('\n')
      const once = netrc.render(existing)
      expect(once).toBe(
        [
          '# machines',
          'machine github.com login me password gh-token',
          'machine nexus.corp.example login ci-bot password s3cr3t-token',
          'default login anonymous password x',
          ''
        ].join('\n')
      )
      expect(netrc.render(once)).toBe(once)
    })

    it('image mode: the netrc edit is secret and refuses to render; no value is read', () => {
      const p = plan(withCredentials, target('image'))
      const netrc = fileOf(p, '/home/runner/.netrc')
      expect(netrc.secret).toBe(true)
      expect(() => netrc.render(undefined)).toThrow(/build secret/)
      expect(p.secrets).toEqual([])
    })

    it('job mode: a missing variable is an error naming it', () => {
      expect(() => plan(withCredentials, target('job', { env: { PYPI_USER: 'u' } }))).toThrow(
        CredentialMissingError
      )
    })

    it('refuses values netrc cannot carry', () => {
      expect(() =>
        plan(withCredentials, target('job', { env: { ...env, PYPI_TOKEN: 'has space' } }))
      ).toThrow(/whitespace/)
    })
  })
})

describe('mergeIniSection and mergeNetrc', () => {
  it.each([
    [undefined, '[global]\nindex-url = x\n'],
    ['', '[global]\nindex-url = x\n'],
    ['[global]\nindex-url = x\n', '[global]\nindex-url = x\n'],
    ['[global]\r\nindex-url: old\r\n', '[global]\r\nindex-url = x\r\n'],
    ['[GLOBAL]\nfoo = 1', '[GLOBAL]\nfoo = 1\n\n[global]\nindex-url = x\n']
  ])('%j → %j, idempotent', (existing, expected) => {
    const once = mergeIniSection(existing, 'global', { 'index-url': 'x' }, { normalizeKey: pipKey })
    expect(once).toBe(expected)
    expect(mergeIniSection(once, 'global', { 'index-url': 'x' }, { normalizeKey: pipKey })).toBe(
      once
    )
  })

  it('refuses a value with a line break', () => {
    expect(() => mergeIniSection(undefined, 'global', { 'index-url': 'a\nb' })).toThrow(
      /line break/
    )
  })

  it('appends a netrc entry after a file without a final newline', () => {
    expect(mergeNetrc('machine a login b password c', 'h', 'u', 'p')).toBe(
      'machine a login b password c\nmachine h login u password p\n'
    )
  })
})
