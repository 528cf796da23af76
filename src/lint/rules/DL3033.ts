import { commandsOf } from '../helpers/commands.js'
import { rpmInstallPinned } from '../helpers/packages-b.js'
import { VariableScope } from '../helpers/variables.js'
import type { Rule } from '../rule.js'

const managers = ['yum']

/**
 * Unpinned yum packages make the same Dockerfile build different images over time. A version
 * kept in an ARG or ENV (`pkg-${VERSION}`) counts as pinned.
 */
export const DL3033: Rule = {
  meta: {
    code: 'DL3033',
    severity: 'warning',
    message:
      'Pin yum package versions (yum install -y <package>-<version>) so rebuilds are reproducible'
  },
  onbuild: true,
  create(context) {
    const scope = new VariableScope()
    return {
      check(instruction) {
        scope.check(instruction)
        if (instruction.keyword !== 'RUN') return
        const pinned = commandsOf(instruction).every((command) =>
          rpmInstallPinned(command, managers, scope.isDeclared)
        )
        if (!pinned) context.report(instruction.line)
      }
    }
  }
}
