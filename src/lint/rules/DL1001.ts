import { isInlineIgnorePragma } from '../pragmas.js'
import { simpleRule, type Rule } from '../rule.js'

/**
 * Off by default: teams that want every exception recorded in the config file, not scattered
 * through Dockerfiles, turn it on to forbid inline `# hadolint ignore=` pragmas.
 */
export const DL1001: Rule = simpleRule(
  {
    code: 'DL1001',
    severity: 'ignore',
    message:
      'Inline ignore pragmas (# hadolint ignore=…) are not allowed here; list exceptions in the lint configuration instead'
  },
  (instruction) => instruction.keyword !== '#' || !isInlineIgnorePragma(instruction.text)
)
