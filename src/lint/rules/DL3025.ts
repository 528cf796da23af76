import { simpleRule, type Rule } from '../rule.js'

/**
 * Shell form wraps the command in `/bin/sh -c`, so the process does not get signals such as
 * SIGTERM and the container cannot stop cleanly; the JSON (exec) form runs it directly.
 */
export const DL3025: Rule = simpleRule(
  {
    code: 'DL3025',
    severity: 'warning',
    message:
      'Write CMD, ENTRYPOINT and HEALTHCHECK CMD in JSON form (["executable", "arg"]) so signals reach the process'
  },
  (instruction) => {
    switch (instruction.keyword) {
      case 'CMD':
      case 'ENTRYPOINT':
        return instruction.json !== undefined
      case 'HEALTHCHECK':
        return instruction.words[0]?.toUpperCase() !== 'CMD' || instruction.json !== undefined
      default:
        return true
    }
  }
)
