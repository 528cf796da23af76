/**
 * ShellCheck findings with the real Debian `shellcheck` binary: positions, dialects, pragmas,
 * and that linting never executes anything from the Dockerfile.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { UserError } from '../../src/errors.js'
import { initShellParser } from '../../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile } from '../../src/lint/engine.js'
import { findShellCheck, shellcheckFailures } from '../../src/lint/shellcheck/index.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let binary = ''

beforeAll(() => {
  binary = requireTool('shellcheck')
})

/** [code, line, column] of each finding, in the order shellcheckFailures gives them. */
async function findings(dockerfile: string): Promise<Array<[string, number, number]>> {
  const failures = await shellcheckFailures(parseDockerfile(dockerfile), binary)
  return failures.map((failure) => [failure.code, failure.line, failure.column])
}

async function codes(dockerfile: string): Promise<string[]> {
  return (await findings(dockerfile)).map(([code]) => code)
}

describe('ShellCheck on RUN scripts (real binary)', () => {
  it('auto finds the binary on PATH', async () => {
    await expect(findShellCheck('auto')).resolves.toEqual({ binary, source: 'path' })
  })

  it('reports findings on their real lines and columns: continuations, comments, heredocs', async () => {
    const dockerfile = [
      'FROM debian:12', //                                     1
      'RUN apt-get update && \\', //                           2
      '    echo $FOO && \\', //                                3  $FOO at column 10
      '    # a comment line inside the RUN', //               4
      '    ls `pwd`', //                                       5  `pwd` at column 8
      'RUN bash <<EOF', //                                     6
      'set -e', //                                             7
      '  cd $HOME/x', //                                       8  $HOME at column 6
      'EOF', //                                                9
      '\tRUN\techo $z', //                                    10  tabs count as one column
      'ONBUILD RUN echo "$1" $2', //                          11  $2 at column 23
      ''
    ].join('\n')
    expect(await findings(dockerfile)).toEqual([
      ['SC2086', 3, 10],
      ['SC2006', 5, 8],
      ['SC2046', 5, 8],
      ['SC2086', 8, 6],
      ['SC2086', 10, 11],
      ['SC2154', 10, 11],
      ['SC2086', 11, 23]
    ])
  })

  it('gives severities and messages from ShellCheck', async () => {
    const [failure] = await shellcheckFailures(
      parseDockerfile('FROM debian\nRUN echo $X\n'),
      binary
    )
    expect(failure).toEqual({
      code: 'SC2086',
      line: 2,
      column: 10,
      message: 'Double quote to prevent globbing and word splitting.',
      severity: 'info'
    })
  })

  it('checks /bin/sh by default: bashisms are SC3xxx findings', async () => {
    const found = await codes('FROM debian\nRUN [[ -n "$HOME" ]] && echo "$RANDOM"\n')
    expect(found).toEqual(['SC3010', 'SC3028'])
  })

  it('checks bash under SHELL ["/bin/bash", "-c"]: no SC3xxx', async () => {
    const found = await codes(
      'FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN [[ -n "$HOME" ]] && echo "$RANDOM"\n'
    )
    expect(found).toEqual([])
  })

  it('checks bash under the pragma # hadolint shell=bash', async () => {
    const found = await codes(
      'FROM debian\n# hadolint shell=bash\nRUN [[ -n "$HOME" ]] && echo "$RANDOM"\n'
    )
    expect(found).toEqual([])
  })

  it('goes back to /bin/sh after FROM, and keeps bash FROM an earlier stage', async () => {
    const found = await findings(
      [
        'FROM debian AS base',
        'SHELL ["/bin/bash", "-c"]',
        'FROM debian',
        'RUN [[ -n "$HOME" ]]',
        'FROM base',
        'RUN [[ -n "$HOME" ]]',
        ''
      ].join('\n')
    )
    expect(found).toEqual([['SC3010', 4, 5]])
  })

  it('knows ARG and ENV names, and the proxy variables', async () => {
    const found = await codes(
      'FROM debian\nARG version\nENV home_dir=/h\nRUN echo "$version $home_dir $http_proxy"\n'
    )
    expect(found).toEqual([])
    expect(await codes('FROM debian\nRUN echo "$version"\n')).toEqual(['SC2154'])
  })

  it('checks a RUN <<EOF heredoc in the dialect of its shebang, and skips other languages', async () => {
    expect(await codes('FROM debian\nRUN <<EOF\n#!/bin/bash\necho "$RANDOM"\nEOF\n')).toEqual([])
    expect(await findings('FROM debian\nRUN <<EOF\necho "$RANDOM"\nEOF\n')).toEqual([
      ['SC3028', 3, 7]
    ])
    expect(
      await codes('FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$x" `y`)\nEOF\n')
    ).toEqual([])
  })

  it('skips exec form and PowerShell', async () => {
    expect(await codes('FROM debian\nRUN ["sh", "-c", "echo $x"]\n')).toEqual([])
    expect(await codes('FROM windows\nSHELL ["pwsh", "-c"]\nRUN echo $x `y`\n')).toEqual([])
  })

  it('excludes SC1090 and SC1091, as hadolint does', async () => {
    expect(await codes('FROM debian\nRUN . "$HOME/env" && . /etc/profile.d/x.sh\n')).toEqual([])
  })

  it('has its findings filtered by ignore pragmas through lintDockerfile', async () => {
    await initShellParser()
    const dockerfile = parseDockerfile(
      'FROM debian\n# hadolint ignore=SC2086\nRUN echo $X \\\n  $Y\nRUN echo $Z\n'
    )
    const external = await shellcheckFailures(dockerfile, binary)
    expect(external.map((failure) => failure.line)).toEqual([3, 4, 5])
    const linted = lintDockerfile(dockerfile, [], defaultSettings, external)
    // The pragma covers the line after it; hadolint reports every SC finding there, we report
    // the real line, so the finding on the RUN's second line stays.
    expect(linted.map((finding) => [finding.code, finding.line])).toEqual([
      ['SC2086', 4],
      ['SC2086', 5]
    ])
  })

  it('keeps the order deterministic over RUNs run concurrently', async () => {
    const runs = Array.from({ length: 12 }, (_, index) => `RUN echo $V${index} \`date\``)
    const dockerfile = `FROM debian\n${runs.join('\n')}\n`
    const first = await findings(dockerfile)
    expect(first).toHaveLength(36)
    expect(first.slice(0, 3)).toEqual([
      ['SC2086', 2, 10],
      ['SC2006', 2, 14],
      ['SC2046', 2, 14]
    ])
    expect(first.map(([, line]) => line)).toEqual(
      runs.flatMap((_, index) => [index + 2, index + 2, index + 2])
    )
    expect(await findings(dockerfile)).toEqual(first)
  })
})

describe('a binary that is not ShellCheck', () => {
  function fake(script: string): string {
    const path = join(scratchDir('sc-fake'), 'shellcheck')
    writeFileSync(path, `#!/bin/sh\n${script}\n`)
    chmodSync(path, 0o755)
    return path
  }
  const dockerfile = parseDockerfile('FROM debian\nRUN echo hi\n')

  it('fails with its exit status and message', async () => {
    const binary = fake('echo "unrecognized option --norc" >&2; exit 3')
    await expect(shellcheckFailures(dockerfile, binary)).rejects.toThrow(
      `ShellCheck '${binary}' exited with 3: unrecognized option --norc`
    )
  })

  it('fails when its output is not json1', async () => {
    const binary = fake('cat >/dev/null; echo "In - line 1:"; exit 1')
    await expect(shellcheckFailures(dockerfile, binary)).rejects.toThrow(UserError)
    await expect(shellcheckFailures(dockerfile, binary)).rejects.toThrow(
      'printed no ShellCheck json1 output'
    )
  })

  it('is not needed for a Dockerfile without shell-form RUNs', async () => {
    const binary = fake('exit 3')
    const none = parseDockerfile('FROM debian\nRUN ["true"]\nCOPY a /b\n')
    await expect(shellcheckFailures(none, binary)).resolves.toEqual([])
  })
})

describe('linting never executes the Dockerfile', () => {
  it('does not run $(…), backticks, heredocs, ARG names or SHELL words', async () => {
    const marker = join(scratchDir('sc-pwned'), `pwned-${randomBytes(8).toString('hex')}`)
    const touch = `touch ${marker}`
    const dockerfile = [
      `# hadolint shell=$(${touch})`,
      'FROM debian',
      `RUN echo "$(${touch})" && \`${touch}\``,
      `RUN bash <<EOF`,
      `$(${touch})`,
      `${touch}`,
      'EOF',
      `RUN <<EOF`,
      `#!/bin/sh`,
      `${touch}`,
      'EOF',
      `ARG x=$(${touch})`,
      `ENV y="\`${touch}\`"`,
      `SHELL ["/bin/sh", "-c", "${touch}; sh -c"]`,
      `RUN $(${touch})`,
      `# hadolint shell=/bin/sh;${touch}`,
      `RUN ${touch}`,
      ''
    ].join('\n')
    const failures = await shellcheckFailures(parseDockerfile(dockerfile), binary)
    expect(failures.length).toBeGreaterThan(0)
    expect(existsSync(marker)).toBe(false)
    // The control: run by a shell, the same command does create the file.
    spawnSync('sh', ['-c', `echo "$(${touch})"`])
    expect(existsSync(marker)).toBe(true)
  })
})
