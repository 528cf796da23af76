import { simpleRule, type LintInstruction } from '../rule.js'

const unquote = (path: string) => path.replace(/^(["'])(.*)\1$/, '$2')

/** COPY's paths, sources then target, in exec (JSON) or shell form. */
const pathsOf = (instruction: LintInstruction) => instruction.json ?? instruction.words.map(unquote)

/**
 * Copying another stage's whole filesystem over / overwrites the base (passwd, libraries,
 * package database) and defeats the point of a separate stage.
 */
export const DL3067 = simpleRule(
  {
    code: 'DL3067',
    severity: 'warning',
    message:
      "Do not COPY --from another stage's whole filesystem onto /; copy only the paths you need"
  },
  (instruction) => {
    if (instruction.keyword !== 'COPY' || !instruction.flags.some((flag) => flag.name === 'from'))
      return true
    const paths = pathsOf(instruction)
    const target = paths.pop()
    return target !== '/' || !paths.includes('/')
  }
)
