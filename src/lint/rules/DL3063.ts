import { parseFrom } from '../helpers/from.js'
import { simpleRule } from '../rule.js'

const reserved = new Set(['scratch', 'context'])

/** `scratch` and `context` already mean something in FROM and COPY --from; BuildKit forbids them. */
export const DL3063 = simpleRule(
  {
    code: 'DL3063',
    severity: 'warning',
    message: 'Stage names scratch and context are reserved; choose another name after AS'
  },
  (instruction) => {
    if (instruction.keyword !== 'FROM') return true
    const alias = parseFrom(instruction).alias
    return alias === undefined || !reserved.has(alias.toLowerCase())
  }
)
