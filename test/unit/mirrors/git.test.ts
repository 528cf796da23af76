import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { gitEcosystem } from '../../../src/mirrors/ecosystems/git.js'
import { addGitConfigValues } from '../../../src/mirrors/formats/gitconfig.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { GU: 'bot', GP: 'tok' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(
  'mirrors: { git: { "https://github.com/": "https://git-mirror.corp.example/github/" } }\n'
)

const userConfig = `[user]
\tname = Runner Bot
\temail = bot@example.com
[include]
\tpath = ~/.gitconfig.local
[includeIf "gitdir:/work/"]
\tpath = ~/.gitconfig.work
[url "https://git-mirror.corp.example/github/"]
\tpushInsteadOf = https://github.com/
`

describe('git', () => {
  it.each([
    ['job', job, '/home/runner/.gitconfig'],
    ['job with GIT_CONFIG_GLOBAL', { ...job, env: { GIT_CONFIG_GLOBAL: '/tmp/g' } }, '/tmp/g'],
    ['image', image, '/etc/gitconfig']
  ])('%s: insteadOf in %s', (_mode, target, path) => {
    const file = gitEcosystem.plan(config, target)!.files[0]!
    expect(file.path).toBe(path)
    expect(file.render(undefined)).toBe(
      '[url "https://git-mirror.corp.example/github/"]\n\tinsteadOf = https://github.com/\n'
    )
  })

  it('merges into a gitconfig with [user] and includes, idempotently', () => {
    const file = gitEcosystem.plan(config, job)!.files[0]!
    const once = file.render(userConfig)
    expect(once).toBe(
      userConfig.replace(
        '\tpushInsteadOf = https://github.com/\n',
        '\tpushInsteadOf = https://github.com/\n\tinsteadOf = https://github.com/\n'
      )
    )
    expect(file.render(once)).toBe(once)
    // An equal value already there (other spacing, quoted) counts as present.
    const quoted =
      '[URL "https://git-mirror.corp.example/github/"]\n  insteadof = "https://github.com/" # x\n'
    expect(file.render(quoted)).toBe(quoted)
  })

  it('credentials: a helper that reads the variables by name, never their values', () => {
    const plan = gitEcosystem.plan(
      parseMirrorConfig(
        'mirrors: { git: { "https://github.com/": "https://git-mirror.corp.example/github/" } }\ncredentials: { git: { username: GU, password: GP } }\n'
      ),
      job
    )!
    const text = plan.files[0]!.render(undefined)
    expect(text).toContain('[credential "https://git-mirror.corp.example"]')
    expect(text).toContain('echo \\"password=${GP}\\"')
    expect(text).not.toContain('tok')
    expect(plan.secrets).toEqual(['tok'])
    expect(plan.files[0]!.render(text)).toBe(text)
  })

  it('appends a value to a section in the middle of the file', () => {
    expect(
      addGitConfigValues('[a]\n\tx = 1\n\n[b]\n\ty = 2\n', [{ section: 'a', key: 'z', value: '3' }])
    ).toBe('[a]\n\tx = 1\n\tz = 3\n\n[b]\n\ty = 2\n')
  })
})
