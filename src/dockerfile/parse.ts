/**
 * Dockerfile → runnerkit's model (model.ts), on top of dockerfile-ast, which parses as BuildKit
 * does: heredocs, the escape directive, continuations with comment and blank lines, and an
 * instruction right after a heredoc terminator. What BuildKit would refuse becomes `error`.
 */
import {
  DockerfileParser,
  type Instruction as AstInstruction,
  type Heredoc as AstHeredoc,
  type Property as AstProperty
} from 'dockerfile-ast'
import type { Dockerfile, Flag, Heredoc, Instruction, KeyValue, ParseError } from './model.js'

type Range = ReturnType<AstInstruction['getRange']>

/** Instructions BuildKit also accepts as a JSON array (HEALTHCHECK after its CMD). */
const execFormKeywords = new Set([
  'RUN',
  'CMD',
  'ENTRYPOINT',
  'SHELL',
  'HEALTHCHECK',
  'COPY',
  'ADD',
  'VOLUME'
])

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
  /** 0-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0
    let high = this.lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.lineStarts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low, column: offset - (this.lineStarts[low] ?? 0) }
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

function pairsOf(instruction: AstInstruction): KeyValue[] {
  const withProperties = instruction as AstInstruction & { getProperties?: () => AstProperty[] }
  if (typeof withProperties.getProperties !== 'function') return []
  return withProperties
    .getProperties()
    .map((property) => ({ key: property.getName(), value: property.getValue() }))
}

/** Exec form: a JSON array of strings. Anything else (even `['a']`) is shell form, as in BuildKit. */
function jsonOf(text: string): string[] | undefined {
  if (!text.startsWith('[') || !text.endsWith(']')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed) && parsed.every((item): item is string => typeof item === 'string')) {
      return parsed
    }
  } catch {
    // Not JSON: BuildKit runs it in shell form, and so do we.
  }
  return undefined
}

/** Where an instruction's arguments start, and the flags before them (BuildKit's `--name[=value]`). */
interface Head {
  flags: Flag[]
  flagPositions: Array<{ line: number; column: number }>
  /** Offset of the first argument after the flags (or the end of the instruction). */
  argsOffset: number
}

/**
 * Reads past the keyword and the flags, across continuations (and the comment or blank lines
 * they may swallow). dockerfile-ast can do this too, but its argument accessors re-scan the
 * whole instruction on every call and cost more than the parse itself.
 */
function readHead(
  source: Source,
  start: number,
  end: number,
  keywordLength: number,
  escape: string
): Head {
  const text = source.text
  const flags: Flag[] = []
  const flagPositions: Head['flagPositions'] = []
  let at = start + keywordLength
  for (;;) {
    // Skip blanks and `escape⏎` continuations with the comment/blank lines after them.
    while (at < end) {
      const char = text[at]
      if (char === ' ' || char === '\t') at++
      else if (char === escape && /^[ \t]*\n/.test(text.slice(at + 1, at + 64))) {
        at = text.indexOf('\n', at) + 1
        for (;;) {
          const lineEnd = text.indexOf('\n', at)
          const line = text.slice(at, lineEnd < 0 ? end : lineEnd)
          if (lineEnd < 0 || !(line.trim() === '' || isCommentLine(line))) break
          at = lineEnd + 1
        }
      } else break
    }
    if (!text.startsWith('--', at) || at >= end) break
    let tokenEnd = at
    let quote = ''
    while (tokenEnd < end) {
      const char = text[tokenEnd] ?? ''
      if (quote) {
        if (char === quote) quote = ''
      } else if (char === '"' || char === "'") quote = char
      else if (char === ' ' || char === '\t' || char === '\n') break
      tokenEnd++
    }
    const token = text.slice(at + 2, tokenEnd)
    const equals = token.indexOf('=')
    flags.push({
      name: equals < 0 ? token : token.slice(0, equals),
      value: equals < 0 ? null : token.slice(equals + 1)
    })
    flagPositions.push(source.position(at))
    at = tokenEnd
  }
  return { flags, flagPositions, argsOffset: Math.min(at, end) }
}

/** Splits a logical line on blanks outside quotes; quotes are kept, as dockerfile-ast does. */
function splitWords(text: string): string[] {
  const words: string[] = []
  let current = ''
  let quote = ''
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = ''
    } else if (char === '"' || char === "'") quote = char
    else if (char === ' ' || char === '\t' || char === '\n') {
      if (current) words.push(current)
      current = ''
      continue
    }
    current += char
  }
  if (current) words.push(current)
  return words
}

function convert(
  instruction: AstInstruction,
  source: Source,
  escape: string,
  errors: ParseError[]
): Instruction {
  const range = instruction.getRange()
  const rawKeyword = instruction.getKeyword()
  const keyword = rawKeyword.toUpperCase()
  const line = range.start.line + 1
  const column = range.start.character + 1
  const startOffset = source.offset(range.start)
  const endOffset = source.offset(range.end)
  const mayHaveHeredoc = source.text.slice(startOffset, endOffset).includes('<<')
  let heredocs: Heredoc[] = []
  try {
    heredocs = mayHaveHeredoc ? heredocsOf(instruction, source) : []
  } catch {
    // dockerfile-ast throws on some malformed heredoc markers (found by fuzzing); BuildKit
    // rejects those files too.
    errors.push({ line, column, message: `${keyword} has a heredoc marker that cannot be read` })
  }
  const head = readHead(source, startOffset, endOffset, rawKeyword.length, escape)
  const flags = head.flags
  const argsStart = source.position(head.argsOffset)

  // Heredoc bodies are not part of the instruction's arguments.
  const firstBody = heredocs[0]
  const argsEnd = firstBody ? (source.lineStarts[firstBody.bodyLine - 1] ?? endOffset) : endOffset
  const raw = source.text.slice(head.argsOffset, Math.max(head.argsOffset, argsEnd))
  const scriptLine = argsStart.line + 1
  const scriptColumn = argsStart.column + 1
  const text = joinContinuations(raw, escape)
  const words = splitWords(text)
  const json = execFormKeywords.has(keyword) ? jsonOf(text.replace(/^CMD\s+/i, '')) : undefined

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
  flags.forEach((flag, index) => {
    if (allowed.includes(flag.name)) return
    const at = head.flagPositions[index] ?? { line: line - 1, column: column - 1 }
    errors.push({
      line: at.line + 1,
      column: at.column + 1,
      message: `${keyword} does not accept the flag --${flag.name}`
    })
  })
  for (const heredoc of heredocs) {
    if (!heredoc.terminated) {
      errors.push({
        line,
        column,
        message: `heredoc '${heredoc.name}' has no terminating line '${heredoc.name}'`
      })
    }
  }

  if (keyword === 'RUN' && json === undefined) {
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
        argsStart.line,
        argsStart.column,
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
