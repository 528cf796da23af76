import type { Rule } from '../rule.js'

const isRoot = (user: string) =>
  user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:')

/**
 * Containers should not run as root. In each stage the last USER decides; a stage whose last
 * USER is root is reported on that USER line once the file ends. A USER before any FROM
 * belongs to no stage and is not judged.
 */
export const DL3002: Rule = {
  meta: {
    code: 'DL3002',
    severity: 'warning',
    message: 'The last USER of a stage should not be root; switch to an unprivileged user'
  },
  create(context) {
    /** Per stage (by FROM order): the line of its last USER when that user is root. */
    const rootUsers: Array<number | undefined> = []
    let stage = -1
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') {
          stage++
          rootUsers[stage] = undefined
        } else if (instruction.keyword === 'USER' && stage >= 0) {
          rootUsers[stage] = isRoot(instruction.text) ? instruction.line : undefined
        }
      },
      end() {
        for (const line of rootUsers) if (line !== undefined) context.report(line)
      }
    }
  }
}
