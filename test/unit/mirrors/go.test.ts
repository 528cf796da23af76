import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { goEcosystem, goEnvFile, mergeGoEnv } from '../../../src/mirrors/ecosystems/go.js'
import { mergeNetrc } from '../../../src/mirrors/formats/netrc.js'

const job: Target = { mode: 'job', home: '/home/runner', env: { GOU: 'ci', GOP: 'pw' } }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const config = parseMirrorConfig(
  'mirrors: { go: https://nexus.corp.example/repository/go/, go-private: [git.corp.example, corp.example/x] }\n'
)

describe('go', () => {
  it.each([
    ['job', job, ['/home/runner/.config/go/env']],
    ['image', image, []]
  ])('%s mode: GOPROXY=<mirror>,off and the private prefixes', (_mode, target, files) => {
    const plan = goEcosystem.plan(config, target)!
    expect(plan.env).toEqual([
      ['GOPROXY', 'https://nexus.corp.example/repository/go,off'],
      ['GOPRIVATE', 'git.corp.example,corp.example/x'],
      ['GONOSUMDB', 'git.corp.example,corp.example/x']
    ])
    expect(plan.files.map((file) => file.path)).toEqual(files)
  })

  it('merges the go env file and is idempotent', () => {
    const file = goEcosystem.plan(config, job)!.files[0]!
    const once = file.render('GOFLAGS=-mod=mod\nGOPROXY=https://proxy.golang.org,direct\n')
    expect(once).toBe(
      'GOFLAGS=-mod=mod\nGOPROXY=https://nexus.corp.example/repository/go,off\nGOPRIVATE=git.corp.example,corp.example/x\nGONOSUMDB=git.corp.example,corp.example/x\n'
    )
    expect(file.render(once)).toBe(once)
    expect(mergeGoEnv(undefined, [['A', 'b']])).toBe('A=b\n')
  })

  it('follows GOENV and XDG_CONFIG_HOME', () => {
    expect(goEnvFile({ ...job, env: { GOENV: '/x/env' } })).toBe('/x/env')
    expect(goEnvFile({ ...job, env: { XDG_CONFIG_HOME: '/cfg' } })).toBe('/cfg/go/env')
  })

  it('credentials: a 0600 netrc in job mode only, replacing the old entry for the host', () => {
    const withCredentials = parseMirrorConfig(
      'mirrors: { go: https://nexus.corp.example/go/ }\ncredentials: { go: { username: GOU, password: GOP } }\n'
    )
    const plan = goEcosystem.plan(withCredentials, job)!
    const netrc = plan.files.find((file) => file.path === '/home/runner/.netrc')!
    expect(netrc.secret).toBe(true)
    expect(plan.secrets).toEqual(['pw'])
    const once = netrc.render(
      'machine other.example login a password b\nmachine nexus.corp.example\n  login old\n  password old\n'
    )
    expect(once).toBe(
      'machine other.example login a password b\nmachine nexus.corp.example login ci password pw\n'
    )
    expect(netrc.render(once)).toBe(once)
    const imagePlan = goEcosystem.plan(withCredentials, image)!
    expect(imagePlan.files).toEqual([])
    expect(imagePlan.notes.join('\n')).toMatch(/netrc/)
    expect(mergeNetrc(undefined, 'h', 'u', 'p')).toBe('machine h login u password p\n')
  })

  it('does nothing without a Go mirror', () => {
    expect(
      goEcosystem.plan(parseMirrorConfig('mirrors: { npm: https://n.example/ }\n'), job)
    ).toBeUndefined()
  })
})
