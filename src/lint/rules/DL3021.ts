import { copyPaths, dropQuotes } from '../helpers/packages-a.js'
import { simpleRule, type Rule } from '../rule.js'

/** With several sources the destination must be a directory, written with a trailing `/`. */
export const DL3021: Rule = simpleRule(
  {
    code: 'DL3021',
    severity: 'error',
    message: 'COPY with several sources needs a destination directory ending in /'
  },
  (instruction) => {
    if (instruction.keyword !== 'COPY') return true
    const paths = copyPaths(instruction)
    return !paths || paths.sources.length < 2 || dropQuotes(paths.target).endsWith('/')
  }
)
