import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Plan, Target } from '../../../src/mirrors/ecosystem.js'
import { yarnClassicEcosystem } from '../../../src/mirrors/ecosystems/yarn-classic.js'

const npm = 'https://nexus.corp.example/repository/npm-all/'
const yarn = 'https://nexus.corp.example/repository/yarn'

function plan(c: MirrorConfig, t: Target): Plan {
  const result = yarnClassicEcosystem.plan(c, t)
  if (result === undefined) throw new Error('no plan')
  return result
}

function target(mode: 'job' | 'image', env: NodeJS.ProcessEnv = {}): Target {
  return { mode, home: '/home/runner', env }
}

describe('yarnClassicEcosystem', () => {
  it('plans nothing without mirrors.npm or mirrors.yarn', () => {
    expect(
      yarnClassicEcosystem.plan({ mirrors: { pypi: 'https://p/' }, credentials: {} }, target('job'))
    ).toBeUndefined()
  })

  it.each([
    ['job', { npm }, '/home/runner/.yarnrc', npm],
    ['job', { npm, yarn }, '/home/runner/.yarnrc', `${yarn}/`],
    ['image', { npm }, '/etc/yarnrc', npm]
  ] as const)('%s mode %j → %s', (mode, mirrors, path, registry) => {
    const p = plan({ mirrors, credentials: {} }, target(mode))
    expect(p.files.map((file) => file.path)).toEqual([path])
    const once = p.files[0]!.render(undefined)
    expect(once).toBe(`registry "${registry}"\n`)
    expect(p.files[0]!.render(once)).toBe(once)
    expect(p.env).toEqual([['YARN_REGISTRY', registry]])
    expect(p.notes.join('\n')).toMatch(/yarn\.lock "resolved" URLs are fetched verbatim/)
  })

  it('keeps the user .yarnrc settings and replaces the registry', () => {
    const edit = plan({ mirrors: { npm }, credentials: {} }, target('job')).files[0]!
    const existing = '# yarn\nregistry "https://old.example/"\n--install.frozen-lockfile true\n'
    const once = edit.render(existing)
    expect(once).toBe(`# yarn\nregistry "${npm}"\n--install.frozen-lockfile true\n`)
    expect(edit.render(once)).toBe(once)
  })

  it.each([
    ['job', ['/home/runner/.npmrc'], [['YARN_TOKEN', 'y-tok']]],
    ['image', ['/usr/local/etc/npmrc', '/usr/etc/npmrc'], []]
  ] as const)(
    '%s mode: credentials.yarn.token as a placeholder in %j',
    (mode, npmrcs, exported) => {
      const c: MirrorConfig = {
        mirrors: { npm },
        credentials: { yarn: { token: 'YARN_TOKEN' }, npm: { token: 'NPM_TOKEN' } }
      }
      const p = plan(c, target(mode, { YARN_TOKEN: 'y-tok' }))
      expect(p.files.map((file) => file.path)).toEqual(
        ['/home/runner/.yarnrc', ...npmrcs].map((path) =>
          mode === 'image' && path === '/home/runner/.yarnrc' ? '/etc/yarnrc' : path
        )
      )
      for (const edit of p.files) {
        const once = edit.render('save-exact=true\n')
        expect(once).not.toContain('y-tok')
        expect(edit.render(once)).toBe(once)
      }
      expect(p.files[1]!.render(undefined)).toBe(
        '//nexus.corp.example/repository/npm-all/:_authToken=${YARN_TOKEN}\n'
      )
      expect(p.env).toEqual([...exported, ['YARN_REGISTRY', npm]])
      expect(p.secrets).toEqual(mode === 'job' ? ['y-tok'] : [])
    }
  )
})
