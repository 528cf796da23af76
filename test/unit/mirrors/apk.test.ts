import { describe, expect, it } from '@jest/globals'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { apkEcosystem, apkRepositoriesPath } from '../../../src/mirrors/ecosystems/apk.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const urls = [
  'https://nexus.corp.example/repository/alpine/v3.20/main',
  'https://nexus.corp.example/repository/alpine/v3.20/community'
]
const config: MirrorConfig = { mirrors: { apk: urls }, credentials: {} }

const render = (existing: string | undefined) =>
  apkEcosystem.plan(config, image)!.files[0]!.render(existing)

describe('apkEcosystem', () => {
  it('plans nothing without mirrors.apk, and nothing but a note in job mode', () => {
    expect(apkEcosystem.plan({ mirrors: {}, credentials: {} }, image)).toBeUndefined()
    const plan = apkEcosystem.plan(config, job)!
    expect(plan.files).toEqual([])
    expect(plan.notes.join('\n')).toMatch(/apk needs root/)
  })

  it('writes /etc/apk/repositories, even when the base has none', () => {
    const plan = apkEcosystem.plan(config, image)!
    expect(plan.files.map((file) => [file.path, file.ifExists])).toEqual([
      [apkRepositoriesPath, undefined]
    ])
    expect(render(undefined)).toBe(`${urls.join('\n')}\n`)
  })

  it.each([
    [
      'alpine:3.20',
      'https://dl-cdn.alpinelinux.org/alpine/v3.20/main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/community\n',
      `${urls.join('\n')}\n`
    ],
    [
      'comments, tagged and local repositories',
      '# main\nhttps://dl-cdn.alpinelinux.org/alpine/v3.20/main\n@edge https://dl-cdn.alpinelinux.org/alpine/edge/main\n/var/cache/local\n',
      `# main\n${urls.join('\n')}\n@edge https://dl-cdn.alpinelinux.org/alpine/edge/main\n/var/cache/local\n`
    ],
    ['wolfi', 'https://packages.wolfi.dev/os\n', `${urls.join('\n')}\n`]
  ])('replaces the repository lines of %s, idempotently', (_name, existing, expected) => {
    expect(render(existing)).toBe(expected)
    expect(render(render(existing))).toBe(render(existing))
  })
})
