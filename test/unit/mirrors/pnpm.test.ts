import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { pnpmEcosystem } from '../../../src/mirrors/ecosystems/pnpm.js'

const npm = 'https://nexus.corp.example/repository/npm-all'

function plan(c: MirrorConfig, t: Target): Plan {
  const result = pnpmEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

describe('pnpmEcosystem', () => {
  it('plans nothing without mirrors.npm', () => {
    expect(
      pnpmEcosystem.plan(
        { mirrors: { yarn: npm }, credentials: {} },
        { mode: 'job', home: '/h', env: {} }
      )
    ).toBeUndefined()
  })

  it.each([
    ['job', {}, '/home/runner/.config/pnpm/config.yaml'],
    ['job', { XDG_CONFIG_HOME: '/xdg' }, '/xdg/pnpm/config.yaml'],
    ['image', { XDG_CONFIG_HOME: '/xdg' }, '/home/runner/.config/pnpm/config.yaml']
  ] as const)('%s mode, env %j → %s', (mode, env, path) => {
    const p = plan({ mirrors: { npm }, credentials: {} }, { mode, home: '/home/runner', env })
    expect(p.files.map((file) => file.path)).toEqual([path])
    const once = p.files[0]!.render(undefined)
    expect(once).toBe(`registry: "${npm}/"\n`)
    expect(p.files[0]!.render(once)).toBe(once)
    expect(p.env).toEqual([['pnpm_config_registry', `${npm}/`]])
    expect(p.notes.join('\n')).toMatch(/pnpm 11 ignores npm_config_registry/)
  })

  it('keeps the user config.yaml settings and comments', () => {
    const edit = plan({ mirrors: { npm }, credentials: {} }, { mode: 'job', home: '/h', env: {} })
      .files[0]!
    const once = edit.render('# mine\nregistry: https://old.example/\nstore-dir: /cache/pnpm\n')
    expect(once).toBe(`# mine\nregistry: "${npm}/"\nstore-dir: /cache/pnpm\n`)
    expect(edit.render(once)).toBe(once)
  })

  it('job mode: the token as a placeholder in ~/.npmrc, its value exported and masked', () => {
    const p = plan(
      { mirrors: { npm }, credentials: { npm: { token: 'NPM_TOKEN' } } },
      { mode: 'job', home: '/home/runner', env: { NPM_TOKEN: 'tok-9' } }
    )
    expect(p.files.map((file) => file.path)).toEqual([
      '/home/runner/.config/pnpm/config.yaml',
      '/home/runner/.npmrc'
    ])
    const npmrc = p.files[1]!
    const once = npmrc.render('save-exact=true\n')
    expect(once).toBe(
      'save-exact=true\n//nexus.corp.example/repository/npm-all/:_authToken=${NPM_TOKEN}\n'
    )
    expect(npmrc.render(once)).toBe(once)
    expect(npmrc.secret).toBeUndefined()
    expect(p.env).toEqual([
      ['NPM_TOKEN', 'tok-9'],
      ['pnpm_config_registry', `${npm}/`]
    ])
    expect(p.secrets).toEqual(['tok-9'])
  })
})
