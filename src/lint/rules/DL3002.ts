import type { Rule } from '../rule.js'

const isRoot = (user: string) => /^(root|0)(:.*)?$/.test(user)

/**
 * Containers should not run as root. Per stage, the last USER decides; it is reported on its
 * own line once the stage (or the file) ends.
 */
export const DL3002: Rule = {
  meta: {
    code: 'DL3002',
    severity: 'warning',
    message: 'The last USER of a stage should not be root'
  },
  create(context) {
    let lastRootUser: number | undefined
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') lastRootUser = undefined
        if (instruction.keyword === 'USER')
          lastRootUser = isRoot(instruction.text) ? instruction.line : undefined
      },
      end() {
        if (lastRootUser !== undefined) context.report(lastRootUser)
      }
    }
  }
}
