/**
 * Dockerfile → runnerkit's model (model.ts), on top of dockerfile-ast, which parses as BuildKit
 * does: heredocs, the escape directive, continuations with comment and blank lines, and an
 * instruction right after a heredoc terminator. What BuildKit would refuse becomes `error`.
 */
import {
  DockerfileParser,
  type Instruction as AstInstruction,
  type Heredoc as AstHeredoc,
  type Flag as AstFlag,
  type Property as AstProperty
} from 'dockerfile-ast'
import type { Dockerfile, Flag, Heredoc, Instruction, KeyValue, ParseError } from './model.js'

type Range = ReturnType<AstInstruction['getRange']>

const knownKeywords = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR'
])

/** The flags BuildKit accepts per instruction; any other is an error there, so here too. */
const allowedFlags: Record<string, readonly string[]> = {
  FROM: ['platform'],
  RUN: ['mount', 'network', 'security'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  ADD: ['checksum', 'chown', 'chmod', 'link', 'keep-git-dir', 'unpack', 'exclude'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries']
}

/** Instructions BuildKit refuses without arguments. */
const needArguments = new Set([
  'ADD',
  'ARG',
  'COPY',
  'ENV',
  'EXPOSE',
  'FROM',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'STOPSIGNAL',
  'USER',
  'WORKDIR'
])

class Source {
  readonly lineStarts: number[] = [0]
  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) this.lineStarts.push(index + 1)
    }
  }
  offset(position: { line: number; character: number }): number {
    return (this.lineStarts[position.line] ?? this.text.length) + position.character
  }
  slice(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end))
  }
  line(index: number): string {
    const start = this.lineStarts[index] ?? this.text.length
    const next = this.lineStarts[index + 1]
    return this.text.slice(start, next === undefined ? this.text.length : next - 1)
  }
}

/** UTF-8/16 byte order marks are dropped and CRLF becomes LF, as BuildKit reads files. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
}

function isContinued(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape) && !line.trimEnd().endsWith(escape + escape)
}

function stripContinuation(line: string, escape: string): string {
  const trimmed = line.trimEnd()
  return trimmed.slice(0, trimmed.length - escape.length)
}

const isCommentLine = (line: string) => line.trimStart().startsWith('#')

/**
 * One logical line from raw argument text: `escape⏎` joins lines, and comment or blank lines
 * inside a continuation are dropped. A continued line that starts with whitespace contributes
 * one space, as hadolint joins them.
 */
export function joinContinuations(raw: string, escape: string): string {
  const lines = raw.split('\n')
  let joined = ''
  let continued = false
  for (const line of lines) {
    if (continued && (isCommentLine(line) || line.trim() === '')) continue
    const piece = continued && /^\s/.test(line) ? ` ${line.trimStart()}` : line
    if (isContinued(line, escape)) {
      joined += stripContinuation(piece, escape)
      continued = true
    } else {
      joined += continued || joined === '' ? piece : `\n${piece}`
      continued = false
    }
  }
  return joined.trim()
}

/**
 * A RUN script with the Dockerfile's line structure, so shell positions map back to it:
 * continuations become `\⏎` whatever the escape character, and comment or blank lines inside
 * a continuation become a lone `\` (the shell would otherwise end the command there).
 * Heredoc bodies are left exactly as written.
 */
function scriptWithLines(
  source: Source,
  startLine: number,
  startColumn: number,
  endLine: number,
  bodyLines: Set<number>,
  escape: string
): string {
  const lines: string[] = []
  let continued = false
  for (let index = startLine; index <= endLine; index++) {
    let line = source.line(index)
    if (index === startLine) line = line.slice(startColumn)
    if (bodyLines.has(index)) {
      lines.push(line)
      continued = false
      continue
    }
    if (continued && (isCommentLine(line) || line.trim() === '')) {
      lines.push('\\')
      continue
    }
    if (isContinued(line, escape)) {
      lines.push(`${stripContinuation(line, escape)}\\`)
      continued = true
    } else {
      lines.push(line)
      continued = false
    }
  }
  return lines.join('\n')
}

function heredocsOf(instruction: AstInstruction, source: Source): Heredoc[] {
  const withHeredocs = instruction as AstInstruction & { getHeredocs?: () => AstHeredoc[] }
  if (typeof withHeredocs.getHeredocs !== 'function') return []
  return withHeredocs.getHeredocs().map((heredoc) => {
    const content = heredoc.getContentRange()
    const delimiter = heredoc.getDelimiterRange()
    return {
      name: heredoc.getName(),
      body: content ? source.slice(content) : '',
      bodyLine: (content?.start.line ?? heredoc.getStartRange().end.line + 1) + 1,
      terminated: delimiter !== null
    }
  })
}

function flagsOf(instruction: AstInstruction): { flags: Flag[]; ast: AstFlag[] } {
  const withFlags = instruction as AstInstruction & { getFlags?: () => AstFlag[] }
  const ast = typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : []
  return { flags: ast.map((flag) => ({ name: flag.getName(), value: flag.getValue() })), ast }
}

function pairsOf(instruction: AstInstruction): KeyValue[] {
  const withProperties = instruction as AstInstruction & { getProperties?: () => AstProperty[] }
  if (typeof withProperties.getProperties !== 'function') return []
  return withProperties
    .getProperties()
    .map((property) => ({ key: property.getName(), value: property.getValue() }))
}

function jsonOf(instruction: AstInstruction, text: string): string[] | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string'))
      return parsed as string[]
  } catch {
    // Not JSON: BuildKit runs it in shell form, and so do we.
  }
  void instruction
  return undefined
}

function convert(
  instruction: AstInstruction,
  source: Source,
  escape: string,
  errors: ParseError[]
): Instruction {
  const range = instruction.getRange()
  const keyword = instruction.getKeyword().toUpperCase()
  const line = range.start.line + 1
  const column = range.start.character + 1
  const { flags, ast: astFlags } = flagsOf(instruction)
  const heredocs = heredocsOf(instruction, source)
  const argsRange = instruction.getArgumentsRange()

  let raw = ''
  let scriptLine = line
  let scriptColumn = column
  if (argsRange) {
    // Heredoc bodies are not part of the instruction's arguments.
    const firstBody = (
      instruction as AstInstruction & { getHeredocs?: () => AstHeredoc[] }
    ).getHeredocs?.()[0]
    const end = firstBody
      ? {
          line: firstBody.getStartRange().end.line,
          character: source.line(firstBody.getStartRange().end.line).length
        }
      : range.end
    raw = source.text.slice(source.offset(argsRange.start), source.offset(end))
    scriptLine = argsRange.start.line + 1
    scriptColumn = argsRange.start.character + 1
  }
  const text = joinContinuations(raw, escape)
  const words = instruction.getArguments().map((argument) => argument.getValue())
  const json =
    keyword === 'RUN' ||
    keyword === 'CMD' ||
    keyword === 'ENTRYPOINT' ||
    keyword === 'SHELL' ||
    keyword === 'HEALTHCHECK'
      ? jsonOf(instruction, text.replace(/^CMD\s+/i, ''))
      : undefined

  const result: Instruction = {
    keyword,
    line,
    endLine: range.end.line + 1,
    column,
    flags,
    text,
    words,
    json,
    heredocs,
    pairs: pairsOf(instruction),
    scriptLine,
    scriptColumn
  }

  if (!knownKeywords.has(keyword)) {
    errors.push({ line, column, message: `unknown instruction '${instruction.getKeyword()}'` })
  } else if (needArguments.has(keyword) && text === '' && heredocs.length === 0) {
    errors.push({ line, column, message: `${keyword} needs arguments` })
  }
  const allowed = allowedFlags[keyword] ?? []
  for (const flag of astFlags) {
    if (!allowed.includes(flag.getName())) {
      const at = flag.getRange().start
      errors.push({
        line: at.line + 1,
        column: at.character + 1,
        message: `${keyword} does not accept the flag --${flag.getName()}`
      })
    }
  }
  for (const heredoc of heredocs) {
    if (!heredoc.terminated) {
      errors.push({
        line,
        column,
        message: `heredoc '${heredoc.name}' has no terminating line '${heredoc.name}'`
      })
    }
  }

  if (keyword === 'RUN' && argsRange && json === undefined) {
    const bodyLines = new Set<number>()
    for (const heredoc of heredocs) {
      const lines = heredoc.body === '' ? 0 : heredoc.body.split('\n').length
      for (let index = 0; index <= lines; index++) bodyLines.add(heredoc.bodyLine - 1 + index)
    }
    const first = heredocs[0]
    if (first && /^(<<-?\s*["']?[\w.-]+["']?\s*)+$/.test(text)) {
      // `RUN <<EOF`: BuildKit runs the body itself as the script.
      result.script = first.body
      result.scriptLine = first.bodyLine
      result.scriptColumn = 1
    } else {
      result.script = scriptWithLines(
        source,
        argsRange.start.line,
        argsRange.start.character,
        range.end.line,
        bodyLines,
        escape
      )
    }
  } else if (keyword === 'RUN' && json !== undefined) {
    // Exec form runs no shell, but hadolint's rules read its words as a command line.
    result.script = json.join(' ')
  }

  if (keyword === 'ONBUILD') {
    const trigger = (
      instruction as AstInstruction & { getTriggerInstruction?: () => AstInstruction | null }
    ).getTriggerInstruction?.()
    if (trigger) result.trigger = convert(trigger, source, escape, errors)
  }
  return result
}

export function parseDockerfile(input: string, file = 'Dockerfile'): Dockerfile {
  const text = normaliseText(input)
  const source = new Source(text)
  const ast = DockerfileParser.parse(text)
  const escape = ast.getEscapeCharacter()
  const errors: ParseError[] = []
  const instructions = ast
    .getInstructions()
    .map((instruction) => convert(instruction, source, escape, errors))
  const comments = ast.getComments().map((comment) => {
    const start = comment.getRange().start
    const raw = source.line(start.line).slice(start.character)
    return { line: start.line + 1, text: raw.replace(/^#/, '') }
  })
  // dockerfile-ast takes any `# word…=value` at the top for a directive; BuildKit only a
  // single word, so `# hadolint global ignore=DL3002` on line 1 stays a comment (a pragma).
  const directives: Dockerfile['directives'] = []
  for (const directive of ast.getDirectives()) {
    const line = directive.getRange().start.line
    const raw = source.line(line)
    if (/^\s*#\s*[A-Za-z][A-Za-z0-9]*\s*=/.test(raw)) {
      directives.push({
        name: directive.getName().toLowerCase(),
        value: directive.getValue(),
        line: line + 1
      })
    } else {
      comments.push({ line: line + 1, text: raw.replace(/^\s*#/, '') })
    }
  }
  comments.sort((a, b) => a.line - b.line)
  errors.sort((a, b) => a.line - b.line || a.column - b.column)
  return {
    file,
    instructions,
    comments,
    directives,
    escape,
    ...(errors[0] ? { error: errors[0] } : {})
  }
}
