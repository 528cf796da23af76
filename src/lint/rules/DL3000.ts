import { simpleRule, type Rule } from '../rule.js'

/** Relative WORKDIR paths depend on whatever WORKDIR the base image left behind. */
export const DL3000: Rule = simpleRule(
  { code: 'DL3000', severity: 'error', message: 'WORKDIR should be an absolute path' },
  (instruction) => {
    if (instruction.keyword !== 'WORKDIR') return true
    const path = instruction.text.replace(/^["']|["']$/g, '')
    return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:/.test(path)
  }
)
