import { dropQuotes } from '../helpers/packages-a.js'
import { simpleRule, type Rule } from '../rule.js'

/** `port`, `port/proto`, `start-end` or `start-end/proto`. */
const portPattern = /^(\d+)(?:-(\d+))?(?:\/[A-Za-z]+)?$/
const maxPort = 65535

/** A port outside 0–65535 cannot be published; Docker refuses it when the container starts. */
export const DL3011: Rule = simpleRule(
  {
    code: 'DL3011',
    severity: 'error',
    message: 'EXPOSE a port between 0 and 65535'
  },
  (instruction) => {
    if (instruction.keyword !== 'EXPOSE') return true
    for (const word of instruction.words) {
      const match = portPattern.exec(dropQuotes(word))
      if (!match) continue // $PORT and the like are only known at build time
      if (Number(match[1]) > maxPort || Number(match[2] ?? 0) > maxPort) return false
    }
    return true
  }
)
