/**
 * hadolint's comment pragmas. The whole comment must match, otherwise it is an ordinary
 * comment: a lower-case code, a reason without its own `#`, or one bad name in the list
 * makes the pragma ignore nothing, as in hadolint.
 *
 *   # hadolint ignore=DL3008,SC2086       the instruction on the next line
 *   # hadolint global ignore=DL3059       the whole file
 *   # hadolint stage ignore=DL3006        the stage whose FROM follows, after its FROM line
 *   # hadolint shell=powershell           the shell ShellCheck assumes from here on
 *
 * Only comments between instructions are pragmas: a comment inside a continued instruction is
 * dropped by hadolint's parser and never seen.
 */
import type { Comment } from '../dockerfile/model.js'

const spaces = '[ \\t]'
const codes = `([DLSC0-9]+(?:${spaces}*,${spaces}*[DLSC0-9]+)*)`
const trailer = `${spaces}*(?:#.*)?$`
const ignorePattern = new RegExp(
  `^${spaces}*hadolint${spaces}+(ignore|global${spaces}+ignore|stage${spaces}+ignore)${spaces}*=${spaces}*${codes}${trailer}`
)
// A shell name is anything up to a space or tab, '#' included, as in hadolint.
const shellPattern = new RegExp(
  `^${spaces}*hadolint${spaces}+shell${spaces}*=${spaces}*([^ \\t]+)${trailer}`
)

export interface Pragmas {
  /** Line of the pragma → codes ignored on the next line. */
  inline: Map<number, Set<string>>
  global: Set<string>
  /** Stage pragmas in file order; `line` is the pragma's own line. */
  stage: Array<{ line: number; codes: Set<string> }>
  shell: Array<{ line: number; shell: string }>
}

function codeSet(list: string): Set<string> {
  return new Set(list.split(',').map((code) => code.trim()))
}

/**
 * Reads the pragmas of a file's comments. Pass the instructions so that comments inside a
 * continued instruction are skipped (a `# hadolint global ignore=…` between the lines of a RUN
 * is no pragma for hadolint).
 */
export function parsePragmas(
  comments: readonly Comment[],
  instructions: readonly { line: number; endLine: number }[] = []
): Pragmas {
  const pragmas: Pragmas = { inline: new Map(), global: new Set(), stage: [], shell: [] }
  const inside = (line: number) =>
    instructions.some((instruction) => line > instruction.line && line <= instruction.endLine)
  for (const comment of comments) {
    if (inside(comment.line)) continue
    const ignore = ignorePattern.exec(comment.text)
    if (ignore) {
      const kind = (ignore[1] ?? '').split(/[ \t]+/)[0]
      const list = codeSet(ignore[2] ?? '')
      if (kind === 'ignore') pragmas.inline.set(comment.line, list)
      else if (kind === 'global') for (const code of list) pragmas.global.add(code)
      else pragmas.stage.push({ line: comment.line, codes: list })
      continue
    }
    const shell = shellPattern.exec(comment.text)
    if (shell) pragmas.shell.push({ line: comment.line, shell: shell[1] ?? '' })
  }
  return pragmas
}

/** Whether a comment is an inline `ignore` pragma (what DL1001 reports). */
export function isInlineIgnorePragma(text: string): boolean {
  const match = ignorePattern.exec(text)
  return match !== null && match[1] === 'ignore'
}

/**
 * The stage pragma in force on `line`, as hadolint scopes it: each stage pragma takes effect on
 * the line after it (directly above a FROM, that is the FROM's line), every FROM without one
 * there ends the previous pragma, and a line is governed by the nearest such boundary strictly
 * before it. So the stage's own FROM line is not covered, a pragma not directly above a FROM
 * starts two lines below itself, the next stage's FROM line is still covered, and a second stage
 * pragma in the same stage replaces the first.
 */
function stageCodes(
  pragmas: Pragmas,
  fromLines: readonly number[],
  line: number
): Set<string> | undefined {
  let boundary = 0
  let codes: Set<string> | undefined
  for (const stage of pragmas.stage) {
    const start = stage.line + 1
    if (start < line && start >= boundary) {
      boundary = start
      codes = stage.codes
    }
  }
  for (const from of fromLines) {
    if (from < line && from > boundary) {
      boundary = from
      codes = undefined
    }
  }
  return codes
}

/**
 * Whether a failure with `code` on `line` is suppressed by a global pragma, an inline pragma on
 * the line above, or the stage pragma in force. `fromLines` are the lines of every FROM.
 */
export function isSuppressed(
  pragmas: Pragmas,
  fromLines: readonly number[],
  code: string,
  line: number
): boolean {
  if (pragmas.global.has(code)) return true
  if (pragmas.inline.get(line - 1)?.has(code)) return true
  return stageCodes(pragmas, fromLines, line)?.has(code) ?? false
}
