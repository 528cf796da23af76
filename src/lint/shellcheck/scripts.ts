/**
 * The scripts ShellCheck reads for a Dockerfile, built as hadolint builds them, and the way
 * back from a ShellCheck position to a Dockerfile position. Pure: no binary is needed here.
 *
 * Each shell-form RUN (and ONBUILD RUN) becomes one script:
 *
 *   #!<first word of the stage's shell>      from SHELL, or `# hadolint shell=…`; /bin/sh by default
 *   export HTTP_PROXY=1                      the proxy variables, and every ARG/ENV name
 *   …                                        declared so far in the stage, sorted
 *   <the RUN script, with the Dockerfile's own line structure>
 *
 * A FROM resets shell and names to the defaults (a shell pragma above the first FROM is the
 * default), unless it is FROM an earlier stage's name: then that stage's state carries on.
 * Nothing is checked under PowerShell or cmd, nor a heredoc script whose `#!` names another
 * language.
 *
 * Deliberate differences from hadolint:
 * - hadolint reports every SCxxxx finding on the RUN's first line with column 1; we report the
 *   finding's real line and column (see dockerfilePosition).
 * - A heredoc fed to a shell (`RUN bash <<EOF`) is that shell's script: its body is checked as
 *   a script of its own, in that shell's dialect, on its own lines (the DL rules lint it too,
 *   see dockerfile/shell.ts). hadolint does not check such bodies.
 * - A `RUN <<EOF` body that starts with a shell's `#!` runs under that shell (BuildKit executes
 *   the body as a file), so that shebang sets the dialect; hadolint keeps the stage's shell.
 *   `#!` lines of dash, ash and mksh count as shells too; hadolint knows sh, bash and ksh.
 * - A shell named without a path (`SHELL ["bash", "-c"]`, `# hadolint shell=bash`) becomes
 *   `#!/usr/bin/env bash`, so ShellCheck does not report SC2239 on a line we wrote.
 * - ARG/ENV names that are not shell identifiers are not exported (an `export` of them would
 *   be a finding on a line we wrote).
 */
import type { Dockerfile, Heredoc, Instruction } from '../../dockerfile/model.js'
import { StageTracker } from '../helpers/stages.js'
import { parsePragmas } from '../pragmas.js'

/** What hadolint exports in every script, so they are never "referenced but not assigned". */
export const proxyVariables = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy'
] as const

/**
 * Codes hadolint never reports: SC2187 (ash is checked as dash), SC1090 and SC1091 (sourced
 * files need a directive or a file that a Dockerfile cannot give).
 */
export const excludedCodes = ['SC2187', 'SC1090', 'SC1091'] as const

/** Dialects ShellCheck's `--shell` accepts in every version we may meet (0.9 and later). */
const shellCheckDialects = new Set(['sh', 'bash', 'dash', 'ksh'])

/** Shells whose scripts we check; `mksh` is read as ksh and `ash` as ShellCheck reads it. */
const posixShells = new Set(['sh', 'bash', 'dash', 'ksh', 'mksh', 'ash'])

const defaultShell = '/bin/sh -c'

export interface ShellCheckScript {
  /** What ShellCheck reads on stdin: shebang, exports, then the script. */
  text: string
  /** Lines before the script's first row (the shebang and the exports). */
  headerLines: number
  /** The `--shell` value, when ShellCheck knows the dialect; otherwise the shebang decides. */
  dialect: string | undefined
  /** Dockerfile line of the script's first row. */
  line: number
  /** Dockerfile column where the script's first row starts. */
  column: number
  /** Dockerfile line of the script's last row. */
  endLine: number
  /** Line of the instruction: findings on the lines we wrote are reported there. */
  instructionLine: number
}

interface ShellState {
  /** As hadolint keeps it: the SHELL words joined, or the pragma's name. */
  shell: string
  /** ARG and ENV names declared so far in the stage. */
  names: Set<string>
}

const isIdentifier = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)

/** Whether hadolint skips a shell: PowerShell and cmd are no POSIX shells. */
export function isNonPosixShell(shell: string): boolean {
  const lower = shell.toLowerCase()
  return lower.includes('pwsh') || lower.includes('powershell') || lower.includes('cmd')
}

/** The program a `#!` line or a shell command runs: `/usr/bin/env -S bash -e` → `bash`. */
export function interpreterName(command: string): string {
  const words = command.trim().split(/\s+/)
  let index = 0
  if (basename(words[0] ?? '') === 'env') {
    index = 1
    while (index < words.length) {
      const word = words[index] ?? ''
      if (word === '-S' || word === '--split-string') index++
      else if (word.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) index++
      else break
    }
  }
  return basename(words[index] ?? '')
}

function basename(path: string): string {
  return path.replace(/^["']|["']$/g, '').replace(/^.*[/\\]/, '')
}

/** The `--shell` dialect for an interpreter name, if ShellCheck has one for it. */
export function dialectOf(name: string): string | undefined {
  if (name === 'mksh') return 'ksh'
  return shellCheckDialects.has(name) ? name : undefined
}

/** `#!` + the first word of the shell, with `/usr/bin/env` for a bare name. */
export function shebangFor(shell: string): string {
  const first = shell.trim().split(/\s+/)[0] ?? ''
  if (first === '') return '#!/bin/sh'
  return first.startsWith('/') ? `#!${first}` : `#!/usr/bin/env ${basename(first)}`
}

/** The header ShellCheck reads before the script: shebang, then one `export` a name. */
export function scriptHeader(shebang: string, names: Iterable<string>): string[] {
  const exported = new Set<string>(proxyVariables)
  for (const name of names) if (isIdentifier(name)) exported.add(name)
  // hadolint exports a Set, which lists its names in code-point order.
  const sorted = [...exported].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return [shebang, ...sorted.map((name) => `export ${name}=1`)]
}

function script(
  shebang: string,
  names: Iterable<string>,
  body: string,
  at: { line: number; column: number; instructionLine: number }
): ShellCheckScript {
  const header = scriptHeader(shebang, names)
  const rows = body.split('\n').length
  return {
    text: `${header.join('\n')}\n${body}\n`,
    headerLines: header.length,
    dialect: dialectOf(interpreterName(shebang.slice(2))),
    line: at.line,
    column: at.column,
    endLine: at.line + rows - 1,
    instructionLine: at.instructionLine
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The shell a heredoc is fed to as its script (`bash <<EOF`, `sh -e <<'EOF'`), found on the
 * nearest row above its body that has its `<<` operator; undefined when the body is data
 * (`cat <<EOF`, `bash -c … <<EOF`, `bash script.sh <<EOF`). `rows` are the script's rows and
 * `bodyStart` the row where this heredoc's body starts; `otherBodies` are rows of bodies.
 */
export function heredocShell(
  rows: readonly string[],
  heredoc: Heredoc,
  bodyStart: number,
  otherBodies: ReadonlySet<number> = new Set()
): string | undefined {
  const operator = new RegExp(
    `(?<!<)<<(?!<)-?[ \\t]*(["']?)${escapeRegExp(heredoc.name)}\\1(?![\\w.-])`
  )
  for (let index = Math.min(bodyStart, rows.length) - 1; index >= 0; index--) {
    if (otherBodies.has(index)) continue
    const row = rows[index] ?? ''
    const match = operator.exec(row)
    if (match) return shellBefore(row.slice(0, match.index))
  }
  return undefined
}

/** The shell that the simple command ending in `before` runs its stdin with, if any. */
function shellBefore(before: string): string | undefined {
  // The simple command before the operator, after the last list or pipeline separator.
  const command = before.split(/&&|\|\||[;|&({]|\bthen\b|\bdo\b|\belse\b/).pop() ?? ''
  const words = command.trim().split(/\s+/).filter(Boolean)
  while (words[0] !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[0])) words.shift()
  if (words[0] === 'exec' || words[0] === 'command') words.shift()
  const shell = words[0]
  if (shell === undefined || !posixShells.has(basename(shell))) return undefined
  let takesValue = false
  for (const word of words.slice(1)) {
    if (takesValue) {
      takesValue = false
      continue
    }
    // `-c` (alone or in a cluster such as `-ec`): the script is the argument, stdin is data.
    if (/^[-+][A-Za-z]*c/.test(word) && !word.startsWith('--')) return undefined
    if (word === '-s' || word === '--') return shell
    if (word === '-o' || word === '+o') takesValue = true
    else if (!/^[-+]/.test(word)) return undefined
  }
  return shell
}

function bodyRows(heredoc: Heredoc): number {
  return heredoc.body === '' ? 0 : heredoc.body.split('\n').length
}

/** The scripts of one RUN (its own and those of heredocs fed to a shell). */
function runScripts(instruction: Instruction, state: ShellState): ShellCheckScript[] {
  const text = instruction.script
  if (text === undefined || instruction.json !== undefined) return []
  if (isNonPosixShell(state.shell)) return []
  const at = {
    line: instruction.scriptLine,
    column: instruction.scriptColumn,
    instructionLine: instruction.line
  }
  const rows = text.split('\n')
  let shebang = shebangFor(state.shell)
  const firstRow = rows[0] ?? ''
  if (firstRow.startsWith('#!')) {
    // A heredoc script with its own interpreter: another language is not ours to check.
    if (!posixShells.has(interpreterName(firstRow.slice(2)))) return []
    shebang = firstRow.trimEnd()
    rows[0] = ''
  }
  const scripts: ShellCheckScript[] = []
  const isBareHeredoc =
    instruction.heredocs[0] !== undefined &&
    instruction.scriptLine === instruction.heredocs[0].bodyLine
  if (!isBareHeredoc) {
    const bodies = new Set<number>()
    for (const heredoc of instruction.heredocs) {
      const first = heredoc.bodyLine - instruction.scriptLine
      for (let row = first; row <= first + bodyRows(heredoc); row++) bodies.add(row)
    }
    const original = text.split('\n')
    for (const heredoc of instruction.heredocs) {
      const count = bodyRows(heredoc)
      const first = heredoc.bodyLine - instruction.scriptLine
      const shell = count === 0 ? undefined : heredocShell(original, heredoc, first, bodies)
      if (shell === undefined) continue
      // Fed to a shell, a `#!` line is a comment; left in, ShellCheck would ask it be first.
      const body = heredoc.body.replace(/^#!.*/, '')
      scripts.push(
        script(shebangFor(shell), state.names, body, {
          line: heredoc.bodyLine,
          column: 1,
          instructionLine: instruction.line
        })
      )
      // The outer script keeps the heredoc, empty, so its findings are not reported twice.
      for (let row = first; row < first + count; row++) if (row < rows.length) rows[row] = ''
    }
  }
  scripts.unshift(script(shebang, state.names, rows.join('\n'), at))
  return scripts
}

/** Every script ShellCheck should read for a Dockerfile, in file order. */
export function shellCheckScripts(dockerfile: Dockerfile): ShellCheckScript[] {
  const instructions = dockerfile.instructions
  const inside = (line: number) =>
    instructions.some((instruction) => line > instruction.line && line <= instruction.endLine)
  const pragmas = parsePragmas(dockerfile.comments).shell.filter(({ line }) => !inside(line))

  type Event = { line: number; pragma: string } | { line: number; instruction: Instruction }
  const events: Event[] = [
    ...pragmas.map(({ line, shell }) => ({ line, pragma: shell })),
    ...instructions.map((instruction) => ({ line: instruction.line, instruction }))
  ].sort((a, b) => a.line - b.line)

  let defaults: ShellState = { shell: defaultShell, names: new Set() }
  let state: ShellState = { shell: defaults.shell, names: new Set() }
  const stageStates: ShellState[] = []
  const stages = new StageTracker()
  const scripts: ShellCheckScript[] = []

  for (const event of events) {
    if ('pragma' in event) {
      state.shell = event.pragma
      // Above the first FROM, the pragma is every stage's default.
      if (stages.stages.length === 0) defaults = { shell: event.pragma, names: new Set() }
      continue
    }
    const instruction = event.instruction
    switch (instruction.keyword) {
      case 'FROM': {
        const stage = stages.check(instruction)
        const parent = stage?.parent ? stageStates[stage.parent.index] : undefined
        state = parent
          ? { shell: parent.shell, names: new Set(parent.names) }
          : { shell: defaults.shell, names: new Set() }
        if (stage) stageStates[stage.index] = state
        break
      }
      case 'ARG':
      case 'ENV':
        for (const pair of instruction.pairs) state.names.add(pair.key)
        break
      case 'SHELL':
        state.shell = instruction.json ? instruction.json.join(' ') : instruction.text
        break
      case 'RUN':
        scripts.push(...runScripts(instruction, state))
        break
      case 'ONBUILD':
        // The trigger runs in a later build, under the SHELL and ENV this image passes on.
        if (instruction.trigger?.keyword === 'RUN') {
          scripts.push(...runScripts(instruction.trigger, state))
        }
        break
    }
  }
  return scripts
}

/**
 * A ShellCheck position (1-based, in the text it read) → the Dockerfile position. Rows of the
 * script map to the Dockerfile's lines one to one; only the first row starts at the script's
 * column. A finding on the header (lines we wrote) is reported on the instruction's line,
 * column 1, as hadolint reports every finding; one past the script's end (an unexpected end
 * of file) on its last line.
 *
 * DELIBERATE DIFFERENCE: hadolint reports every SCxxxx finding on the RUN's first line with
 * column 1. We report where the finding is, so an annotation points at the exact line.
 */
export function dockerfilePosition(
  script: ShellCheckScript,
  line: number,
  column: number
): { line: number; column: number } {
  const row = line - script.headerLines - 1
  if (row < 0) return { line: script.instructionLine, column: 1 }
  const lastRow = script.endLine - script.line
  if (row > lastRow) return { line: script.endLine, column: 1 }
  return {
    line: script.line + row,
    column: row === 0 ? column + script.column - 1 : column
  }
}
