import { commandsOf } from '../helpers/commands.js'
import type { LintInstruction, Rule } from '../rule.js'

/** RUN flags compared as a set, with each mount's options in a fixed order. */
function flagsKey(instruction: LintInstruction): string {
  if (instruction.flags.length === 0) return ''
  return instruction.flags
    .map((flag) => {
      const value =
        flag.name === 'mount' && flag.value !== null
          ? flag.value.split(',').sort().join(',')
          : flag.value
      return `${flag.name}=${value ?? ''}`
    })
    .sort()
    .join('\n')
}

/**
 * Every RUN is a layer. Single-command RUNs in a row with the same flags can usually be one
 * RUN. Comments between them do not matter; any other instruction ends the row, and a RUN with
 * several commands is taken as deliberately separate.
 */
export const DL3059: Rule = {
  meta: {
    code: 'DL3059',
    severity: 'info',
    message: 'Consecutive RUN instructions each add a layer; join them into one RUN with &&'
  },
  create(context) {
    let previous: { flags: string; commands: number } | undefined
    return {
      check(instruction) {
        if (instruction.keyword === '#') return
        if (instruction.keyword !== 'RUN') {
          previous = undefined
          return
        }
        const flags = flagsKey(instruction)
        const commands = commandsOf(instruction).length
        if (previous && previous.flags === flags && previous.commands <= 1 && commands <= 1)
          context.report(instruction.line)
        else previous = { flags, commands }
      }
    }
  }
}
