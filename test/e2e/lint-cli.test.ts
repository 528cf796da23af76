/**
 * `runnerkit lint` as a developer or a CI script runs it: `node bin/runnerkit.js lint` (the
 * committed CLI bundle) with the real Debian `shellcheck` on PATH, hadolint's flags and
 * HADOLINT_* variables, exit codes, report formats on stdout or in files, and standard input.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

/** RUN scripts with ShellCheck findings on known lines and columns. */
const withShell = [
  'FROM debian:12',
  'RUN apt-get update && \\', //     2: DL3009 info
  '    echo $FOO && \\', //            3: SC2086 info, column 10
  '    ls `pwd`', //                   4: SC2006 style + SC2046 warning, column 8
  'RUN cd /tmp && echo hi', //         5: DL3003 warning
  'RUN bash <<EOF', //                 6: DL3003 warning (the heredoc body is linted)
  'set -e', //                         7
  '  cd $HOME/x', //                   8: SC2086 info, column 6
  'EOF',
  ''
].join('\n')
const files: Record<string, string> = {
  'shell.Dockerfile': withShell,
  'warning.Dockerfile': 'FROM debian:12\nRUN cd /tmp && echo hi\n', // 2: DL3003 warning
  'style.Dockerfile': 'FROM debian:12\nLABEL Foo=bar\n', // 2: DL3048 style
  'sc-info.Dockerfile': 'FROM debian:12\nRUN echo $FOO\n', // 2: SC2086 info (ShellCheck only)
  'clean.Dockerfile': 'FROM debian:12\nCMD ["true"]\n',
  'broken.Dockerfile': 'FROM debian:12\n  COPY --bogus a b\n', // 2:8 DL1000
  'pragma.Dockerfile': [
    'FROM debian:12',
    '# hadolint ignore=DL3003',
    'RUN cd /tmp && echo hi',
    'ENV X=1', // (no two RUNs in a row: DL3059)
    '# hadolint ignore=SC2086',
    'RUN echo $A',
    'ENV Y=2',
    'RUN echo $B', // 8: SC2086 (the pragma covers the line after it only)
    ''
  ].join('\n'),
  'registries.Dockerfile': 'FROM docker.io/library/debian:12\nFROM ghcr.io/acme/base:1.2\n',
  'labels.Dockerfile': 'FROM debian:12\nLABEL team=infra extra=1\n',
  'ci/lint.yaml': 'ignored: [DL3003]\noverride:\n  error: [SC2086]\n',
  'deep/a/Dockerfile': 'FROM debian:12\nRUN cd /tmp && echo hi\n',
  'deep/b/Dockerfile': 'FROM debian:12\nCMD ["true"]\n',
  Dockerfile: 'FROM debian:12\nCMD ["true"]\n'
}

let workdir: string
let home: string
let shellcheck: string

beforeAll(() => {
  shellcheck = requireTool('shellcheck')
  workdir = scratchDir('lint-cli')
  home = scratchDir('lint-cli-home')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(workdir, path)), { recursive: true })
    writeFileSync(join(workdir, path), text)
  }
})

interface Result {
  status: number | null
  stdout: string
  stderr: string
}

function runnerkitLint(
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {}
): Result {
  // A developer's shell: no GITHUB_* variables, a home with no hadolint config in it.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, ...options.env }
  const result = spawnSync(
    process.execPath,
    [join(repositoryRoot, 'bin/runnerkit.js'), 'lint', ...args],
    { cwd: options.cwd ?? workdir, env, encoding: 'utf8', input: options.input ?? '' }
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface JsonFinding {
  code: string
  column: number
  file: string
  level: string
  line: number
  message: string
}

function json(result: Result): JsonFinding[] {
  return JSON.parse(result.stdout) as JsonFinding[]
}

/** [code, level, line, column] of each finding. */
const brief = (result: Result) =>
  json(result).map((finding) => [finding.code, finding.level, finding.line, finding.column])
const codes = (result: Result) => json(result).map((finding) => finding.code)

describe('runnerkit lint: exit status', () => {
  it.each([
    ['clean.Dockerfile', [], 0],
    ['style.Dockerfile', [], 0],
    ['style.Dockerfile', ['-t', 'style'], 1],
    ['warning.Dockerfile', [], 1],
    ['warning.Dockerfile', ['--failure-threshold', 'warning'], 1],
    ['warning.Dockerfile', ['-t', 'error'], 0],
    ['warning.Dockerfile', ['--no-fail'], 0],
    ['sc-info.Dockerfile', [], 1],
    ['sc-info.Dockerfile', ['-t', 'warning'], 0],
    ['broken.Dockerfile', ['-t', 'error'], 1],
    ['broken.Dockerfile', ['--no-fail'], 0]
  ])('%s %j exits %d', (file, flags, status) => {
    const result = runnerkitLint([...flags, file])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(status)
  })

  it('exits 1 with one line naming a bad flag value or a missing file', () => {
    for (const [args, text] of [
      [['-t', 'warn', 'clean.Dockerfile'], "--failure-threshold: unknown failure threshold 'warn'"],
      [['-f', 'yaml', 'clean.Dockerfile'], "--format: unknown output format 'yaml'"],
      [['nope.Dockerfile'], "'nope.Dockerfile' does not exist"],
      [
        ['-c', 'ci/missing.yaml', 'clean.Dockerfile'],
        "config file 'ci/missing.yaml' does not exist"
      ],
      [[], 'give a Dockerfile, a folder or a glob']
    ] as const) {
      const result = runnerkitLint([...args])
      expect(result.status).toBe(1)
      expect(result.stdout).toBe('')
      expect(result.stderr.split('\n')).toEqual([expect.stringContaining(text), ''])
      expect(result.stderr).toMatch(/^runnerkit lint: /)
    }
  })
})

describe('runnerkit lint: reports', () => {
  it('-f json: hadolint fields, ShellCheck findings on their real lines and columns', () => {
    const result = runnerkitLint(['-f', 'json', 'shell.Dockerfile'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('')
    const findings = json(result)
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(['code', 'column', 'file', 'level', 'line', 'message'])
      expect(finding.file).toBe('shell.Dockerfile')
      expect(finding.message).not.toBe('')
    }
    expect(brief(result)).toEqual([
      ['DL3009', 'info', 2, 1],
      ['SC2086', 'info', 3, 10],
      ['SC2006', 'style', 4, 8],
      ['SC2046', 'warning', 4, 8],
      ['DL3003', 'warning', 5, 1],
      ['DL3003', 'warning', 6, 1],
      ['SC2086', 'info', 8, 6]
    ])
  })

  it('tty by default: file:line code level: message, no colours with NO_COLOR', () => {
    const result = runnerkitLint(['warning.Dockerfile'], { env: { NO_COLOR: '1' } })
    expect(result.stdout).toBe(
      'warning.Dockerfile:2 DL3003 warning: Use WORKDIR to change directory instead of cd in RUN\n'
    )
    const flag = runnerkitLint(['--no-color', 'warning.Dockerfile'])
    expect(flag.stdout).toBe(result.stdout)
  })

  it('-f sarif -o writes the file (its folder too) and leaves stdout empty', () => {
    const result = runnerkitLint(['-f', 'sarif', '-o', 'out/sarif/lint.sarif', 'shell.Dockerfile'])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('')
    const sarif = JSON.parse(readFileSync(join(workdir, 'out/sarif/lint.sarif'), 'utf8')) as {
      version: string
      runs: Array<{
        tool: { driver: { name: string; rules: Array<{ id: string; helpUri: string }> } }
        results: Array<{
          ruleId: string
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
    const run = sarif.runs[0]
    expect(run?.tool.driver.name).toBe('runnerkit')
    expect(run?.tool.driver.rules.map((rule) => rule.id)).toEqual([
      'DL3003',
      'DL3009',
      'SC2006',
      'SC2046',
      'SC2086'
    ])
    expect(run?.tool.driver.rules.find((rule) => rule.id === 'SC2086')?.helpUri).toBe(
      'https://www.shellcheck.net/wiki/SC2086'
    )
    const sc2046 = run?.results.find((entry) => entry.ruleId === 'SC2046')
    expect(sc2046?.level).toBe('warning')
    expect(sc2046?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'shell.Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 8, sourceLanguage: 'sh' }
    })
  })

  it('pairs each -o with its -f, in order', () => {
    const result = runnerkitLint([
      '-f',
      'json',
      '-f',
      'checkstyle',
      '-o',
      'out/pair.json',
      '-o',
      'out/pair.xml',
      'warning.Dockerfile'
    ])
    expect(result.stdout).toBe('')
    const findings = JSON.parse(
      readFileSync(join(workdir, 'out/pair.json'), 'utf8')
    ) as JsonFinding[]
    expect(findings.map((finding) => finding.code)).toEqual(['DL3003'])
    expect(readFileSync(join(workdir, 'out/pair.xml'), 'utf8')).toMatch(
      /^<\?xml[^]*<file name='warning.Dockerfile' >[^]*source='DL3003'/
    )
  })

  it("reads standard input for '-'", () => {
    const result = runnerkitLint(['-f', 'json', '-'], { input: withShell })
    expect(result.status).toBe(1)
    expect(json(result).map((finding) => finding.file)).toEqual(Array(7).fill('-'))
    expect(brief(result)).toEqual(brief(runnerkitLint(['-f', 'json', 'shell.Dockerfile'])))
  })

  it('lints a folder, a glob and -r as hadolint-action does', () => {
    const folder = runnerkitLint(['-f', 'json', '--no-fail', 'deep'])
    expect(json(folder).map((finding) => finding.file)).toEqual(['deep/a/Dockerfile'])
    const glob = runnerkitLint(['-f', 'json', '--no-fail', 'deep/**/Dockerfile'])
    expect(json(glob)).toEqual(json(folder))
    const recursive = runnerkitLint(['-f', 'json', '-r', '--no-fail', 'Dockerfile'], {
      cwd: join(workdir, 'deep')
    })
    expect(json(recursive).map((finding) => finding.file)).toEqual(['a/Dockerfile'])
  })
})

describe('runnerkit lint: configuration', () => {
  it('-c reads the named config file', () => {
    const result = runnerkitLint(['-f', 'json', '-c', 'ci/lint.yaml', 'shell.Dockerfile'])
    expect(codes(result)).not.toContain('DL3003')
    expect(json(result).filter((finding) => finding.code === 'SC2086')).toEqual([
      expect.objectContaining({ level: 'error', line: 3 }),
      expect.objectContaining({ level: 'error', line: 8 })
    ])
  })

  it('picks up ./.hadolint.yaml, and -c wins over it', () => {
    const cwd = scratchDir('lint-cli-config')
    writeFileSync(join(cwd, 'Dockerfile'), files['warning.Dockerfile'] ?? '')
    writeFileSync(join(cwd, '.hadolint.yaml'), 'failure-threshold: error\n')
    expect(runnerkitLint(['Dockerfile'], { cwd }).status).toBe(0)
    writeFileSync(join(cwd, 'strict.yaml'), 'failure-threshold: warning\n')
    expect(runnerkitLint(['-c', 'strict.yaml', 'Dockerfile'], { cwd }).status).toBe(1)
  })

  it('a malformed config file is one error line naming file and line', () => {
    const cwd = scratchDir('lint-cli-bad-config')
    writeFileSync(join(cwd, 'Dockerfile'), files['clean.Dockerfile'] ?? '')
    writeFileSync(join(cwd, '.hadolint.yaml'), 'ignored: [DL3003\n')
    const result = runnerkitLint(['Dockerfile'], { cwd })
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(/^runnerkit lint: .*\/\.hadolint\.yaml:\d+:\d+: invalid YAML: /),
      ''
    ])
  })

  it('--ignore, --error, --warning, --info and --style, repeatable and comma-separated', () => {
    const result = runnerkitLint([
      '-f',
      'json',
      '--ignore',
      'DL3009,SC2006',
      '--error',
      'DL3003',
      '--warning',
      'SC2086',
      '--info',
      'SC2046',
      'shell.Dockerfile'
    ])
    expect(brief(result)).toEqual([
      ['SC2086', 'warning', 3, 10],
      ['SC2046', 'info', 4, 8],
      ['DL3003', 'error', 5, 1],
      ['DL3003', 'error', 6, 1],
      ['SC2086', 'warning', 8, 6]
    ])
    expect(result.status).toBe(1)

    const moved = runnerkitLint([
      '-f',
      'json',
      '--ignore',
      'DL3009',
      '--ignore',
      'SC2006',
      '--error',
      'DL3003',
      '--style',
      'SC2046',
      'shell.Dockerfile'
    ])
    expect(brief(moved)).toEqual([
      ['SC2086', 'info', 3, 10],
      ['SC2046', 'style', 4, 8],
      ['DL3003', 'error', 5, 1],
      ['DL3003', 'error', 6, 1],
      ['SC2086', 'info', 8, 6]
    ])
  })

  it('honours # hadolint ignore= for DL and SC codes, unless --disable-ignore-pragma', () => {
    const honoured = runnerkitLint(['-f', 'json', 'pragma.Dockerfile'])
    expect(brief(honoured)).toEqual([['SC2086', 'info', 8, 10]])
    const disabled = runnerkitLint(['-f', 'json', '--disable-ignore-pragma', 'pragma.Dockerfile'])
    expect(brief(disabled)).toEqual([
      ['DL3003', 'warning', 3, 1],
      ['SC2086', 'info', 6, 10],
      ['SC2086', 'info', 8, 10]
    ])
  })

  it('--trusted-registry, --require-label and --strict-labels', () => {
    const registries = runnerkitLint([
      '-f',
      'json',
      '--trusted-registry',
      'ghcr.io',
      'registries.Dockerfile'
    ])
    expect(brief(registries).filter(([code]) => code === 'DL3026')).toEqual([
      ['DL3026', 'error', 1, 1]
    ])
    const labels = runnerkitLint([
      '-f',
      'json',
      '--require-label',
      'team:text',
      '--require-label',
      'org.opencontainers.image.source:url',
      '--strict-labels',
      'labels.Dockerfile'
    ])
    expect(brief(labels)).toEqual([
      ['DL3049', 'info', 1, 1],
      ['DL3050', 'info', 2, 1]
    ])
    expect(json(labels)[1]?.message).toContain('`extra`')
  })
})

describe("runnerkit lint: hadolint's HADOLINT_* variables", () => {
  it('HADOLINT_FORMAT, HADOLINT_IGNORE, HADOLINT_OVERRIDE_* and HADOLINT_FAILURE_THRESHOLD', () => {
    const result = runnerkitLint(['shell.Dockerfile'], {
      env: {
        HADOLINT_FORMAT: 'json',
        HADOLINT_IGNORE: 'DL3009, SC2006',
        HADOLINT_OVERRIDE_ERROR: 'SC2046',
        HADOLINT_OVERRIDE_STYLE: 'DL3003,SC2086',
        HADOLINT_FAILURE_THRESHOLD: 'error'
      }
    })
    expect(result.stderr).toBe('')
    expect(brief(result)).toEqual([
      ['SC2086', 'style', 3, 10],
      ['SC2046', 'error', 4, 8],
      ['DL3003', 'style', 5, 1],
      ['DL3003', 'style', 6, 1],
      ['SC2086', 'style', 8, 6]
    ])
    expect(result.status).toBe(1) // SC2046 is now an error

    const passing = runnerkitLint(['shell.Dockerfile'], {
      env: { HADOLINT_FORMAT: 'json', HADOLINT_FAILURE_THRESHOLD: 'error' }
    })
    expect(passing.status).toBe(0)
  })

  it('HADOLINT_NOFAIL, and flags win over the environment', () => {
    expect(runnerkitLint(['warning.Dockerfile'], { env: { HADOLINT_NOFAIL: 'true' } }).status).toBe(
      0
    )
    expect(
      runnerkitLint(['warning.Dockerfile'], { env: { HADOLINT_FAILURE_THRESHOLD: 'error' } }).status
    ).toBe(0)
    expect(
      runnerkitLint(['-t', 'warning', 'warning.Dockerfile'], {
        env: { HADOLINT_FAILURE_THRESHOLD: 'error' }
      }).status
    ).toBe(1)
  })

  it('HADOLINT_TRUSTED_REGISTRIES, HADOLINT_REQUIRE_LABELS, HADOLINT_STRICT_LABELS, HADOLINT_DISABLE_IGNORE_PRAGMA', () => {
    const registries = runnerkitLint(['-f', 'json', 'registries.Dockerfile'], {
      env: { HADOLINT_TRUSTED_REGISTRIES: 'ghcr.io' }
    })
    expect(codes(registries)).toContain('DL3026')
    const labels = runnerkitLint(['-f', 'json', 'labels.Dockerfile'], {
      env: {
        HADOLINT_REQUIRE_LABELS: 'team:text,org.opencontainers.image.source:url',
        HADOLINT_STRICT_LABELS: 'yes'
      }
    })
    expect(codes(labels)).toEqual(['DL3049', 'DL3050'])
    const pragma = runnerkitLint(['-f', 'json', 'pragma.Dockerfile'], {
      env: { HADOLINT_DISABLE_IGNORE_PRAGMA: '1' }
    })
    expect(codes(pragma)).toEqual(['DL3003', 'SC2086', 'SC2086'])
  })

  it('a value it cannot read is one error line naming the variable', () => {
    const result = runnerkitLint(['clean.Dockerfile'], { env: { HADOLINT_NOFAIL: 'ture' } })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^runnerkit lint: HADOLINT_NOFAIL: 'ture' is not a boolean/)
    expect(result.stderr.trimEnd()).not.toContain('\n')
  })
})

describe('runnerkit lint: ShellCheck', () => {
  it('--shellcheck off: one note on stderr, no SC findings, stdout still clean JSON', () => {
    const result = runnerkitLint(['--shellcheck', 'off', '-f', 'json', 'shell.Dockerfile'])
    expect(result.stderr).toBe(
      'runnerkit lint: note: ShellCheck is off (shellcheck: off): SC rules are not checked\n'
    )
    expect(codes(result)).toEqual(['DL3009', 'DL3003', 'DL3003'])
    expect(runnerkitLint(['--shellcheck', 'off', 'sc-info.Dockerfile']).status).toBe(0)
  })

  it('--shellcheck with the path of a binary uses it; -V says which', () => {
    const result = runnerkitLint([
      '--shellcheck',
      shellcheck,
      '-V',
      '-f',
      'json',
      'sc-info.Dockerfile'
    ])
    expect(codes(result)).toEqual(['SC2086'])
    expect(result.stderr).toContain(`runnerkit lint: shellcheck ${shellcheck} (given)`)
    expect(result.stderr).toContain('runnerkit lint: config (none found)')
  })

  it('keeps notes and verbose lines off stdout, so JSON and SARIF stay parseable', () => {
    const cwd = scratchDir('lint-cli-notes')
    writeFileSync(join(cwd, 'Dockerfile'), withShell)
    writeFileSync(join(cwd, '.hadolint.yaml'), 'ignore: [DL3003]\n')
    for (const format of ['json', 'sarif']) {
      const result = runnerkitLint(['--shellcheck', 'off', '-V', '-f', format, 'Dockerfile'], {
        cwd
      })
      expect(() => JSON.parse(result.stdout) as unknown).not.toThrow()
      const lines = result.stderr.trimEnd().split('\n')
      expect(lines).toEqual([
        `runnerkit lint: config ${join(cwd, '.hadolint.yaml')}`,
        expect.stringMatching(
          /^runnerkit lint: note: .*\.hadolint\.yaml:1:1: unknown key 'ignore'/
        ),
        'runnerkit lint: note: ShellCheck is off (shellcheck: off): SC rules are not checked'
      ])
    }
    expect(existsSync(join(cwd, 'Dockerfile'))).toBe(true)
  })
})
