/**
 * The live checks against a fake machine: files, stats and command results are fixtures, so each
 * state (root, wrong uid, sudo that works, a NOPASSWD grant blocked by no_new_privs, …) is
 * reproduced exactly. The e2e tier runs the same checks inside real containers.
 */
import { describe, expect, it } from '@jest/globals'
import type { CommandResult, LiveContext } from '../../../src/runner/checks/check.js'
import {
  containerEngineCheck,
  subordinateRanges
} from '../../../src/runner/checks/container-engine.js'
import { groupsCheck } from '../../../src/runner/checks/groups.js'
import { homeCheck } from '../../../src/runner/checks/home.js'
import { identityCheck } from '../../../src/runner/checks/identity.js'
import { pathCheck } from '../../../src/runner/checks/path.js'
import { classifySudo, sudoCheck } from '../../../src/runner/checks/sudo.js'
import { expectationsFrom } from '../../../src/runner/expectations.js'
import { counts, failed, formatTable, parseFailOn } from '../../../src/runner/report.js'

interface Fixture {
  uid?: number
  gid?: number
  groups?: number[]
  env?: NodeJS.ProcessEnv
  files?: Record<string, string>
  stats?: Record<string, { uid: number; gid?: number; mode: number; isDirectory?: boolean }>
  writable?: string[]
  commands?: Record<string, CommandResult>
  expected?: Parameters<typeof expectationsFrom>[0]
}

const etc = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\nrunner:x:1000:1000::/home/runner:/bin/bash\n',
  '/etc/group': 'root:x:0:\nsudo:x:27:\ndocker:x:123:runner\nrunner:x:1000:\nwheel:x:10:\n'
}

function machine(fixture: Fixture = {}): LiveContext {
  const uid = fixture.uid ?? 1000
  return {
    env: { HOME: '/home/runner', PATH: '/usr/local/bin:/usr/bin:/bin', ...fixture.env },
    expected: expectationsFrom(fixture.expected ?? {}),
    uid,
    euid: uid,
    gid: fixture.gid ?? 1000,
    groups: fixture.groups ?? [1000],
    readFile: (path) => Promise.resolve({ ...etc, ...fixture.files }[path]),
    stat: (path) => {
      const stat = {
        '/home/runner': { uid: 1000, mode: 0o40755, isDirectory: true },
        '/usr/local/bin': { uid: 0, mode: 0o40755, isDirectory: true },
        '/usr/bin': { uid: 0, mode: 0o40755, isDirectory: true },
        '/bin': { uid: 0, mode: 0o40755, isDirectory: true },
        ...fixture.stats
      }[path]
      return Promise.resolve(stat && { gid: 0, ...stat, isDirectory: stat.isDirectory ?? false })
    },
    listDir: () => Promise.resolve(undefined),
    writable: (path) => Promise.resolve((fixture.writable ?? ['/home/runner']).includes(path)),
    run: (command, args) =>
      Promise.resolve(
        fixture.commands?.[`${command} ${args.join(' ')}`] ?? { code: 127, stdout: '', stderr: '' }
      )
  }
}

const statusOf = async (check: typeof identityCheck, fixture: Fixture) =>
  (await check.check(machine(fixture))).map((result) => result.status)

describe('identity', () => {
  it.each<[string, Fixture, string[], RegExp]>([
    ['the expected user', {}, ['pass'], /running as runner \(uid 1000\)/],
    ['root', { uid: 0 }, ['fail'], /running as root/],
    [
      'another uid',
      {
        uid: 1001,
        files: { '/etc/passwd': `${etc['/etc/passwd']}ci:x:1001:1001::/home/ci:/bin/sh\n` }
      },
      ['fail'],
      /ci \(uid 1001\), expected runner \(uid 1000\)/
    ],
    ['a uid without passwd entry', { uid: 4242 }, ['fail'], /no \/etc\/passwd entry/],
    [
      'expectations changed',
      {
        uid: 1001,
        files: { '/etc/passwd': 'ci:x:1001:1001::/h:/bin/sh\n' },
        expected: { user: 'ci', uid: '1001' }
      },
      ['pass'],
      /ci/
    ]
  ])('%s', async (_name, fixture, expected, reason) => {
    const results = await identityCheck.check(machine(fixture))
    expect(results.map((result) => result.status)).toEqual(expected)
    expect(results[0]?.reason).toMatch(reason)
  })
})

describe('groups', () => {
  it.each<[string, Fixture, string]>([
    ['no privileged group', { groups: [1000] }, 'pass'],
    ['docker with rootless expected', { groups: [1000, 123] }, 'fail'],
    [
      'docker with a rootful engine intended',
      { groups: [1000, 123], expected: { rootless: false } },
      'pass'
    ],
    ['sudo', { groups: [1000, 27] }, 'fail'],
    ['gid 0 under any name', { gid: 0 }, 'fail'],
    [
      'wheel, from a custom list',
      { groups: [10], expected: { privilegedGroups: ['wheel'] } },
      'fail'
    ]
  ])('%s', async (_name, fixture, expected) => {
    expect(await statusOf(groupsCheck, fixture)).toEqual([expected])
  })
})

describe('sudo', () => {
  const sudo = (code: number, stderr = ''): Fixture['commands'] => ({
    'sudo -n true': { code, stdout: '', stderr }
  })
  it.each<[string, Fixture, string, string]>([
    ['absent', { commands: {} }, 'absent', 'pass'],
    ['no grant', { commands: sudo(1, 'sudo: a password is required\n') }, 'no-grant', 'pass'],
    [
      'no grant, absent expected',
      { commands: sudo(1, 'sudo: a password is required\n'), expected: { sudo: 'absent' } },
      'no-grant',
      'warn'
    ],
    [
      'blocked by no_new_privs',
      {
        commands: sudo(
          1,
          'sudo: The "no new privileges" flag is set, which prevents sudo from running as root.\n'
        )
      },
      'blocked-by-no-new-privs',
      'warn'
    ],
    ['works', { commands: sudo(0) }, 'works', 'fail']
  ])('%s', async (_name, fixture, state, status) => {
    const [result] = await sudoCheck.check(machine(fixture))
    expect(result?.details?.state).toBe(state)
    expect(result?.status).toBe(status)
  })

  it('classifies an unknown failure as unknown, not as a pass', () => {
    expect(classifySudo({ code: 1, stderr: 'sudo: unable to resolve host' })).toBe('unknown')
  })
})

describe('home', () => {
  it.each<[string, Fixture, string[]]>([
    ['owned and writable', {}, ['pass']],
    ['HOME unset', { env: { HOME: '' } }, ['fail']],
    ['missing', { env: { HOME: '/nonexistent' } }, ['fail']],
    [
      'owned by root',
      { stats: { '/home/runner': { uid: 0, mode: 0o40755, isDirectory: true } } },
      ['fail']
    ],
    ['not writable', { writable: [] }, ['fail']],
    [
      'world-writable, as the official image has it',
      { stats: { '/home/runner': { uid: 1000, mode: 0o40777, isDirectory: true } } },
      ['warn']
    ],
    [
      'HOME differs from passwd',
      {
        env: { HOME: '/github/home' },
        stats: { '/github/home': { uid: 1000, mode: 0o40755, isDirectory: true } },
        writable: ['/github/home']
      },
      ['warn']
    ]
  ])('%s', async (_name, fixture, expected) => {
    expect(await statusOf(homeCheck, fixture)).toEqual(expected)
  })
})

describe('path', () => {
  it.each<[string, Fixture, string[]]>([
    ['all present', {}, ['pass']],
    [
      '~/.local/bin expected and missing',
      { expected: { pathDirs: ['/usr/bin', '~/.local/bin'] } },
      ['fail']
    ],
    [
      '~ expands to HOME',
      {
        env: { PATH: '/usr/bin:/home/runner/.local/bin' },
        stats: { '/home/runner/.local/bin': { uid: 1000, mode: 0o40755 } },
        expected: { pathDirs: ['~/.local/bin'] }
      },
      ['pass']
    ],
    [
      'an entry that does not exist',
      { env: { PATH: '/usr/bin:/opt/gone' }, expected: { pathDirs: ['/usr/bin'] } },
      ['warn']
    ],
    [
      'a world-writable entry',
      {
        env: { PATH: '/usr/bin:/tmp/bin' },
        stats: { '/tmp/bin': { uid: 0, mode: 0o40777 } },
        expected: { pathDirs: ['/usr/bin'] }
      },
      ['fail']
    ],
    [
      'a sticky world-writable entry is allowed',
      {
        env: { PATH: '/usr/bin:/tmp' },
        stats: { '/tmp': { uid: 0, mode: 0o41777 } },
        expected: { pathDirs: ['/usr/bin'] }
      },
      ['pass']
    ]
  ])('%s', async (_name, fixture, expected) => {
    expect(await statusOf(pathCheck, fixture)).toEqual(expected)
  })
})

describe('container engine', () => {
  const rootlessDocker = {
    'docker info --format {{json .SecurityOptions}}': {
      code: 0,
      stdout: '["name=seccomp,profile=builtin","name=rootless"]',
      stderr: ''
    }
  }
  const rootfulDocker = {
    'docker info --format {{json .SecurityOptions}}': {
      code: 0,
      stdout: '["name=seccomp,profile=builtin"]',
      stderr: ''
    }
  }
  const prerequisites: Fixture = {
    files: {
      '/etc/subuid': 'runner:100000:65536\n',
      '/etc/subgid': '1000:100000:65536\n',
      '/proc/sys/user/max_user_namespaces': '63000\n'
    },
    stats: {
      '/usr/bin/newuidmap': { uid: 0, mode: 0o104755 },
      '/usr/bin/newgidmap': { uid: 0, mode: 0o104755 },
      '/run/user/1000': { uid: 1000, mode: 0o40700, isDirectory: true }
    },
    env: { XDG_RUNTIME_DIR: '/run/user/1000' }
  }
  it.each<[string, Fixture, string[]]>([
    ['no engine', {}, ['pass']],
    [
      'rootless docker with its prerequisites',
      { ...prerequisites, commands: rootlessDocker },
      ['pass']
    ],
    [
      'rootful docker when rootless is expected',
      { ...prerequisites, commands: rootfulDocker },
      ['fail']
    ],
    [
      'rootful docker intended',
      { commands: rootfulDocker, expected: { rootless: false } },
      ['pass']
    ],
    [
      'no subuid range',
      {
        ...prerequisites,
        files: { ...prerequisites.files, '/etc/subuid': 'other:100000:65536\n' },
        commands: rootlessDocker
      },
      ['pass', 'fail']
    ],
    [
      'a daemon that does not answer',
      {
        commands: {
          'docker info --format {{json .SecurityOptions}}': {
            code: 1,
            stdout: '',
            stderr: 'Cannot connect'
          }
        },
        expected: { rootless: false }
      },
      ['warn']
    ]
  ])('%s', async (_name, fixture, expected) => {
    expect(await statusOf(containerEngineCheck, fixture)).toEqual(expected)
  })

  it('reads subordinate ranges by name or uid', () => {
    expect(
      subordinateRanges('runner:100000:65536\n1000:200000:1000\nx:1:2\nbad', 'runner', 1000)
    ).toEqual([
      { start: 100000, count: 65536 },
      { start: 200000, count: 1000 }
    ])
  })
})

describe('expectations and the report', () => {
  it('names the option at fault', () => {
    expect(() => expectationsFrom({ uid: 'abc' })).toThrow(
      "expected-uid: expected a whole number, got 'abc'"
    )
    expect(() => expectationsFrom({ sudo: 'maybe' })).toThrow(
      "sudo: expected absent, denied or any, got 'maybe'"
    )
    expect(() => expectationsFrom({ podMtu: '100' })).toThrow(
      'pod-mtu: expected a whole number ≥ 576'
    )
    expect(() => parseFailOn('never')).toThrow("fail-on: expected error or warning, got 'never'")
  })

  it('fails on warnings only when asked', () => {
    const results = [
      { id: 'a', title: 'A', status: 'pass' as const, reason: 'fine' },
      { id: 'b', title: 'B', status: 'warn' as const, reason: 'hmm', fix: 'do x' }
    ]
    expect(failed(results, 'error')).toBe(false)
    expect(failed(results, 'warning')).toBe(true)
    expect(counts(results)).toEqual({ pass: 1, warn: 1, fail: 0 })
    expect(formatTable(results)).toBe(
      'ok    a   fine\nWARN  b   hmm\n          fix: do x\n1 passed, 1 warnings, 0 failed\n'
    )
  })
})
