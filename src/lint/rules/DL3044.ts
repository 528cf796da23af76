import type { KeyValue } from '../../dockerfile/model.js'
import type { Rule } from '../rule.js'

/** Whether a character can continue a variable name. */
function isNameCharacter(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 // _
  )
}

/** `text` expands `name`: `$name` not followed by more of a name, or `${name}`, `${name:-x}`… */
function expands(text: string, name: string): boolean {
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    const braced = text[at + 1] === '{'
    const start = at + (braced ? 2 : 1)
    if (!text.startsWith(name, start)) continue
    const next = start + name.length
    if (next >= text.length) return !braced
    if (!isNameCharacter(text.charCodeAt(next))) return true
  }
  return false
}

/** A name defined in this ENV and used by another of its pairs. */
function usedWithinSameEnv(pairs: readonly KeyValue[], defined: ReadonlySet<string>): boolean {
  return pairs.some(
    ({ key }, index) =>
      !defined.has(key) &&
      pairs.some((pair, other) => other !== index && expands(pair.value ?? '', key))
  )
}

/**
 * Docker expands an ENV's values before any of its pairs take effect, so `ENV A=1 B=$A` gives
 * B the previous A (usually empty), not 1.
 */
export const DL3044: Rule = {
  meta: {
    code: 'DL3044',
    severity: 'error',
    message:
      'A variable defined in an ENV cannot be used by the same ENV; split it into two ENV instructions'
  },
  create(context) {
    const defined = new Set<string>()
    return {
      check(instruction) {
        if (instruction.keyword === 'ENV') {
          if (usedWithinSameEnv(instruction.pairs, defined)) context.report(instruction.line)
          for (const pair of instruction.pairs) defined.add(pair.key)
        } else if (instruction.keyword === 'ARG') {
          for (const pair of instruction.pairs) defined.add(pair.key)
        }
      }
    }
  }
}
