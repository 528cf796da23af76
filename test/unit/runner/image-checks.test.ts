/**
 * The image checks over a hand-made merged filesystem (the layer walk is tested on its own):
 * each bad variant the e2e tier builds for real is reproduced here as data.
 */
import { describe, expect, it } from '@jest/globals'
import type { CheckResult } from '../../../src/runner/checks/check.js'
import { expectationsFrom } from '../../../src/runner/expectations.js'
import type { ImageEntry, ImageView } from '../../../src/runner/image-checks/image-check.js'
import { keepForChecks } from '../../../src/runner/image-checks/image-check.js'
import { runImageChecks } from '../../../src/runner/image-checks/index.js'
import { defaultSetuidAllowed } from '../../../src/runner/image-checks/setuid.js'

interface Variant {
  user?: string
  env?: string[] | null
  entrypoint?: string[]
  files?: Record<string, string>
  entries?: Record<string, Partial<ImageEntry>>
  drop?: string[]
}

const passwd = 'root:x:0:0:root:/root:/bin/bash\nrunner:x:1000:1000::/home/runner:/bin/bash\n'
const group = 'root:x:0:\nsudo:x:27:\nwheel:x:10:\nrunner:x:1000:\n'

function view(variant: Variant = {}): ImageView {
  const files: Record<string, string> = {
    'etc/passwd': passwd,
    'etc/group': group,
    ...variant.files
  }
  const entries = new Map<string, ImageEntry>()
  const add = (path: string, entry: Partial<ImageEntry>) =>
    entries.set(path, { type: 'file', mode: 0o644, uid: 0, gid: 0, ...entry })
  for (const dir of ['usr', 'usr/bin', 'usr/local/bin', 'usr/sbin', 'home', 'etc'])
    add(dir, { type: 'directory', mode: 0o755 })
  add('home/runner', { type: 'directory', mode: 0o755, uid: 1000, gid: 1000 })
  add('usr/bin/passwd', { mode: 0o4755 })
  add('usr/bin/bash', { size: 1265648 })
  add('bin', { type: 'symlink' })
  for (const path of Object.keys(files)) add(path, {})
  for (const [path, entry] of Object.entries(variant.entries ?? {})) add(path, entry)
  for (const path of variant.drop ?? []) entries.delete(path)
  const resolve = (path: string) => path.replace(/^bin\//, 'usr/bin/')
  return {
    config: {
      User: variant.user ?? '1000',
      Env:
        variant.env === null
          ? null
          : (variant.env ?? ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']),
      Entrypoint: variant.entrypoint ?? ['/usr/bin/tini', '--'],
      Cmd: null
    },
    entry: (path) => entries.get(resolve(path)),
    text: (path) => (keepForChecks(path) ? files[path] : undefined),
    keptUnder: (prefix) =>
      Object.keys(files)
        .filter((path) => path.startsWith(prefix))
        .sort(),
    all: () => entries.entries()
  }
}

function check(variant: Variant = {}, expected = {}): CheckResult[] {
  return runImageChecks(view(variant), expectationsFrom(expected), defaultSetuidAllowed)
}

const statusesOf = (results: CheckResult[], id: string) =>
  results.filter((result) => result.id === id).map((result) => result.status)

describe('a good rootless image', () => {
  it('passes every check', () => {
    const results = check()
    expect(results.filter((result) => result.status !== 'pass')).toEqual([])
    expect(results.map((result) => result.id)).toEqual([
      'identity',
      'groups',
      'sudo',
      'home',
      'path',
      'setuid',
      'entrypoint'
    ])
  })
})

describe('each bad variant fails the right check', () => {
  it.each<[string, Variant, string, 'fail' | 'warn', RegExp]>([
    ['USER root', { user: 'root' }, 'identity', 'fail', /USER root is root \(uid 0\)/],
    ['USER 0', { user: '0' }, 'identity', 'fail', /uid 0/],
    ['no USER', { user: '' }, 'identity', 'fail', /runs as root/],
    [
      'a user missing from passwd',
      { user: 'ghost' },
      'identity',
      'fail',
      /'ghost' is not in \/etc\/passwd/
    ],
    [
      'uid 1001',
      {
        user: '1001',
        files: { 'etc/passwd': `${passwd}ci:x:1001:1001::/home/ci:/bin/sh\n` },
        entries: { 'home/ci': { type: 'directory', uid: 1001 } }
      },
      'identity',
      'fail',
      /uid 1001, expected 1000/
    ],
    ['a named USER', { user: 'runner' }, 'identity', 'warn', /non-numeric user/],
    [
      'the user in wheel',
      { files: { 'etc/group': group.replace('wheel:x:10:', 'wheel:x:10:runner') } },
      'groups',
      'fail',
      /wheel/
    ],
    [
      'sudo with NOPASSWD',
      {
        entries: { 'usr/bin/sudo': { mode: 0o4755 } },
        files: { 'etc/sudoers.d/runner': 'runner ALL=(ALL) NOPASSWD:ALL\n' }
      },
      'sudo',
      'fail',
      /\/etc\/sudoers\.d\/runner:1 grants runner root without a password/
    ],
    [
      'sudo for the sudo group the user is in',
      {
        entries: { 'usr/bin/sudo': { mode: 0o4755 } },
        files: {
          'etc/group': group.replace('sudo:x:27:', 'sudo:x:27:runner'),
          'etc/sudoers': '%sudo ALL=(ALL:ALL) ALL\n'
        }
      },
      'sudo',
      'fail',
      /grants runner root/
    ],
    [
      'a grant without the binary',
      { files: { 'etc/sudoers': 'runner ALL=(ALL) NOPASSWD:ALL\n' } },
      'sudo',
      'warn',
      /no sudo binary/
    ],
    [
      'a setuid shell',
      { entries: { 'usr/local/bin/rootsh': { mode: 0o4755, size: 1265648 } } },
      'setuid',
      'fail',
      /setuid shell \/usr\/local\/bin\/rootsh/
    ],
    [
      'an unexpected setgid file',
      { entries: { 'usr/bin/tool': { mode: 0o2755 } } },
      'setuid',
      'warn',
      /setgid files not allowed: \/usr\/bin\/tool/
    ],
    ['no PATH in the config', { env: null }, 'path', 'fail', /has no PATH/],
    [
      'PATH without /usr/bin',
      { env: ['PATH=/usr/local/bin:/bin'] },
      'path',
      'fail',
      /lacks \/usr\/bin/
    ],
    [
      'a world-writable dir on PATH',
      {
        env: ['PATH=/usr/local/bin:/usr/bin:/bin:/opt/bin'],
        entries: { 'opt/bin': { type: 'directory', mode: 0o777 } }
      },
      'path',
      'fail',
      /world-writable on PATH: \/opt\/bin/
    ],
    ['home missing', { drop: ['home/runner'] }, 'home', 'fail', /does not exist/],
    [
      'home owned by root',
      { entries: { 'home/runner': { type: 'directory', uid: 0 } } },
      'home',
      'fail',
      /belongs to uid 0/
    ],
    ['no entrypoint or cmd', { entrypoint: [] }, 'entrypoint', 'warn', /no ENTRYPOINT/]
  ])('%s', (_name, variant, id, status, reason) => {
    const results = check(variant)
    expect(statusesOf(results, id)).toContain(status)
    expect(results.find((result) => result.id === id && result.status === status)?.reason).toMatch(
      reason
    )
  })
})

describe('options', () => {
  it('allows a setuid file named in setuid-allowed, and usrmerge paths match', () => {
    const image = view({
      entries: { 'usr/local/bin/helper': { mode: 0o4755 }, 'bin/ping': { mode: 0o4755 } }
    })
    const results = runImageChecks(image, expectationsFrom({}), [
      ...defaultSetuidAllowed,
      '/usr/local/bin/helper',
      '/bin/ping'
    ])
    expect(statusesOf(results, 'setuid')).toEqual(['pass'])
  })

  it('expects ~/.local/bin on PATH when asked, with ~ as the user home', () => {
    const results = check(
      { env: ['PATH=/usr/bin:/home/runner/.local/bin'] },
      { pathDirs: ['/usr/bin', '~/.local/bin'] }
    )
    expect(statusesOf(results, 'path')).toEqual(['pass'])
  })

  it('counts sudo installed without a grant as a warning only when absent is expected', () => {
    const sudoOnly = { entries: { 'usr/bin/sudo': { mode: 0o4755 } } }
    expect(statusesOf(check(sudoOnly), 'sudo')).toEqual(['pass'])
    expect(statusesOf(check(sudoOnly, { sudo: 'absent' }), 'sudo')).toEqual(['warn'])
  })
})
