import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  configCandidates,
  findConfigFile,
  parseConfigText,
  readConfigFile
} from '../../../../src/lint/config/file.js'
import { UserError } from '../../../../src/errors.js'
import { scratchDir } from '../../../helpers/scratch.js'

const parse = (text: string) => parseConfigText(text, '.hadolint.yaml')

function errorOf(text: string): string {
  try {
    parse(text)
  } catch (error) {
    expect(error).toBeInstanceOf(UserError)
    return (error as Error).message
  }
  throw new Error('expected a UserError')
}

describe('parseConfigText: every key', () => {
  it('reads a full file', () => {
    const text = `
ignored: [DL3008, SC2086]
override:
  error: [DL3001]
  warning:
    - DL3042
  info: [DL3032]
  style: [DL3015]
trustedRegistries:
  - docker.io
  - "*.example.com"
failure-threshold: warning
format: json
formats: [sarif, checkstyle]
label-schema:
  maintainer: text
  org.opencontainers.image.created: rfc3339
  version: semver
  description: ""
  homepage: url
  checksum: hash
  licence: spdx
  contact: email
strict-labels: true
disable-ignore-pragma: false
no-fail: true
no-color: false
verbose: true
`
    expect(parse(text)).toEqual({
      path: '.hadolint.yaml',
      warnings: [],
      config: {
        ignored: ['DL3008', 'SC2086'],
        override: { error: ['DL3001'], warning: ['DL3042'], info: ['DL3032'], style: ['DL3015'] },
        trustedRegistries: ['docker.io', '*.example.com'],
        failureThreshold: 'warning',
        formats: ['json', 'sarif', 'checkstyle'],
        labelSchema: {
          maintainer: 'text',
          'org.opencontainers.image.created': 'rfc3339',
          version: 'semver',
          description: 'text',
          homepage: 'url',
          checksum: 'hash',
          licence: 'spdx',
          contact: 'email'
        },
        strictLabels: true,
        disableIgnorePragma: false,
        noFail: true,
        noColor: false,
        verbose: true
      }
    })
  })

  // prettier-ignore
  it.each([
    ['', {}],
    ['# everything commented out\n# ignored: [DL3008]\n', {}],
    ['~\n', {}],
    ['---\n', {}],
    ['ignored:\n', {}], // a key with no value is unset
    ['failure-threshold: none', { failureThreshold: 'none' }],
    ['failure-threshold: ignore', { failureThreshold: 'ignore' }],
    ['format: JSON', { formats: ['json'] }],
    ['formats: [tty]\nformat: sarif', { formats: ['tty', 'sarif'] }],
    ['label-schema:\n  maintainer:\n', { labelSchema: { maintainer: 'text' } }],
    ['ignored: &codes [DL3008]\noverride:\n  style: *codes', { ignored: ['DL3008'], override: { style: ['DL3008'] } }],
    ['\uFEFFno-fail: true', { noFail: true }]
  ])('%j → %j', (text, config) => {
    expect(parse(text).config).toEqual(config)
  })

  // prettier-ignore
  it.each([
    ['foo: 1\nignored: [DL3008]\n', [".hadolint.yaml:1:1: unknown key 'foo' is ignored"]],
    ['trusted-registries: [x]\n', [".hadolint.yaml:1:1: unknown key 'trusted-registries' is ignored (did you mean 'trustedRegistries'?)"]],
    ['ignored: []\nnofail: true\n', [".hadolint.yaml:2:1: unknown key 'nofail' is ignored (did you mean 'no-fail'?)"]],
    ['ignored: [dl3008, DL3009]\noverride:\n  error: [SC-2086]\n', [
      ".hadolint.yaml:1:11: 'dl3008' in 'ignored' is not a rule code (DLxxxx or SCxxxx) and matches nothing",
      ".hadolint.yaml:3:11: 'SC-2086' in 'override.error' is not a rule code (DLxxxx or SCxxxx) and matches nothing"
    ]]
  ])('unknown keys and codes that match nothing are warnings: %j', (text, warnings) => {
    expect(parse(text).warnings).toEqual(warnings)
  })
})

describe('parseConfigText: malformed files are UserErrors naming file, line and key', () => {
  // prettier-ignore
  it.each([
    ['ignored: [DL3008\n', /^\.hadolint\.yaml:2:1: invalid YAML: .*; fix the YAML syntax$/],
    ['ignored: [DL3008]\n---\nno-fail: true\n', /^\.hadolint\.yaml:2:1: invalid YAML: the file holds several YAML documents \(---\); keep one$/],
    ['no-fail: true\nno-fail: false\n', /^\.hadolint\.yaml:2:1: invalid YAML: Map keys must be unique/],
    ['- DL3008\n', /^\.hadolint\.yaml:1:1: a config file must be a mapping of settings .*, not a list$/],
    ['DL3008\n', /^\.hadolint\.yaml:1:1: a config file must be a mapping .*, not the string 'DL3008'$/],
    ['trustedRegistries: docker.io\n', /^\.hadolint\.yaml:1:20: 'trustedRegistries' must be a list of registries, not the string 'docker\.io'; write it as a list, e\.g\. 'trustedRegistries: \[docker\.io, registry\.example\.com\]'$/],
    ['ignored: DL3008\n', /^\.hadolint\.yaml:1:10: 'ignored' must be a list of rule codes, not the string 'DL3008'; write it as a list, e\.g\. 'ignored: \[DL3008\]'$/],
    ['ignored:\n  - 3008\n', /^\.hadolint\.yaml:2:5: 'ignored\[\]' must be a rule code, not the number 3008$/],
    ['ignored:\n  -\n', /^\.hadolint\.yaml:2:3: 'ignored' has an empty entry; remove it$/],
    ['override: [DL3008]\n', /^\.hadolint\.yaml:1:11: 'override' must map severities to lists of rule codes, not a list/],
    ['override:\n  ignore: [DL3008]\n', /^\.hadolint\.yaml:2:3: 'override\.ignore' is not a severity; use error, warning, info, style; to turn rules off, list them under 'ignored'$/],
    ['override:\n  fatal: [DL3008]\n', /^\.hadolint\.yaml:2:3: 'override\.fatal' is not a severity; use error, warning, info, style$/],
    ['override:\n  error: DL3008\n', /^\.hadolint\.yaml:2:10: 'override\.error' must be a list of rule codes, not the string 'DL3008'$/],
    ['failure-threshold: high\n', /^\.hadolint\.yaml:1:20: 'failure-threshold': unknown failure threshold 'high'; use one of error, warning, info, style, ignore, none$/],
    ['failure-threshold: 3\n', /^\.hadolint\.yaml:1:20: 'failure-threshold' must be one of error, .*, not the number 3$/],
    ['format: xml\n', /^\.hadolint\.yaml:1:9: 'format': unknown output format 'xml'; use one of tty, json, /],
    ['formats: sarif\n', /^\.hadolint\.yaml:1:10: 'formats' must be a list of format names, not the string 'sarif'; e\.g\. 'formats: \[tty, sarif\]' \(or use 'format' for one\)$/],
    ['formats: [tty, junit]\n', /^\.hadolint\.yaml:1:16: 'formats': unknown output format 'junit'/],
    ['label-schema: [maintainer]\n', /^\.hadolint\.yaml:1:15: 'label-schema' must map label names to types/],
    ['label-schema:\n  version: number\n', /^\.hadolint\.yaml:2:12: 'label-schema\.version': unknown label type 'number'; use one of text, url, semver, hash, rfc3339, spdx, email/],
    ['label-schema:\n  version: 1\n', /^\.hadolint\.yaml:2:12: 'label-schema\.version' must be one of text, .*, not the number 1$/],
    ['no-fail: yes\n', /^\.hadolint\.yaml:1:10: 'no-fail' must be true or false, not the string 'yes'$/],
    ['strict-labels: 1\n', /^\.hadolint\.yaml:1:16: 'strict-labels' must be true or false, not the number 1$/],
    ['verbose: [true]\n', /^\.hadolint\.yaml:1:10: 'verbose' must be true or false, not a list$/]
  ])('%j', (text, message) => {
    expect(errorOf(text)).toMatch(message)
  })

  it('error messages are one line', () => {
    expect(errorOf('ignored: [DL3008\nno-fail: [\n')).not.toContain('\n')
  })
})

describe('readConfigFile', () => {
  it('reads a file and names it in errors', () => {
    const dir = scratchDir('config-read')
    const path = join(dir, '.hadolint.yaml')
    writeFileSync(path, 'ignored: [DL3008]\nno-fail: maybe\n')
    expect(() => readConfigFile(path)).toThrow(`${path}:2:10: 'no-fail' must be true or false`)
  })

  it('a missing file is a UserError', () => {
    const dir = scratchDir('config-read')
    expect(() => readConfigFile(join(dir, 'nope.yaml'))).toThrow(UserError)
  })
})

describe('findConfigFile', () => {
  function layout() {
    const root = scratchDir('config-find')
    const cwd = join(root, 'work', 'sub')
    const home = join(root, 'home')
    const xdg = join(root, 'xdg')
    for (const dir of [cwd, home, xdg, join(home, '.config'), join(home, '.hadolint')]) {
      mkdirSync(dir, { recursive: true })
    }
    return { root, cwd, home, xdg }
  }

  it('looks in hadolint order and takes the first that exists', () => {
    const { root, cwd, home, xdg } = layout()
    const order = [
      join(cwd, '.hadolint.yaml'),
      join(cwd, '.hadolint.yml'),
      join(xdg, 'hadolint.yaml'),
      join(xdg, 'hadolint.yml'),
      join(home, '.hadolint', 'hadolint.yaml'),
      join(home, '.hadolint', 'hadolint.yml'),
      join(home, '.hadolint', 'config.yaml'),
      join(home, '.hadolint', 'config.yml'),
      join(home, '.hadolint.yaml'),
      join(home, '.hadolint.yml')
    ]
    const lookup = { cwd, home, env: { XDG_CONFIG_HOME: xdg }, platform: 'linux' as const }
    expect(configCandidates(lookup)).toEqual(order)
    expect(findConfigFile(lookup)).toBeUndefined()
    // Create them from last to first: each new one wins.
    for (const path of [...order].reverse()) {
      writeFileSync(path, '')
      expect(findConfigFile(lookup)).toBe(path)
    }
    // A parent directory's file is not found: no walk up.
    expect(configCandidates(lookup)).not.toContain(join(root, 'work', '.hadolint.yaml'))
  })

  // prettier-ignore
  it.each([
    [{}, '.config'],
    [{ XDG_CONFIG_HOME: '' }, '.config'],
    [{ XDG_CONFIG_HOME: 'relative/dir' }, '.config']
  ])('XDG_CONFIG_HOME %j falls back to ~/%s', (env, folder) => {
    const lookup = { cwd: '/w', home: '/h', env, platform: 'linux' as const }
    expect(configCandidates(lookup)[2]).toBe(join('/h', folder, 'hadolint.yaml'))
  })

  it('skips a directory with a config file name', () => {
    const { cwd, home } = layout()
    mkdirSync(join(cwd, '.hadolint.yaml'))
    writeFileSync(join(cwd, '.hadolint.yml'), '')
    expect(findConfigFile({ cwd, home, env: {} })).toBe(join(cwd, '.hadolint.yml'))
  })

  it('an explicit path wins, relative to cwd', () => {
    const { cwd, home } = layout()
    writeFileSync(join(cwd, '.hadolint.yaml'), '')
    writeFileSync(join(cwd, 'lint.yaml'), '')
    expect(findConfigFile({ explicit: 'lint.yaml', cwd, home, env: {} })).toBe(
      join(cwd, 'lint.yaml')
    )
  })

  it('an explicit path that does not exist is a UserError', () => {
    const { cwd, home } = layout()
    writeFileSync(join(cwd, '.hadolint.yaml'), '')
    expect(() => findConfigFile({ explicit: 'missing.yaml', cwd, home, env: {} })).toThrow(
      /^config file 'missing\.yaml' does not exist \(looked for .*missing\.yaml\); fix the path/
    )
    expect(() => findConfigFile({ explicit: '.', cwd, home, env: {} })).toThrow(
      "config file '.' is a directory"
    )
  })
})
