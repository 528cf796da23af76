import { describe, expect, it } from '@jest/globals'
import { mergeConfigs } from '../../../../src/lint/config/merge.js'
import { resolveConfig } from '../../../../src/lint/config/resolve.js'
import type { PartialConfig } from '../../../../src/lint/config/types.js'

describe('mergeConfigs(env, file, cli)', () => {
  // prettier-ignore
  it.each<[string, PartialConfig, PartialConfig, PartialConfig, PartialConfig]>([
    ['nothing', {}, {}, {}, {}],
    ['CLI beats file beats env', { noFail: true }, { noFail: false }, {}, { noFail: false }],
    ['CLI false beats file true', {}, { noColor: true }, { noColor: false }, { noColor: false }],
    ['env when nobody else', { verbose: true }, {}, {}, { verbose: true }],
    ['threshold', { failureThreshold: 'error' }, { failureThreshold: 'style' }, { failureThreshold: 'none' }, { failureThreshold: 'none' }],
    ['threshold from file', { failureThreshold: 'error' }, { failureThreshold: 'style' }, {}, { failureThreshold: 'style' }],
    ['strict labels and pragmas', { strictLabels: true, disableIgnorePragma: true }, { strictLabels: false }, {}, { strictLabels: false, disableIgnorePragma: true }],
    // --ignore adds to the file's `ignored`
    ['ignored concatenates', { ignored: ['DL1'] }, { ignored: ['DL2'] }, { ignored: ['DL3'] }, { ignored: ['DL1', 'DL2', 'DL3'] }],
    ['formats concatenate', { formats: ['json'] }, { formats: ['tty'] }, { formats: ['sarif'] }, { formats: ['json', 'tty', 'sarif'] }],
    ['trusted registries concatenate', { trustedRegistries: ['a'] }, {}, { trustedRegistries: ['b'] }, { trustedRegistries: ['a', 'b'] }],
    [
      'overrides concatenate per severity',
      { override: { error: ['DL1'] } },
      { override: { error: ['DL2'], style: ['DL4'] } },
      { override: { warning: ['DL3'] } },
      { override: { error: ['DL1', 'DL2'], warning: ['DL3'], style: ['DL4'] } }
    ],
    [
      'label schema: union, env wins a clash',
      { labelSchema: { a: 'url' } },
      { labelSchema: { a: 'text', b: 'semver' } },
      { labelSchema: { b: 'email', c: 'hash' } },
      { labelSchema: { a: 'url', b: 'semver', c: 'hash' } }
    ]
  ])('%s', (_name, env, file, cli, merged) => {
    expect(mergeConfigs(env, file, cli)).toEqual(merged)
  })
})

describe('resolveConfig', () => {
  it('fills in hadolint defaults', () => {
    expect(resolveConfig({})).toEqual({
      settings: {
        ignored: new Set(),
        overrides: new Map(),
        disableIgnorePragma: false,
        trustedRegistries: [],
        labelSchema: {},
        strictLabels: false
      },
      failureThreshold: 'info',
      noFail: false,
      noColor: false,
      verbose: false,
      formats: ['tty']
    })
  })

  it('carries every setting', () => {
    const resolved = resolveConfig({
      ignored: ['DL3008', 'DL3008'],
      trustedRegistries: ['docker.io', 'docker.io', 'ghcr.io'],
      labelSchema: { version: 'semver' },
      strictLabels: true,
      disableIgnorePragma: true,
      failureThreshold: 'warning',
      noFail: true,
      noColor: true,
      verbose: true,
      formats: ['json', 'sarif', 'json']
    })
    expect(resolved.settings.ignored).toEqual(new Set(['DL3008']))
    expect(resolved.settings.trustedRegistries).toEqual(['docker.io', 'ghcr.io'])
    expect(resolved.settings.labelSchema).toEqual({ version: 'semver' })
    expect(resolved.settings.strictLabels).toBe(true)
    expect(resolved.settings.disableIgnorePragma).toBe(true)
    expect(resolved).toMatchObject({
      failureThreshold: 'warning',
      noFail: true,
      noColor: true,
      verbose: true,
      formats: ['json', 'sarif']
    })
  })

  // prettier-ignore
  it.each([
    ['none', 'ignore'],
    ['ignore', 'ignore'],
    ['style', 'style'],
    ['error', 'error']
  ] as const)('failure-threshold %s → %s', (threshold, severity) => {
    expect(resolveConfig({ failureThreshold: threshold }).failureThreshold).toBe(severity)
  })

  it('overrides: error > warning > info > style whatever the listing order', () => {
    const { settings } = resolveConfig({
      override: {
        style: ['DL1', 'DL2', 'DL3', 'DL4'],
        info: ['DL1', 'DL2', 'DL3'],
        warning: ['DL2', 'DL1'],
        error: ['DL1']
      }
    })
    expect(settings.overrides).toEqual(
      new Map([
        ['DL1', 'error'],
        ['DL2', 'warning'],
        ['DL3', 'info'],
        ['DL4', 'style']
      ])
    )
  })

  it('env, file and CLI together', () => {
    const env: PartialConfig = { formats: ['json'], ignored: ['DL3008'] }
    const file: PartialConfig = { ignored: ['DL3009'], override: { warning: ['DL3015'] } }
    const cli: PartialConfig = {
      ignored: ['DL3010'],
      override: { error: ['DL3015'] },
      noFail: true
    }
    const resolved = resolveConfig(mergeConfigs(env, file, cli))
    expect([...resolved.settings.ignored]).toEqual(['DL3008', 'DL3009', 'DL3010'])
    expect(resolved.settings.overrides.get('DL3015')).toBe('error')
    expect(resolved.formats).toEqual(['json'])
    expect(resolved.noFail).toBe(true)
  })
})
