import { parseFrom } from '../helpers/from.js'
import { simpleRule, type Rule } from '../rule.js'

/** `latest` moves whenever the image is republished; a digest pins it, so that is fine. */
export const DL3007: Rule = simpleRule(
  {
    code: 'DL3007',
    severity: 'warning',
    message:
      'The latest tag changes whenever the image is republished; pin the base image to a release tag'
  },
  (instruction) => {
    if (instruction.keyword !== 'FROM') return true
    const { tag, digest } = parseFrom(instruction)
    return tag !== 'latest' || digest !== undefined
  }
)
