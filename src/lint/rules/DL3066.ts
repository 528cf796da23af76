import type { Rule } from '../rule.js'

const digits = /^\d*$/

/**
 * A user name is looked up in the image's /etc/passwd; a host or orchestrator (runAsNonRoot,
 * volume ownership) only understands numeric IDs. A variable set by ARG is taken on trust.
 */
export const DL3066: Rule = {
  meta: {
    code: 'DL3066',
    severity: 'info',
    message:
      'USER names a user instead of a numeric UID, which the host may not resolve; use USER <uid>[:<gid>]'
  },
  create(context) {
    const args: string[] = []
    return {
      check(instruction) {
        if (instruction.keyword === 'ARG') {
          for (const pair of instruction.pairs) args.push(pair.key)
          return
        }
        if (instruction.keyword !== 'USER') return
        const user = instruction.text
        const colon = user.indexOf(':')
        if (digits.test(colon >= 0 ? user.slice(0, colon) : user)) return
        if (args.some((name) => user.includes(`\${${name}}`) || user.includes(`$${name}`))) return
        context.report(instruction.line)
      }
    }
  }
}
