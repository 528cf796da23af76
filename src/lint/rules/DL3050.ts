import type { Rule } from '../rule.js'

/**
 * With strict labels, the label schema is the complete list: a label outside it is usually a
 * typo of a schema label or metadata nobody agreed on.
 */
export const DL3050: Rule = {
  meta: {
    code: 'DL3050',
    severity: 'info',
    message:
      'This LABEL sets labels outside the label schema; remove them or add them to the schema'
  },
  create(context) {
    if (!context.settings.strictLabels) return { check() {} }
    const schema = context.settings.labelSchema
    return {
      check(instruction) {
        if (instruction.keyword !== 'LABEL') return
        const extra = instruction.pairs
          .map((pair) => pair.key)
          .filter((key) => !Object.hasOwn(schema, key))
        if (extra.length === 0) return
        const names = [...new Set(extra)].map((key) => `\`${key}\``)
        const message =
          names.length === 1
            ? `Label ${names[0]} is not in the label schema; remove it or add it to the schema`
            : `Labels ${names.join(', ')} are not in the label schema; remove them or add them to the schema`
        context.report(instruction.line, message)
      }
    }
  }
}
