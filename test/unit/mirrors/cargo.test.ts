import { describe, expect, it } from '@jest/globals'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { cargoEcosystem } from '../../../src/mirrors/ecosystems/cargo.js'
import { setTomlKeys, TomlMergeError } from '../../../src/mirrors/formats/toml-block.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {}, caBundle: '/home/runner/ca.pem' }
const image: Target = {
  mode: 'image',
  home: '/home/runner',
  env: {},
  caBundle: '/etc/ssl/certs/ca-certificates.crt'
}
const config = parseMirrorConfig('mirrors: { cargo: https://nexus.corp.example/cargo/index }\n')

const userConfig = `# my cargo settings
[build]
jobs = 4 # fast

[http]
timeout = 30
cainfo = "/old.pem"

[net]
git-fetch-with-cli = true
`

describe('cargo', () => {
  it.each([
    ['job', job, '/home/runner/.cargo/config.toml'],
    ['job with CARGO_HOME', { ...job, env: { CARGO_HOME: '/c' } }, '/c/config.toml'],
    ['image', image, '/.cargo/config.toml']
  ])('%s: source replacement in %s', (_mode, target, path) => {
    const file = cargoEcosystem.plan(config, target)!.files[0]!
    expect(file.path).toBe(path)
    const text = file.render(undefined)
    expect(text).toContain(
      '[source.crates-io]\nreplace-with = "runnerkit"\n\n[source.runnerkit]\nregistry = "sparse+https://nexus.corp.example/cargo/index/"\n'
    )
    expect(text.includes('cainfo')).toBe(target.mode === 'job')
  })

  it('merges into a config with other tables and comments, idempotently', () => {
    const file = cargoEcosystem.plan(config, job)!.files[0]!
    const once = file.render(userConfig)
    expect(once).toBe(
      userConfig.replace('cainfo = "/old.pem"', 'cainfo = "/home/runner/ca.pem"') +
        '\n[source.crates-io]\nreplace-with = "runnerkit"\n\n[source.runnerkit]\nregistry = "sparse+https://nexus.corp.example/cargo/index/"\n'
    )
    expect(file.render(once)).toBe(once)
  })

  it('adds keys under an existing quoted header and replaces ours', () => {
    const text = setTomlKeys(
      '[source."crates-io"]\n# keep\nreplace-with = "vendored"\n',
      [{ table: ['source', 'crates-io'], values: [['replace-with', '"runnerkit"']] }],
      'x'
    )
    expect(text).toBe('[source."crates-io"]\n# keep\nreplace-with = "runnerkit"\n')
  })

  it('refuses what it cannot merge safely (dotted keys)', () => {
    expect(() =>
      setTomlKeys(
        'http.cainfo = "/a"\n',
        [{ table: ['http'], values: [['cainfo', '"/b"']] }],
        'cfg'
      )
    ).toThrow(TomlMergeError)
  })
})
