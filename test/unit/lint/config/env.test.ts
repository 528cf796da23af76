import { describe, expect, it } from '@jest/globals'
import { configFromEnv, parseEnvFlag } from '../../../../src/lint/config/env.js'
import { UserError } from '../../../../src/errors.js'

describe('configFromEnv', () => {
  // prettier-ignore
  it.each([
    [{}, {}],
    [{ HADOLINT_NOFAIL: '1' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'Y' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'On' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'TRUE' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'yes' }, { noFail: true }],
    [{ HADOLINT_NOFAIL: 'false' }, { noFail: false }],
    [{ HADOLINT_NOFAIL: '' }, { noFail: false }], // hadolint-action sets it even when unset
    [{ HADOLINT_VERBOSE: 'true' }, { verbose: true }],
    [{ HADOLINT_STRICT_LABELS: 'on' }, { strictLabels: true }],
    [{ HADOLINT_DISABLE_IGNORE_PRAGMA: '1' }, { disableIgnorePragma: true }],
    [{ NO_COLOR: '1' }, { noColor: true }],
    [{ NO_COLOR: '' }, { noColor: true }], // presence is enough
    [{ NO_COLOR: 'false' }, { noColor: true }],
    [{ HADOLINT_FORMAT: 'json' }, { formats: ['json'] }],
    [{ HADOLINT_FORMAT: 'sarif, tty' }, { formats: ['sarif', 'tty'] }],
    [{ HADOLINT_FORMAT: '' }, {}],
    [{ HADOLINT_FAILURE_THRESHOLD: 'error' }, { failureThreshold: 'error' }],
    [{ HADOLINT_FAILURE_THRESHOLD: 'none' }, { failureThreshold: 'none' }],
    [{ HADOLINT_FAILURE_THRESHOLD: '' }, {}],
    [{ HADOLINT_OVERRIDE_ERROR: 'DL3001,DL3002' }, { override: { error: ['DL3001', 'DL3002'] } }],
    [{ HADOLINT_OVERRIDE_WARNING: 'DL3001' }, { override: { warning: ['DL3001'] } }],
    [{ HADOLINT_OVERRIDE_INFO: 'DL3001' }, { override: { info: ['DL3001'] } }],
    [
      { HADOLINT_OVERRIDE_STYLE: 'DL3001', HADOLINT_OVERRIDE_ERROR: 'DL3002' },
      { override: { error: ['DL3002'], style: ['DL3001'] } }
    ],
    [{ HADOLINT_IGNORE: 'DL3008, DL3009,,' }, { ignored: ['DL3008', 'DL3009'] }],
    [{ HADOLINT_IGNORE: '' }, {}],
    [{ HADOLINT_TRUSTED_REGISTRIES: 'docker.io,*.example.com' }, { trustedRegistries: ['docker.io', '*.example.com'] }],
    [
      { HADOLINT_REQUIRE_LABELS: 'maintainer:text, version:semver,created:rfc3339,plain' },
      { labelSchema: { maintainer: 'text', version: 'semver', created: 'rfc3339', plain: 'text' } }
    ],
    [{ HADOLINT_REQUIRE_LABELS: 'a:url,a:email' }, { labelSchema: { a: 'email' } }],
    [{ HADOLINT_CONFIG: 'x.yaml', PATH: '/bin' }, {}] // not hadolint's variables
  ])('%j → %j', (env, config) => {
    expect(configFromEnv(env)).toEqual(config)
  })

  // prettier-ignore
  it.each([
    [{ HADOLINT_NOFAIL: 'maybe' }, "HADOLINT_NOFAIL: 'maybe' is not a boolean; use one of 1, y, on, true, yes for true or 0, n, off, false, no (or empty) for false"],
    [{ HADOLINT_VERBOSE: 'ture' }, "HADOLINT_VERBOSE: 'ture' is not a boolean"],
    [{ HADOLINT_FORMAT: 'json,xml' }, "HADOLINT_FORMAT: unknown output format 'xml'; use one of tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif"],
    [{ HADOLINT_FAILURE_THRESHOLD: 'high' }, "HADOLINT_FAILURE_THRESHOLD: unknown failure threshold 'high'; use one of error, warning, info, style, ignore, none"],
    [{ HADOLINT_REQUIRE_LABELS: 'version:number' }, "HADOLINT_REQUIRE_LABELS: unknown label type 'number'; use one of text, url, semver, hash, rfc3339, spdx, email"],
    [{ HADOLINT_REQUIRE_LABELS: ':semver' }, "HADOLINT_REQUIRE_LABELS: ':semver' has no label name; write name:type, e.g. version:semver"]
  ])('%j is a UserError naming the variable', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(UserError)
    expect(() => configFromEnv(env)).toThrow(message)
  })

  it('parseEnvFlag: unset stays unset', () => {
    expect(parseEnvFlag('X', undefined)).toBeUndefined()
  })
})
