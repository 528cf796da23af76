import { describe, expect, it } from '@jest/globals'
import { parseDockerfile } from '../../../../src/dockerfile/parse.js'
import {
  dockerfilePosition,
  heredocShell,
  interpreterName,
  isNonPosixShell,
  scriptHeader,
  shebangFor,
  shellCheckScripts,
  type ShellCheckScript
} from '../../../../src/lint/shellcheck/scripts.js'

const proxies = [
  'FTP_PROXY',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'ftp_proxy',
  'http_proxy',
  'https_proxy',
  'no_proxy'
]

function scriptsOf(dockerfile: string): ShellCheckScript[] {
  return shellCheckScripts(parseDockerfile(dockerfile))
}

/** The shebang ShellCheck reads for each script. */
function shebangs(dockerfile: string): string[] {
  return scriptsOf(dockerfile).map((script) => script.text.split('\n')[0] ?? '')
}

/** The exported names of each script. */
function exported(dockerfile: string): string[][] {
  return scriptsOf(dockerfile).map((script) =>
    script.text
      .split('\n')
      .slice(1, script.headerLines)
      .map((line) => line.replace(/^export (\w+)=1$/, '$1'))
      .filter((name) => !proxies.includes(name))
  )
}

/** What follows the header: the script as the Dockerfile has it. */
function bodies(dockerfile: string): string[] {
  return scriptsOf(dockerfile).map((script) =>
    script.text.split('\n').slice(script.headerLines).join('\n').replace(/\n$/, '')
  )
}

describe('the shebang, as hadolint derives it', () => {
  // prettier-ignore
  it.each([
    ['the default is /bin/sh', 'FROM debian\nRUN echo hi\n', ['#!/bin/sh']],
    ['SHELL with a path', 'FROM debian\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN echo hi\n', ['#!/bin/bash']],
    ['SHELL with a bare name', 'FROM debian\nSHELL ["bash", "-c"]\nRUN echo hi\n', ['#!/usr/bin/env bash']],
    ['SHELL applies from where it is', 'FROM debian\nRUN echo a\nSHELL ["/bin/bash", "-c"]\nRUN echo b\n', ['#!/bin/sh', '#!/bin/bash']],
    ['a shell pragma in a stage', 'FROM debian\n# hadolint shell=bash\nRUN echo hi\n', ['#!/usr/bin/env bash']],
    ['a shell pragma with spaces', 'FROM debian\n# hadolint shell = /bin/ksh\nRUN echo hi\n', ['#!/bin/ksh']],
    ['FROM resets SHELL', 'FROM debian\nSHELL ["/bin/bash", "-c"]\nFROM debian\nRUN echo hi\n', ['#!/bin/sh']],
    ['FROM resets a pragma in a stage', 'FROM debian\n# hadolint shell=bash\nRUN echo a\nFROM debian\nRUN echo b\n', ['#!/usr/bin/env bash', '#!/bin/sh']],
    ['a pragma above the first FROM is every stage\'s default', '# hadolint shell=bash\nFROM debian\nRUN echo a\nFROM debian\nRUN echo b\n', ['#!/usr/bin/env bash', '#!/usr/bin/env bash']],
    ['FROM an earlier stage keeps its shell', 'FROM debian AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nRUN echo hi\n', ['#!/bin/bash']],
    ['stage names compare case-insensitively', 'FROM debian AS Base\nSHELL ["/bin/bash", "-c"]\nFROM BASE AS next\nRUN echo hi\n', ['#!/bin/bash']],
    ['FROM an image of the same name as no stage resets', 'FROM debian AS base\nSHELL ["/bin/bash", "-c"]\nFROM other\nRUN echo hi\n', ['#!/bin/sh']],
    ['a RUN <<EOF body with a shell shebang', 'FROM debian\nRUN <<EOF\n#!/bin/bash\necho $RANDOM\nEOF\n', ['#!/bin/bash']],
    ['a RUN <<EOF body with an env shebang', 'FROM debian\nRUN <<EOF\n#!/usr/bin/env bash\necho hi\nEOF\n', ['#!/usr/bin/env bash']],
    ['a heredoc fed to bash is a bash script', 'FROM debian\nRUN bash <<EOF\necho hi\nEOF\n', ['#!/bin/sh', '#!/usr/bin/env bash']]
  ])('%s', (_name, dockerfile, expected) => {
    expect(shebangs(dockerfile)).toEqual(expected)
  })

  it('gives the dialect for --shell when ShellCheck has one', () => {
    const dialects = (dockerfile: string) => scriptsOf(dockerfile).map((script) => script.dialect)
    expect(dialects('FROM debian\nRUN echo hi\n')).toEqual(['sh'])
    expect(dialects('FROM debian\nSHELL ["/bin/bash", "-c"]\nRUN echo hi\n')).toEqual(['bash'])
    expect(dialects('FROM debian\nSHELL ["/bin/mksh", "-c"]\nRUN echo hi\n')).toEqual(['ksh'])
    // ShellCheck reads `#!/bin/ash` and `#!/bin/zsh` itself (SC2187 is excluded, SC1071 kept).
    expect(dialects('FROM alpine\nSHELL ["/bin/ash", "-c"]\nRUN echo hi\n')).toEqual([undefined])
    expect(dialects('FROM debian\nSHELL ["/bin/zsh", "-c"]\nRUN echo hi\n')).toEqual([undefined])
  })
})

describe('the exports, as hadolint writes them', () => {
  it('exports the proxy variables, sorted by code point as hadolint lists its Set', () => {
    expect(scriptHeader('#!/bin/sh', [])).toEqual([
      '#!/bin/sh',
      ...proxies.map((name) => `export ${name}=1`)
    ])
  })

  // prettier-ignore
  it.each([
    ['ARG and ENV names declared so far', 'FROM debian\nARG foo=bar\nARG another_foo\nENV bar=10 baz=20\nRUN echo\n', [['another_foo', 'bar', 'baz', 'foo']]],
    ['only those before the RUN', 'FROM debian\nARG a\nRUN echo\nENV b=1\nRUN echo\n', [['a'], ['a', 'b']]],
    ['ENV in its legacy form', 'FROM debian\nENV NAME value with spaces\nRUN echo\n', [['NAME']]],
    ['not ARGs above the first FROM', 'ARG VERSION=1\nFROM debian:$VERSION\nRUN echo\n', [[]]],
    ['none after a FROM', 'FROM debian\nARG a\nFROM debian\nRUN echo\n', [[]]],
    ['those of the stage it is FROM', 'FROM debian AS base\nARG a\nFROM base\nARG b\nRUN echo\n', [['a', 'b']]],
    ['not names that are no shell identifiers', 'FROM debian\nARG 1bad\nARG good_1\nRUN echo\n', [['good_1']]],
    ['to ONBUILD RUN triggers too', 'FROM debian\nENV a=1\nONBUILD RUN echo "$a"\n', [['a']]]
  ])('%s', (_name, dockerfile, expected) => {
    expect(exported(dockerfile)).toEqual(expected)
  })
})

describe('which RUNs are checked', () => {
  // prettier-ignore
  it.each([
    ['shell form', 'FROM debian\nRUN echo $x\n', ['echo $x']],
    ['not exec form', 'FROM debian\nRUN ["echo", "$x"]\n', []],
    ['ONBUILD RUN', 'FROM debian\nONBUILD RUN echo $x\n', ['echo $x']],
    ['not under pwsh', 'FROM debian\nSHELL ["pwsh", "-c"]\nRUN Get-Variable PSVersionTable\n', []],
    ['not under cmd.exe', 'FROM windows\nSHELL ["cmd.exe", "/c"]\nRUN dir\n', []],
    ['not under a powershell path', 'FROM windows\nSHELL ["C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "-command"]\nRUN Get-Item x\n', []],
    ['not under a powershell pragma', 'FROM windows\n# hadolint shell=powershell.exe\nRUN Get-Item x\n', []],
    ['not under a global powershell pragma', '# hadolint shell=powershell.exe\nFROM windows\nRUN a\nFROM windows\nRUN b\n', []],
    ['not a heredoc in another language', 'FROM debian\nRUN <<EOF\n#!/usr/bin/env python3\nprint("$x")\nEOF\n', []],
    ['not a heredoc for node', 'FROM debian\nRUN <<EOF\n#!/usr/bin/node\nconsole.log(1)\nEOF\n', []],
    ['a heredoc with a shell shebang, that line left empty', 'FROM debian\nRUN <<EOF\n#!/bin/sh -e\necho $x\nEOF\n', ['\necho $x']],
    ['a heredoc without a shebang', 'FROM debian\nRUN <<EOF\necho $x\nEOF\n', ['echo $x']],
    ['continuations and comments keep their lines', 'FROM debian\nRUN a && \\\n# note\n    b\n', ['a && \\\n\\\n    b']],
    ['not a pragma inside a heredoc body', 'FROM debian\nRUN <<EOF\n# hadolint shell=pwsh\necho $x\nEOF\n', ['# hadolint shell=pwsh\necho $x']]
  ])('%s', (_name, dockerfile, expected) => {
    expect(bodies(dockerfile)).toEqual(expected)
  })

  it.each(['pwsh', 'powershell.exe', 'C:\\Windows\\PowerShell.EXE -Command', 'cmd /S /C'])(
    'knows %s is no POSIX shell',
    (shell) => {
      expect(isNonPosixShell(shell)).toBe(true)
    }
  )
})

describe('heredocs fed to a shell', () => {
  // prettier-ignore
  it.each([
    ['bash <<EOF', 'bash'],
    ['set -e && /bin/sh -e <<\'EOF\'', '/bin/sh'],
    ['bash -o pipefail -s <<-"EOF"', 'bash'],
    ['sh -s -- one two <<EOF', 'sh'],
    ['FOO=1 exec dash <<EOF', 'dash'],
    ['cat <<EOF', undefined],
    ['bash -c "cat" <<EOF', undefined],
    ['bash -ec "cat" <<EOF', undefined],
    ['bash script.sh <<EOF', undefined],
    ['bash <<<EOF', undefined],
    ['zsh <<EOF', undefined],
    ['bash <<EOFX', undefined]
  ])('%s → %s', (row, shell) => {
    const heredoc = { name: 'EOF', body: 'echo hi', bodyLine: 3, terminated: true }
    expect(heredocShell([row], heredoc, 1)).toBe(shell)
  })

  it('checks the body on its own and leaves it empty in the RUN script', () => {
    const scripts = scriptsOf('FROM debian\nRUN bash <<EOF && cat <<DATA\necho $x\nEOF\n$y\nDATA\n')
    expect(scripts.map((script) => [script.line, script.column, script.endLine])).toEqual([
      [2, 5, 6],
      [3, 1, 3]
    ])
    expect(bodies('FROM debian\nRUN bash <<EOF && cat <<DATA\necho $x\nEOF\n$y\nDATA\n')).toEqual([
      'bash <<EOF && cat <<DATA\n\nEOF\n$y\nDATA',
      'echo $x'
    ])
  })
})

describe('interpreters', () => {
  // prettier-ignore
  it.each([
    ['/bin/bash', 'bash'],
    ['/bin/sh -e', 'sh'],
    ['/usr/bin/env bash', 'bash'],
    ['/usr/bin/env -S bash -e', 'bash'],
    ['/usr/bin/env LANG=C sh', 'sh'],
    ['/usr/bin/python3', 'python3']
  ])('%s → %s', (command, name) => {
    expect(interpreterName(command)).toBe(name)
  })

  // prettier-ignore
  it.each([
    ['/bin/sh -c', '#!/bin/sh'],
    ['bash -c', '#!/usr/bin/env bash'],
    ['', '#!/bin/sh']
  ])('shell %j → %s', (shell, shebang) => {
    expect(shebangFor(shell)).toBe(shebang)
  })
})

describe('positions back in the Dockerfile', () => {
  const script: ShellCheckScript = {
    text: '',
    headerLines: 9,
    dialect: 'sh',
    line: 3,
    column: 34,
    endLine: 5,
    instructionLine: 3
  }

  // prettier-ignore
  it.each([
    ['the first row is offset by the script column', [10, 6], { line: 3, column: 39 }],
    ['later rows keep their column', [12, 8], { line: 5, column: 8 }],
    ['the middle row', [11, 1], { line: 4, column: 1 }],
    ['a finding on the header goes to the instruction', [1, 1], { line: 3, column: 1 }],
    ['a finding after the end goes to the last line', [13, 1], { line: 5, column: 1 }]
  ])('%s', (_name, [line, column], expected) => {
    expect(dockerfilePosition(script, line as number, column as number)).toEqual(expected)
  })

  it('maps a real RUN: flags, indentation and continuations', () => {
    const [run] = scriptsOf(
      'FROM debian\nRUN --mount=type=cache,target=/x echo $a && \\\n    # comment\n    ls `pwd`\n'
    )
    if (!run) throw new Error('no script')
    const rows = run.text.split('\n')
    // ShellCheck's 1-based positions in the text it reads → the Dockerfile's.
    const at = (row: number, needle: string) =>
      dockerfilePosition(
        run,
        run.headerLines + row + 1,
        (rows[run.headerLines + row] ?? '').indexOf(needle) + 1
      )
    expect(at(0, '$a')).toEqual({ line: 2, column: 39 })
    expect(at(2, '`pwd`')).toEqual({ line: 4, column: 8 })
  })

  it('maps a tab-indented RUN', () => {
    const [run] = scriptsOf('FROM debian\n\tRUN\techo $z\n')
    if (!run) throw new Error('no script')
    // json1 counts a tab as one column: `$z` is the 6th character of the script.
    expect(dockerfilePosition(run, run.headerLines + 1, 6)).toEqual({ line: 2, column: 11 })
  })

  it('maps a heredoc body fed to a shell to its own lines', () => {
    const [, body] = scriptsOf('FROM debian\nRUN set -e; \\\n  bash <<EOF\nls\n  echo $x\nEOF\n')
    if (!body) throw new Error('no body script')
    expect(dockerfilePosition(body, body.headerLines + 2, 8)).toEqual({ line: 5, column: 8 })
  })
})
