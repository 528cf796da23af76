import { commandsOf } from '../helpers/commands.js'
import type { Rule } from '../rule.js'

/**
 * curl and wget do the same job; having both in a stage means two tools to install, patch and
 * keep in the image. Once a stage has used both, every RUN using either is reported.
 */
export const DL4001: Rule = {
  meta: {
    code: 'DL4001',
    severity: 'warning',
    message: 'This stage uses both curl and wget; settle on one of them'
  },
  onbuild: true,
  create(context) {
    let curl = false
    let wget = false
    return {
      check(instruction) {
        if (instruction.keyword === 'FROM') {
          curl = wget = false
          return
        }
        if (instruction.keyword !== 'RUN') return
        let uses = false
        for (const command of commandsOf(instruction)) {
          if (command.name === 'curl') curl = uses = true
          else if (command.name === 'wget') wget = uses = true
        }
        if (uses && curl && wget) context.report(instruction.line)
      }
    }
  }
}
