/**
 * hadolint's comment pragmas. The whole comment must match, otherwise it is an ordinary
 * comment: a lower-case code, a reason without its own `#`, or one bad name in the list
 * makes the pragma ignore nothing, as in hadolint.
 *
 *   # hadolint ignore=DL3008,SC2086       the instruction on the next line
 *   # hadolint global ignore=DL3059       the whole file
 *   # hadolint stage ignore=DL3006        the stage whose FROM follows, after its FROM line
 *   # hadolint shell=powershell           the shell ShellCheck assumes from here on
 */
import type { Comment } from '../dockerfile/model.js'

const spaces = '[ \\t]'
const codes = `([DLSC0-9]+(?:${spaces}*,${spaces}*[DLSC0-9]+)*)`
const trailer = `${spaces}*(?:#.*)?$`
const ignorePattern = new RegExp(
  `^${spaces}*hadolint${spaces}+(ignore|global${spaces}+ignore|stage${spaces}+ignore)${spaces}*=${spaces}*${codes}${trailer}`
)
const shellPattern = new RegExp(
  `^${spaces}*hadolint${spaces}+shell${spaces}*=${spaces}*([^ \\t#]+)${trailer}`
)

export interface Pragmas {
  /** Line of the pragma → codes ignored on the next line. */
  inline: Map<number, Set<string>>
  global: Set<string>
  stage: Array<{ line: number; codes: Set<string> }>
  shell: Array<{ line: number; shell: string }>
}

function codeSet(list: string): Set<string> {
  return new Set(list.split(',').map((code) => code.trim()))
}

export function parsePragmas(comments: readonly Comment[]): Pragmas {
  const pragmas: Pragmas = { inline: new Map(), global: new Set(), stage: [], shell: [] }
  for (const comment of comments) {
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
 * Whether a failure with `code` on `line` is suppressed. `fromLines` are the lines of every
 * FROM, in order: a stage pragma covers the lines after the FROM that follows it, up to the
 * next FROM, and not the FROM line itself.
 */
export function isSuppressed(
  pragmas: Pragmas,
  fromLines: readonly number[],
  code: string,
  line: number
): boolean {
  if (pragmas.global.has(code)) return true
  if (pragmas.inline.get(line - 1)?.has(code)) return true
  for (const stage of pragmas.stage) {
    if (!stage.codes.has(code) || line <= stage.line + 1) continue
    const nextFrom = fromLines.find((from) => from > stage.line + 1)
    if (nextFrom === undefined || line < nextFrom) return true
  }
  return false
}
