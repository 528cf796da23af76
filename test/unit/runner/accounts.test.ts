import { describe, expect, it } from '@jest/globals'
import { parseGroup, parsePasswd, resolveUser, sudoGrants } from '../../../src/runner/accounts.js'

const passwd = parsePasswd(
  [
    'root:x:0:0:root:/root:/bin/bash',
    'runner:x:1000:1000::/home/runner:/bin/bash',
    'builder:x:1001:1001::/home/builder:/bin/sh',
    '# a comment',
    'broken:x:notanumber:1::/:/bin/sh',
    ''
  ].join('\n')
)
const groups = parseGroup(
  [
    'root:x:0:',
    'sudo:x:27:builder',
    'docker:x:123:runner,builder',
    'runner:x:1000:',
    'builder:x:1001:'
  ].join('\n')
)

describe('parsePasswd and parseGroup', () => {
  it('read entries and skip comments and malformed lines', () => {
    expect(passwd.map((entry) => entry.name)).toEqual(['root', 'runner', 'builder'])
    expect(groups.find((group) => group.name === 'docker')?.members).toEqual(['runner', 'builder'])
  })
})

describe('resolveUser', () => {
  it.each([
    ['', { name: 'root', uid: 0, groups: ['root'] }],
    ['runner', { name: 'runner', uid: 1000, groups: ['runner', 'docker'] }],
    ['1000', { name: 'runner', uid: 1000, groups: ['runner', 'docker'] }],
    ['builder', { name: 'builder', uid: 1001, groups: ['builder', 'sudo', 'docker'] }],
    // A group in USER replaces the supplementary groups, as the runtime does.
    ['runner:1000', { name: 'runner', uid: 1000, groups: ['runner'] }],
    ['1000:docker', { name: 'runner', uid: 1000, groups: ['docker'] }]
  ])('%j', (spec, expected) => {
    const user = resolveUser(spec, passwd, groups)
    expect(user.problem).toBeUndefined()
    expect({
      name: user.name,
      uid: user.uid,
      groups: user.groups.map((group) => group.name)
    }).toEqual(expected)
  })

  it('keeps a numeric uid without a passwd entry, and names a missing user or group', () => {
    const numeric = resolveUser('4242', passwd, groups)
    expect(numeric.uid).toBe(4242)
    expect(numeric.name).toBeUndefined()
    expect(resolveUser('ghost', passwd, groups).problem).toBe("user 'ghost' is not in /etc/passwd")
    expect(resolveUser('runner:nogroup', passwd, groups).problem).toBe(
      "group 'nogroup' is not in /etc/group"
    )
  })
})

describe('sudoGrants', () => {
  const files = (text: string) => [{ file: '/etc/sudoers', text }]
  it.each([
    ['runner ALL=(ALL) NOPASSWD:ALL', true, true],
    ['runner ALL=(ALL:ALL) ALL', true, false],
    ['%docker ALL=(ALL) NOPASSWD: ALL', true, true],
    ['%sudo ALL=(ALL) ALL', false, false],
    ['ALL ALL=(ALL) NOPASSWD: /usr/bin/apt-get', true, true],
    ['User_Alias CI = runner, deploy\nCI ALL=(ALL) NOPASSWD: ALL', true, true],
    ['Defaults env_reset\n# runner ALL=(ALL) ALL', false, false],
    ['builder ALL=(ALL) ALL', false, false],
    ['runner ALL=(ALL) \\\n  NOPASSWD: ALL', true, true]
  ])('%j', (text, granted, noPassword) => {
    const grants = sudoGrants(files(text), 'runner', ['runner', 'docker'])
    expect(grants.map((grant) => grant.noPassword)).toEqual(granted ? [noPassword] : [])
  })

  it('names the file and line of the grant', () => {
    const grants = sudoGrants(
      [
        { file: '/etc/sudoers', text: 'Defaults env_reset\n' },
        { file: '/etc/sudoers.d/runner', text: '# ok\n\nrunner ALL=(ALL) NOPASSWD:ALL\n' }
      ],
      'runner',
      []
    )
    expect(grants).toEqual([
      {
        file: '/etc/sudoers.d/runner',
        line: 3,
        text: 'runner ALL=(ALL) NOPASSWD:ALL',
        noPassword: true
      }
    ])
  })
})
