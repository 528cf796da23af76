import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { version } from '../../../../src/version.js'
import {
  artifactLocation,
  formatFindings,
  sarifLevel,
  sarifSchema
} from '../../../../src/lint/formats/index.js'
import type { FormatOptions } from '../../../../src/lint/formats/types.js'
import { error, info, options, parseError, special, style, warning } from './support.js'

interface SarifLog {
  $schema: string
  version: string
  runs: Array<{
    tool: {
      driver: {
        name: string
        version: string
        rules: Array<{
          id: string
          shortDescription: { text: string }
          helpUri: string
          help: { text: string; markdown: string }
          defaultConfiguration: { level: string }
        }>
      }
    }
    results: Array<{
      ruleId: string
      ruleIndex: number
      level: string
      message: { text: string }
      locations: Array<{
        physicalLocation: {
          artifactLocation: { uri: string; uriBaseId?: string }
          region: { startLine: number; startColumn: number }
        }
      }>
    }>
  }>
}

const describeRule: FormatOptions['describe'] = (code) =>
  code === 'DL3006'
    ? {
        message: 'Tag the base image with a version',
        url: 'https://github.com/hadolint/hadolint/wiki/DL3006',
        severity: 'warning'
      }
    : undefined

function sarif(findings: Parameters<typeof formatFindings>[1], extra: Partial<FormatOptions> = {}) {
  return JSON.parse(
    formatFindings('sarif', findings, { ...options, describe: describeRule, ...extra })
  ) as SarifLog
}

describe('sarif', () => {
  it('is a SARIF 2.1.0 log with one run', () => {
    const log = sarif([])
    expect(log.$schema).toBe(sarifSchema)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    expect(log.runs[0]?.tool.driver).toMatchObject({ name: 'runnerkit', version, rules: [] })
    expect(log.runs[0]?.results).toEqual([])
  })

  it('carries rule metadata and results that point at their rule', () => {
    const log = sarif([warning, info, error, style, parseError, { ...warning, line: 9 }])
    const run = log.runs[0]!
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'DL1000',
      'DL3002',
      'DL3006',
      'DL3008',
      'SC2086'
    ])
    expect(run.tool.driver.rules[2]).toEqual({
      id: 'DL3006',
      shortDescription: { text: 'Tag the base image with a version' },
      fullDescription: { text: 'Tag the base image with a version' },
      helpUri: 'https://github.com/hadolint/hadolint/wiki/DL3006',
      help: {
        text: 'Tag the base image with a version\nhttps://github.com/hadolint/hadolint/wiki/DL3006',
        markdown:
          'Tag the base image with a version\n\n[DL3006](https://github.com/hadolint/hadolint/wiki/DL3006)'
      },
      defaultConfiguration: { level: 'warning' }
    })
    // Without a description from the caller: the finding's message and the wiki or ShellCheck link.
    expect(run.tool.driver.rules[4]).toMatchObject({
      id: 'SC2086',
      shortDescription: { text: style.message },
      helpUri: 'https://www.shellcheck.net/wiki/SC2086',
      defaultConfiguration: { level: 'note' }
    })
    expect(run.tool.driver.rules[0]?.shortDescription.text).toBe('The Dockerfile does not parse')
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId)
    }
    expect(run.results[0]).toEqual({
      ruleId: 'DL3006',
      ruleIndex: 2,
      level: 'warning',
      message: { text: warning.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 1, sourceLanguage: 'dockerfile' }
          }
        }
      ]
    })
    expect(run.results.map((result) => result.level)).toEqual([
      'warning',
      'note',
      'error',
      'note',
      'error',
      'warning'
    ])
    expect(run.results[4]?.locations[0]?.physicalLocation.region).toMatchObject({
      startLine: 2,
      startColumn: 5
    })
  })

  it('meets code scanning basics: every result has a message, a relative location and a line', () => {
    const log = sarif([warning, info, error, style, parseError, special])
    for (const result of log.runs[0]!.results) {
      expect(result.message.text).not.toBe('')
      const location = result.locations[0]!.physicalLocation
      expect(location.artifactLocation.uriBaseId).toBe('%SRCROOT%')
      expect(location.artifactLocation.uri).not.toMatch(/^(\/|[a-z]+:)/)
      expect(location.region.startLine).toBeGreaterThanOrEqual(1)
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1)
    }
    const levels = log.runs[0]!.tool.driver.rules.map((rule) => rule.defaultConfiguration.level)
    for (const level of levels) expect(['error', 'warning', 'note']).toContain(level)
  })

  it('escapes special characters and round-trips', () => {
    const log = sarif([special])
    expect(log.runs[0]?.results[0]?.message.text).toBe(special.message)
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "dir%20with%20space/Dockerfile's"
    )
  })

  // prettier-ignore
  it.each([
    ['Dockerfile', '/work/repo', undefined, { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['./images/base/Dockerfile', '/work/repo', undefined, { uri: 'images/base/Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['/work/repo/images/Dockerfile', '/work/repo', undefined, { uri: 'images/Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['Dockerfile', '/work/repo', '/work/repo/images/base', { uri: 'images/base/Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['../Dockerfile', '/work/repo', '/work/repo/images', { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['a b/c#d?e%f:g[h].Dockerfile', '/work/repo', undefined, { uri: 'a%20b/c%23d%3Fe%25f%3Ag%5Bh%5D.Dockerfile', uriBaseId: '%SRCROOT%' }],
    ['/elsewhere/Dockerfile', '/work/repo', undefined, { uri: 'file:///elsewhere/Dockerfile' }],
    ['../other/Dockerfile', '/work/repo', undefined, { uri: 'file:///work/other/Dockerfile' }],
    ['/work/repository/Dockerfile', '/work/repo', undefined, { uri: 'file:///work/repository/Dockerfile' }]
  ])('artifactLocation(%j, %j, %j) → %j', (file, workspace, cwd, expected) => {
    expect(artifactLocation(file, workspace, cwd)).toEqual(expected)
  })

  it('uses the cwd option for relative paths', () => {
    const log = sarif([warning], { cwd: join('/work/repo', 'images') })
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'images/Dockerfile'
    )
  })

  // prettier-ignore
  it.each([
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'note'],
    ['style', 'note']
  ] as const)('level of %s is %s', (severity, level) => {
    expect(sarifLevel(severity)).toBe(level)
  })
})
