import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { applyPlans, restore } from '../../../src/mirrors/apply.js'
import type { FileEdit, Plan } from '../../../src/mirrors/ecosystem.js'
import { emptyPlan } from '../../../src/mirrors/ecosystem.js'
import { scratchDir } from '../../helpers/scratch.js'

/** A plan that sets `key=value` in a line-based file, keeping other lines (idempotent). */
function keyPlan(path: string, key: string, value: string, extra: Partial<FileEdit> = {}): Plan {
  const plan = emptyPlan('test')
  plan.files.push({
    path,
    description: `${key} in ${path}`,
    render: (existing) => {
      const lines = (existing ?? '')
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith(`${key}=`))
      return `${[...lines, `${key}=${value}`].join('\n')}\n`
    },
    ...extra
  })
  return plan
}

function setup() {
  const home = scratchDir('apply-home')
  const state = join(home, '.local', 'state', 'runnerkit', 'mirrors')
  return { home, options: { stateDir: state, allowedRoots: [home] } }
}

describe('applyPlans', () => {
  it('merges into an existing file, keeps the rest, and a second run changes no byte', async () => {
    const { home, options } = setup()
    const file = join(home, '.npmrc')
    writeFileSync(file, 'save-exact=true\nregistry=https://old.example/\n', { mode: 0o640 })
    const plans = [keyPlan(file, 'registry', 'https://mirror.example/npm/')]
    const first = await applyPlans(plans, options)
    expect(first.map((entry) => entry.action)).toEqual(['updated'])
    const after = readFileSync(file, 'utf8')
    expect(after).toBe('save-exact=true\nregistry=https://mirror.example/npm/\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    const second = await applyPlans(plans, options)
    expect(second.map((entry) => entry.action)).toEqual(['unchanged'])
    expect(readFileSync(file, 'utf8')).toBe(after)
  })

  it('restores the original after one or several runs, and removes what it created', async () => {
    const { home, options } = setup()
    const existing = join(home, '.npmrc')
    const created = join(home, '.config', 'pip', 'pip.conf')
    writeFileSync(existing, 'save-exact=true\n')
    await applyPlans(
      [
        keyPlan(existing, 'registry', 'https://a.example/'),
        keyPlan(created, 'index-url', 'https://p.example/')
      ],
      options
    )
    await applyPlans([keyPlan(existing, 'registry', 'https://b.example/')], options)
    expect(existsSync(created)).toBe(true)
    const restored = await restore(options.stateDir)
    expect(restored.map((entry) => entry.action).sort()).toEqual(['removed', 'restored'])
    expect(readFileSync(existing, 'utf8')).toBe('save-exact=true\n')
    expect(existsSync(created)).toBe(false)
    expect(existsSync(options.stateDir)).toBe(false)
    expect(await restore(options.stateDir)).toEqual([])
  })

  it('creates credential files 0600, and tightens an existing file that now holds one', async () => {
    const { home, options } = setup()
    const netrc = join(home, '.netrc')
    writeFileSync(netrc, 'machine other.example login a password b\n', { mode: 0o644 })
    await applyPlans(
      [keyPlan(netrc, 'machine', 'n.example login u password p', { secret: true })],
      options
    )
    expect(statSync(netrc).mode & 0o777).toBe(0o600)
    const fresh = join(home, 'fresh', 'credentials')
    await applyPlans([keyPlan(fresh, 'token', 't', { secret: true })], options)
    expect(statSync(fresh).mode & 0o777).toBe(0o600)
  })

  it('refuses a path outside HOME and writes nothing at all', async () => {
    const { home, options } = setup()
    const inside = join(home, '.npmrc')
    await expect(
      applyPlans(
        [keyPlan(inside, 'registry', 'x'), keyPlan('/etc/pip.conf', 'index-url', 'y')],
        options
      )
    ).rejects.toThrow('job mode writes only under')
    expect(existsSync(inside)).toBe(false)
  })

  it('writes nothing when one render fails', async () => {
    const { home, options } = setup()
    const first = join(home, 'a')
    const broken = emptyPlan('broken')
    broken.files.push({
      path: join(home, 'b'),
      description: 'b',
      render: () => {
        throw new Error('cannot merge b')
      }
    })
    await expect(applyPlans([keyPlan(first, 'k', 'v'), broken], options)).rejects.toThrow(
      'cannot merge b'
    )
    expect(existsSync(first)).toBe(false)
  })

  it('skips an ifExists edit of a missing file, and edits it when present', async () => {
    const { home, options } = setup()
    const file = join(home, 'sources')
    const plan = keyPlan(file, 'URIs', 'https://m.example/', { ifExists: true })
    expect((await applyPlans([plan], options)).map((entry) => entry.action)).toEqual(['skipped'])
    expect(existsSync(file)).toBe(false)
    mkdirSync(home, { recursive: true })
    writeFileSync(file, 'Types: deb\n')
    expect((await applyPlans([plan], options)).map((entry) => entry.action)).toEqual(['updated'])
  })

  it('chains two plans that edit the same file', async () => {
    const { home, options } = setup()
    const file = join(home, '.npmrc')
    await applyPlans([keyPlan(file, 'registry', 'r'), keyPlan(file, 'cafile', 'c')], options)
    expect(readFileSync(file, 'utf8')).toBe('registry=r\ncafile=c\n')
    await restore(options.stateDir)
    expect(existsSync(file)).toBe(false)
  })
})
