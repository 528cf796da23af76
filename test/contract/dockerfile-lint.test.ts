/**
 * dockerfile-lint's committed bundle, run the way the runner runs it, over workspaces filled
 * with Dockerfiles. ShellCheck is off (the contract tier needs nothing but Node); the e2e tier
 * covers it with the real binary.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import type { WorkflowCommand } from '../helpers/workflow-commands.js'

/** One finding of each severity, on known lines. */
const mixed = [
  'FROM debian:12',
  'MAINTAINER me', // 2: DL4000 error
  'RUN cd /tmp && echo hi', // 3: DL3003 warning
  'RUN apt-get update && apt-get install -y curl=7.88 && rm -rf /var/lib/apt/lists/*', // 4: DL3015 info
  'LABEL Foo=bar', // 5: DL3048 style
  ''
].join('\n')
const warningOnly = 'FROM debian:12\nRUN cd /tmp && echo hi\n' // 2: DL3003
const styleOnly = 'FROM debian:12\nLABEL Foo=bar\n' // 2: DL3048
const clean = 'FROM debian:12\nCMD ["true"]\n'
const unparsable = 'FROM debian:12\n  COPY --bogus a b\n' // 2:8 DL1000

let home: string

beforeAll(() => {
  // Config lookup falls back to the home folder: keep the developer's own files out.
  home = scratchDir('lint-home')
})

interface LintRun extends ActionRun {
  workspace: string
}

async function lint(
  files: Record<string, string>,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {}
): Promise<LintRun> {
  const workspace = scratchDir('lint-ws')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), text)
  }
  const run = await runAction('dockerfile-lint', {
    workspace,
    inputs: { shellcheck: 'off', ...inputs },
    env: { HOME: home, ...env }
  })
  return { ...run, workspace }
}

interface Annotation {
  level: string
  code: string
  file: string
  line: number
  col: number
}

/** The finding annotations (those with a rule as title), in the order they were printed. */
function annotations(run: ActionRun): Annotation[] {
  return run.commands
    .filter((command) => ['error', 'warning', 'notice'].includes(command.command))
    .filter((command) => command.properties.title !== undefined)
    .map((command) => ({
      level: command.command,
      code: command.properties.title ?? '',
      file: command.properties.file ?? '',
      line: Number(command.properties.line),
      col: Number(command.properties.col)
    }))
}

const codes = (run: ActionRun) => annotations(run).map((annotation) => annotation.code)
const filesIn = (run: ActionRun) => [...new Set(annotations(run).map((entry) => entry.file))]

/** The ::error:: lines that are not findings: setFailed's and user errors. */
const failures = (run: ActionRun) => run.errors.filter((command) => !command.properties.title)

interface JsonFinding {
  code: string
  column: number
  file: string
  level: string
  line: number
  message: string
}

const jsonResults = (run: ActionRun) => JSON.parse(run.outputs.results ?? 'null') as JsonFinding[]

describe('dockerfile-lint: which files are linted', () => {
  it('lints ./Dockerfile by default, and nothing else', async () => {
    const run = await lint({ Dockerfile: warningOnly, 'sub/Dockerfile': mixed })
    expect(filesIn(run)).toEqual(['Dockerfile'])
    expect(codes(run)).toEqual(['DL3003'])
    expect(run.summary).toContain('#### Dockerfile')
    expect(run.summary).not.toContain('sub/Dockerfile')
  })

  it('takes several files as a comma list and as lines with # comments', async () => {
    const files = { 'a/Dockerfile': warningOnly, 'b.Dockerfile': styleOnly, Dockerfile: mixed }
    const commas = await lint(files, { dockerfile: 'a/Dockerfile, b.Dockerfile' })
    expect(filesIn(commas)).toEqual(['a/Dockerfile', 'b.Dockerfile'])

    const lines = await lint(files, {
      dockerfile: '# the runner image\na/Dockerfile\n\nb.Dockerfile\n'
    })
    expect(lines.exitCode).toBe(1)
    expect(failures(lines)).toHaveLength(1) // the threshold, not a missing '# the runner image'
    expect(filesIn(lines)).toEqual(['a/Dockerfile', 'b.Dockerfile'])
  })

  it('searches a folder for Dockerfile names only, skipping node_modules', async () => {
    const run = await lint(
      {
        'images/runner/Dockerfile': warningOnly,
        'images/rootless/Containerfile': warningOnly,
        'images/tools.Dockerfile': warningOnly,
        'images/Dockerfile.dev': warningOnly,
        'images/Dockerfile.dockerignore': 'node_modules\n',
        'images/README.md': '# images\n',
        'images/entrypoint.sh': 'cd /tmp\n',
        'images/node_modules/pkg/Dockerfile': warningOnly,
        'elsewhere/Dockerfile': warningOnly
      },
      { dockerfile: 'images', format: 'json' }
    )
    expect(jsonResults(run).map((finding) => finding.file)).toEqual([
      'images/Dockerfile.dev',
      'images/rootless/Containerfile',
      'images/runner/Dockerfile',
      'images/tools.Dockerfile'
    ])
  })

  it('expands ** globs', async () => {
    const run = await lint(
      {
        'images/Dockerfile': warningOnly,
        'images/a/Dockerfile': warningOnly,
        'images/a/b/Dockerfile': warningOnly,
        'images/a/Containerfile': warningOnly,
        'other/Dockerfile': warningOnly
      },
      { dockerfile: 'images/**/Dockerfile', format: 'json' }
    )
    expect(jsonResults(run).map((finding) => finding.file)).toEqual([
      'images/a/b/Dockerfile',
      'images/a/Dockerfile',
      'images/Dockerfile'
    ])
  })

  it('with recursive: true, finds the name in every folder, the root included (hadolint-action)', async () => {
    const run = await lint(
      {
        Dockerfile: warningOnly,
        'a/Dockerfile': warningOnly,
        'b/c/Dockerfile': warningOnly,
        'b/c/Dockerfile.dev': warningOnly,
        'node_modules/x/Dockerfile': warningOnly
      },
      { recursive: 'true', format: 'json' }
    )
    expect(run.exitCode).toBe(1)
    expect(
      jsonResults(run)
        .map((finding) => finding.file)
        .sort()
    ).toEqual(['Dockerfile', 'a/Dockerfile', 'b/c/Dockerfile'])
  })

  it('without recursive, a name that is not there is an error naming it', async () => {
    const run = await lint({ 'a/Dockerfile': warningOnly })
    expect(run.exitCode).toBe(1)
    expect(failures(run)).toHaveLength(1)
    expect(failures(run)[0]?.message).toMatch(/^'Dockerfile' does not exist; /)
    expect(annotations(run)).toEqual([])
  })

  it('fails with one line naming a missing file or an empty glob, and lints nothing', async () => {
    for (const missing of ['nope/Dockerfile', 'nope/**/Dockerfile']) {
      const run = await lint({ Dockerfile: mixed }, { dockerfile: `Dockerfile\n${missing}` })
      expect(run.exitCode).toBe(1)
      expect(run.errors).toHaveLength(1)
      const message = run.errors[0]?.message ?? ''
      expect(message).toContain(`'${missing}'`)
      expect(message).not.toContain('\n')
      expect(message).not.toContain('internal error')
      expect(run.outputs).toEqual({})
    }
  })
})

describe('dockerfile-lint: annotations', () => {
  it('turns every finding into an annotation at its file, line and column, by severity', async () => {
    const run = await lint(
      { Dockerfile: mixed, 'broken.Dockerfile': unparsable },
      { dockerfile: 'Dockerfile, broken.Dockerfile' }
    )
    expect(annotations(run)).toEqual([
      { level: 'error', code: 'DL4000', file: 'Dockerfile', line: 2, col: 1 },
      { level: 'warning', code: 'DL3003', file: 'Dockerfile', line: 3, col: 1 },
      { level: 'notice', code: 'DL3015', file: 'Dockerfile', line: 4, col: 1 },
      { level: 'notice', code: 'DL3048', file: 'Dockerfile', line: 5, col: 1 },
      { level: 'error', code: 'DL1000', file: 'broken.Dockerfile', line: 2, col: 8 }
    ])
    const dl1000 = run.errors.find((command) => command.properties.title === 'DL1000')
    expect(dl1000?.message).toBe('DL1000: COPY does not accept the flag --bogus')
    // ShellCheck off: said once, as a notice without a rule.
    const notes = run.notices.filter((command) => !command.properties.title)
    expect(notes).toHaveLength(1)
    expect(notes[0]?.message).toMatch(/ShellCheck is off/)
  })
})

describe('dockerfile-lint: outputs', () => {
  it('gives the report, the counts, failed, and HADOLINT_RESULTS', async () => {
    const run = await lint({ Dockerfile: mixed })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.results?.split('\n')).toEqual([
      'Dockerfile:2 DL4000 error: MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors="<name or email>" instead',
      'Dockerfile:3 DL3003 warning: Use WORKDIR to change directory instead of cd in RUN',
      'Dockerfile:4 DL3015 info: Add --no-install-recommends to apt-get install so only the packages you asked for are installed',
      "Dockerfile:5 DL3048 style: Use a lower-case, reverse-DNS style label key (com.example.name) outside Docker's reserved namespaces",
      ''
    ])
    expect(JSON.parse(run.outputs.counts ?? 'null')).toEqual({
      error: 1,
      warning: 1,
      info: 1,
      style: 1,
      total: 4
    })
    expect(run.outputs.failed).toBe('true')
    expect(run.outputs['sarif-file']).toBeUndefined()
    expect(run.env.HADOLINT_RESULTS).toBe(run.outputs.results)
    // The log is coloured; the output never is.
    expect(run.stdout).toContain('\x1b[')
    expect(run.outputs.results).not.toContain('\x1b')
  })

  it('prints no colours with no-color', async () => {
    const run = await lint({ Dockerfile: mixed }, { 'no-color': 'true' })
    expect(run.stdout).not.toContain('\x1b')
    expect(run.stdout).toContain('Dockerfile:3 DL3003 warning:')
  })

  it('gives a clean run zero counts and failed false', async () => {
    const run = await lint({ Dockerfile: clean })
    expect(run.exitCode).toBe(0)
    expect(run.errors).toEqual([])
    expect(run.outputs.results).toBe('')
    expect(JSON.parse(run.outputs.counts ?? 'null')).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      style: 0,
      total: 0
    })
    expect(run.outputs.failed).toBe('false')
  })

  it('writes a SARIF file with rules and workspace-relative locations, creating its folder', async () => {
    const run = await lint(
      { 'images/runner/Dockerfile': mixed },
      { dockerfile: 'images/runner/Dockerfile', 'sarif-file': 'results/lint.sarif' }
    )
    expect(run.outputs['sarif-file']).toBe('results/lint.sarif')
    const path = join(run.workspace, 'results/lint.sarif')
    const sarif = JSON.parse(readFileSync(path, 'utf8')) as {
      version: string
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string }> } }
        results: Array<{
          ruleId: string
          ruleIndex: number
          level: string
          locations: Array<{
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId?: string }
              region: { startLine: number; startColumn: number }
            }
          }>
        }>
      }>
    }
    expect(sarif.version).toBe('2.1.0')
    const [only] = sarif.runs
    expect(only?.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'DL3003',
      'DL3015',
      'DL3048',
      'DL4000'
    ])
    expect(only?.tool.driver.rules[0]?.helpUri).toBe(
      'https://github.com/hadolint/hadolint/wiki/DL3003'
    )
    expect(only?.results.map((result) => [result.ruleId, result.level, result.ruleIndex])).toEqual([
      ['DL4000', 'error', 3],
      ['DL3003', 'warning', 0],
      ['DL3015', 'note', 1],
      ['DL3048', 'note', 2]
    ])
    for (const result of only?.results ?? []) {
      expect(result.locations[0]?.physicalLocation.artifactLocation).toEqual({
        uri: 'images/runner/Dockerfile',
        uriBaseId: '%SRCROOT%'
      })
    }
    expect(only?.results[1]?.locations[0]?.physicalLocation.region).toMatchObject({
      startLine: 3,
      startColumn: 1
    })
    // The report itself stays tty: sarif-file is an extra.
    expect(run.outputs.results).toMatch(/^images\/runner\/Dockerfile:2 DL4000 error:/)
  })

  it('gives the report in the chosen format, also in output-file', async () => {
    const run = await lint(
      { Dockerfile: mixed },
      { format: 'json', 'output-file': 'reports/hadolint.json' }
    )
    const findings = jsonResults(run)
    expect(findings.map((finding) => [finding.code, finding.level, finding.line])).toEqual([
      ['DL4000', 'error', 2],
      ['DL3003', 'warning', 3],
      ['DL3015', 'info', 4],
      ['DL3048', 'style', 5]
    ])
    expect(Object.keys(findings[0] ?? {})).toEqual([
      'code',
      'column',
      'file',
      'level',
      'line',
      'message'
    ])
    expect(readFileSync(join(run.workspace, 'reports/hadolint.json'), 'utf8')).toBe(
      run.outputs.results
    )
    expect(run.env.HADOLINT_RESULTS).toBe(run.outputs.results)
    // Annotations whatever the format.
    expect(codes(run)).toEqual(['DL4000', 'DL3003', 'DL3015', 'DL3048'])
  })

  it('rejects an unknown format with one line naming the input', async () => {
    const run = await lint({ Dockerfile: mixed }, { format: 'yaml' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toMatch(/^input 'format': unknown output format 'yaml'/)
    expect(run.outputs).toEqual({})
  })
})

describe('dockerfile-lint: failing the step', () => {
  it('passes style-only findings at the default threshold (info)', async () => {
    const run = await lint({ Dockerfile: styleOnly })
    expect(run.exitCode).toBe(0)
    expect(failures(run)).toEqual([])
    expect(run.outputs.failed).toBe('false')
    expect(codes(run)).toEqual(['DL3048'])
  })

  it('fails style-only findings at threshold style', async () => {
    const run = await lint({ Dockerfile: styleOnly }, { 'failure-threshold': 'style' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.failed).toBe('true')
    expect(failures(run)).toHaveLength(1)
    expect(failures(run)[0]?.message).toMatch(/failure-threshold style/)
  })

  it('fails warnings by default and passes them at threshold error', async () => {
    const byDefault = await lint({ Dockerfile: warningOnly })
    expect(byDefault.exitCode).toBe(1)
    expect(failures(byDefault)).toHaveLength(1)
    expect(failures(byDefault)[0]?.message).toBe(
      '1 finding(s); failing at failure-threshold info (set no-fail: true or raise the threshold to pass)'
    )

    const atError = await lint({ Dockerfile: warningOnly }, { 'failure-threshold': 'error' })
    expect(atError.exitCode).toBe(0)
    expect(atError.outputs.failed).toBe('false')
    expect(failures(atError)).toEqual([])
    expect(annotations(atError)).toEqual([
      { level: 'warning', code: 'DL3003', file: 'Dockerfile', line: 2, col: 1 }
    ])

    const stillFails = await lint({ Dockerfile: mixed }, { 'failure-threshold': 'error' })
    expect(stillFails.exitCode).toBe(1)
  })

  it('with no-fail passes but still says failed and annotates', async () => {
    const run = await lint({ Dockerfile: mixed }, { 'no-fail': 'true' })
    expect(run.exitCode).toBe(0)
    expect(failures(run)).toEqual([])
    expect(run.outputs.failed).toBe('true')
    expect(codes(run)).toEqual(['DL4000', 'DL3003', 'DL3015', 'DL3048'])
  })

  it('reports an unparsable file as DL1000, lints the others, and fails unless no-fail', async () => {
    const files = { 'a/Dockerfile': unparsable, 'b/Dockerfile': warningOnly }
    const inputs = { dockerfile: 'a/Dockerfile,b/Dockerfile', 'failure-threshold': 'error' }
    const run = await lint(files, inputs)
    expect(annotations(run)).toEqual([
      { level: 'error', code: 'DL1000', file: 'a/Dockerfile', line: 2, col: 8 },
      { level: 'warning', code: 'DL3003', file: 'b/Dockerfile', line: 2, col: 1 }
    ])
    expect(run.exitCode).toBe(1)
    expect(run.outputs.failed).toBe('true')

    const noFail = await lint(files, { ...inputs, 'no-fail': 'true' })
    expect(noFail.exitCode).toBe(0)
    expect(noFail.outputs.failed).toBe('true')
    expect(codes(noFail)).toEqual(['DL1000', 'DL3003'])
  })

  it('rejects an unknown threshold with one line naming the input', async () => {
    const run = await lint({ Dockerfile: mixed }, { 'failure-threshold': 'warn' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toMatch(/^input 'failure-threshold': unknown failure threshold/)
  })
})

describe('dockerfile-lint: rule inputs', () => {
  it('moves rules between severities with override-*', async () => {
    const run = await lint(
      { Dockerfile: mixed },
      {
        'override-error': 'DL3003',
        'override-warning': 'DL3048',
        'override-info': '# demoted for now\nDL4000',
        'override-style': 'DL3015'
      }
    )
    expect(annotations(run).map(({ level, code }) => [code, level])).toEqual([
      ['DL4000', 'notice'],
      ['DL3003', 'error'],
      ['DL3015', 'notice'],
      ['DL3048', 'warning']
    ])
    expect(JSON.parse(run.outputs.counts ?? 'null')).toMatchObject({
      error: 1,
      warning: 1,
      info: 1,
      style: 1
    })
  })

  it('drops rules listed in ignore', async () => {
    const run = await lint({ Dockerfile: mixed }, { ignore: 'DL3003, DL4000\nDL3015' })
    expect(codes(run)).toEqual(['DL3048'])
    expect(run.exitCode).toBe(0)
  })

  it('checks FROM registries against trusted-registries', async () => {
    const dockerfile = [
      'FROM docker.io/library/debian:12 AS base',
      'FROM ghcr.io/acme/base:1.2',
      'COPY --from=base /etc/os-release /tmp/',
      ''
    ].join('\n')
    const untrusted = await lint({ Dockerfile: dockerfile }, { 'trusted-registries': 'ghcr.io' })
    expect(annotations(untrusted)).toContainEqual({
      level: 'error',
      code: 'DL3026',
      file: 'Dockerfile',
      line: 1,
      col: 1
    })
    expect(codes(untrusted).filter((code) => code === 'DL3026')).toHaveLength(1)

    const bothTrusted = await lint(
      { Dockerfile: dockerfile },
      { 'trusted-registries': 'ghcr.io\ndocker.io' }
    )
    expect(codes(bothTrusted)).not.toContain('DL3026')
    const noList = await lint({ Dockerfile: dockerfile })
    expect(codes(noList)).not.toContain('DL3026')
  })

  it('requires labels with require-labels and reports others with strict-labels', async () => {
    const dockerfile = 'FROM debian:12\nLABEL team=infra\nCMD ["true"]\n'
    const inputs = { 'require-labels': 'org.opencontainers.image.source:url, team' }
    const required = await lint({ Dockerfile: dockerfile }, inputs)
    expect(annotations(required).map(({ code, level, line }) => [code, level, line])).toEqual([
      ['DL3049', 'notice', 1]
    ])
    expect(codes(await lint({ Dockerfile: dockerfile }))).toEqual([])

    const strict = await lint(
      {
        Dockerfile:
          'FROM debian:12\nLABEL org.opencontainers.image.source=https://x.example team=infra extra=1\n'
      },
      { ...inputs, 'strict-labels': 'true' }
    )
    expect(annotations(strict).map(({ code, line }) => [code, line])).toEqual([['DL3050', 2]])
    expect(
      strict.notices.find((command) => command.properties.title === 'DL3050')?.message
    ).toContain('`extra`')
  })

  it('rejects a label type it does not know, naming the input', async () => {
    const run = await lint({ Dockerfile: clean }, { 'require-labels': 'version:number' })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toMatch(/^input 'require-labels': unknown label type 'number'/)
  })

  it('honours # hadolint ignore= unless disable-ignore-pragma', async () => {
    const dockerfile = 'FROM debian:12\n# hadolint ignore=DL3003\nRUN cd /tmp && echo hi\n'
    const honoured = await lint({ Dockerfile: dockerfile })
    expect(codes(honoured)).toEqual([])
    expect(honoured.exitCode).toBe(0)

    const disabled = await lint({ Dockerfile: dockerfile }, { 'disable-ignore-pragma': 'true' })
    expect(annotations(disabled)).toEqual([
      { level: 'warning', code: 'DL3003', file: 'Dockerfile', line: 3, col: 1 }
    ])
    expect(disabled.exitCode).toBe(1)
  })
})

describe('dockerfile-lint: configuration file', () => {
  it('picks up .hadolint.yaml in the workspace; inputs win over it', async () => {
    const config = 'ignored:\n  - DL4000\nfailure-threshold: error\n'
    const run = await lint({ Dockerfile: mixed, '.hadolint.yaml': config }, { verbose: 'true' })
    expect(codes(run)).toEqual(['DL3003', 'DL3015', 'DL3048'])
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toContain(`config: ${join(run.workspace, '.hadolint.yaml')}`)

    const stricter = await lint(
      { Dockerfile: mixed, '.hadolint.yaml': config },
      { 'failure-threshold': 'warning' }
    )
    expect(stricter.exitCode).toBe(1)
    expect(failures(stricter)[0]?.message).toMatch(/failure-threshold warning/)
  })

  it('reads the file named by the config input instead', async () => {
    const run = await lint(
      {
        Dockerfile: mixed,
        '.hadolint.yaml': 'ignored: [DL3048]\n',
        'ci/hadolint.yaml': 'override:\n  error: [DL3048]\n'
      },
      { config: 'ci/hadolint.yaml' }
    )
    expect(annotations(run).find((entry) => entry.code === 'DL3048')?.level).toBe('error')
  })

  it('fails a malformed config file with one error line naming file and line', async () => {
    const broken = await lint({
      Dockerfile: mixed,
      '.hadolint.yaml': 'ignored:\n  - DL3003\nfailure-threshold: [error\n'
    })
    expect(broken.exitCode).toBe(1)
    expect(broken.errors).toHaveLength(1)
    const message = broken.errors[0]?.message ?? ''
    expect(message).toMatch(/\/\.hadolint\.yaml:[34]:\d+: invalid YAML: /)
    expect(message).not.toContain('\n')
    expect(annotations(broken)).toEqual([])
    expect(broken.outputs).toEqual({})

    const wrongType = await lint({
      Dockerfile: mixed,
      '.hadolint.yaml': '# ours\nfailure-threshold: [error]\n'
    })
    expect(wrongType.exitCode).toBe(1)
    expect(wrongType.errors).toHaveLength(1)
    expect(wrongType.errors[0]?.message).toMatch(/\/\.hadolint\.yaml:2:\d+: .*failure-threshold/)
  })

  it('notes unknown keys once and carries on', async () => {
    const run = await lint({
      Dockerfile: warningOnly,
      '.hadolint.yaml': 'ignore:\n  - DL3003\nfailure_threshold: error\n'
    })
    const notes = run.notices.filter((command) => !command.properties.title)
    expect(notes.map((note) => note.message)).toEqual([
      `${join(run.workspace, '.hadolint.yaml')}:1:1: unknown key 'ignore' is ignored`,
      `${join(run.workspace, '.hadolint.yaml')}:3:1: unknown key 'failure_threshold' is ignored (did you mean 'failure-threshold'?)`,
      'ShellCheck is off (shellcheck: off): SC rules are not checked'
    ])
    // Neither key took effect.
    expect(codes(run)).toEqual(['DL3003'])
    expect(run.exitCode).toBe(1)
  })
})

describe('dockerfile-lint: job summary', () => {
  it('has a count line and a table per file with findings, linking each rule', async () => {
    const run = await lint(
      { Dockerfile: mixed, 'a/Dockerfile': warningOnly, 'clean/Dockerfile': clean },
      { dockerfile: 'Dockerfile\na/Dockerfile\nclean/Dockerfile' }
    )
    expect(run.summary).toContain('3 file(s): 1 error, 2 warning, 1 info, 1 style')
    const sections = run.summary.split(/^#### /m).slice(1)
    expect(sections.map((section) => section.split('\n')[0])).toEqual([
      'Dockerfile',
      'a/Dockerfile',
      'clean/Dockerfile'
    ])
    const header = '| line | rule | severity | message |'
    expect(sections[0]?.split('\n').filter((line) => /^\| \d+ \| /.test(line))).toHaveLength(4)
    expect(sections[0]).toContain(header)
    expect(sections[1]).toContain(
      '| 2 | [DL3003](https://github.com/hadolint/hadolint/wiki/DL3003) | warning |'
    )
    expect(sections[2]).toContain('No findings.')
    expect(sections[2]).not.toContain(header)
  })
})

describe('dockerfile-lint: hostile names and contents', () => {
  const allowed = new Set(['error', 'warning', 'notice'])
  const isRule = (command: WorkflowCommand) => /^(DL|SC)\d{4}$/.test(command.properties.title ?? '')

  it('cannot be made to print workflow commands by a file name or Dockerfile text', async () => {
    const evilNames = [
      'evil/Dockerfile.\n::error::from-a-file-name',
      'evil/x::warning::in-a-name.Dockerfile',
      'evil/Dockerfile.%0A::error::encoded'
    ]
    const files: Record<string, string> = {
      'evil/Dockerfile': 'FROM debian:12\nRUN echo "::error::x" && cd /tmp\n',
      // The unknown instruction is quoted in DL1000's message.
      'evil/instruction.Dockerfile':
        'FROM debian:12\n::error file=Dockerfile::from-an-instruction\n',
      // Label names are quoted in DL3050's message.
      'evil/labels.Dockerfile':
        'FROM debian:12\nLABEL "::error::from-a-label"=1 "%0A::error::from-a-label"=2\n'
    }
    for (const name of evilNames) files[name] = warningOnly
    files['.hadolint.yaml'] = '"\\n::error::from-a-config-key": 1\n'

    const run = await lint(files, {
      dockerfile: 'evil',
      'strict-labels': 'true',
      'sarif-file': 'lint.sarif',
      verbose: 'true'
    })

    // The hostile text did reach the log (inside stop-commands), so this test can fail.
    expect(run.stdout).toContain('\n::error::from-a-file-name')

    for (const command of run.commands) expect(allowed.has(command.command)).toBe(true)
    const findings = run.commands.filter(isRule)
    const others = run.commands.filter((command) => !isRule(command))
    // The ShellCheck note, the unknown-key note, and setFailed: nothing else without a rule.
    expect(others.map((command) => command.command).sort()).toEqual(['error', 'notice', 'notice'])
    const counts = JSON.parse(run.outputs.counts ?? '{}') as { total: number }
    expect(findings).toHaveLength(counts.total)
    expect(counts.total).toBe(7)
    for (const command of run.commands) {
      expect(command.message).not.toMatch(/^(from-|x$|encoded|in-a-name)/)
      expect(command.properties.title ?? '').not.toContain('::')
    }

    // File names come through the annotation properties intact.
    const annotatedFiles = new Set(findings.map((command) => command.properties.file))
    for (const name of evilNames) expect(annotatedFiles).toContain(name)
    expect(annotatedFiles).toContain('evil/Dockerfile')
    const messages = findings.map((command) => command.message)
    expect(messages).toContainEqual(expect.stringMatching(/^DL1000: unknown instruction '::error/i))
    expect(messages).toContainEqual(expect.stringContaining('`::error::from-a-label`'))

    expect(run.env.HADOLINT_RESULTS).toBe(run.outputs.results)
    expect(Object.keys(run.env)).toEqual(['HADOLINT_RESULTS'])
    expect(run.outputs.results).toContain('evil/Dockerfile.\n::error::from-a-file-name:2 DL3003')
    expect(existsSync(join(run.workspace, 'lint.sarif'))).toBe(true)
  })
})
