import { copyPaths, dropQuotes, isArchive } from '../helpers/packages-a.js'
import { simpleRule, type Rule } from '../rule.js'

const isUrl = (source: string) => {
  const bare = dropQuotes(source)
  return bare.startsWith('https://') || bare.startsWith('http://')
}

/**
 * ADD also unpacks archives and fetches URLs; for plain files and folders that magic only
 * surprises, and COPY says what is meant.
 */
export const DL3020: Rule = simpleRule(
  {
    code: 'DL3020',
    severity: 'error',
    message: 'Use COPY, not ADD, for files and folders; keep ADD for archives to unpack and URLs'
  },
  (instruction) => {
    if (instruction.keyword !== 'ADD') return true
    const paths = copyPaths(instruction)
    return !paths || paths.sources.every((source) => isArchive(source) || isUrl(source))
  }
)
