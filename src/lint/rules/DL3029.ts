import { simpleRule, type Rule } from '../rule.js'

/**
 * A fixed `--platform` builds for one architecture whatever the build asks for; only the
 * BUILDPLATFORM/TARGETPLATFORM build arguments keep multi-platform builds working.
 */
export const DL3029: Rule = simpleRule(
  {
    code: 'DL3029',
    severity: 'warning',
    message:
      'Do not hard-code FROM --platform; leave it out or use $BUILDPLATFORM / $TARGETPLATFORM'
  },
  (instruction) => {
    if (instruction.keyword !== 'FROM') return true
    for (const flag of instruction.flags) {
      if (flag.name !== 'platform' || !flag.value) continue
      if (!flag.value.includes('BUILDPLATFORM') && !flag.value.includes('TARGETPLATFORM'))
        return false
    }
    return true
  }
)
