import { simpleRule } from '../rule.js'

const redundant = new Set(['$TARGETPLATFORM', '${TARGETPLATFORM}'])

/** FROM already builds for the target platform; saying so again is noise that hides real pins. */
export const DL3065 = simpleRule(
  {
    code: 'DL3065',
    severity: 'warning',
    message: 'FROM --platform=$TARGETPLATFORM is the default; remove the flag'
  },
  (instruction) => {
    if (instruction.keyword !== 'FROM' || instruction.flags.length === 0) return true
    const platform = instruction.flags.find((flag) => flag.name === 'platform')?.value
    return platform == null || !redundant.has(platform.replace(/^(["'])(.*)\1$/, '$2'))
  }
)
