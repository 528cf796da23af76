/**
 * The images a Dockerfile's FROM lines pull, with ARG values substituted as the builder does
 * (defaults declared before the first FROM, overridden by build args). The build needs them to
 * know which registries the engine will reach, e.g. a plain-HTTP registry on loopback.
 */
import { parseDockerfile } from '../dockerfile/parse.js'

export function baseImages(
  dockerfileText: string,
  buildArgs: ReadonlyArray<[string, string]>
): string[] {
  const dockerfile = parseDockerfile(dockerfileText)
  const values = new Map<string, string>()
  const overrides = new Map(buildArgs)
  const stages = new Set<string>()
  const images: string[] = []
  let seenFrom = false
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'ARG' && !seenFrom) {
      for (const { key, value } of instruction.pairs) {
        const given = overrides.get(key) ?? value
        if (given !== null && given !== undefined) values.set(key, given)
      }
    }
    if (instruction.keyword !== 'FROM') continue
    seenFrom = true
    const [image, as, alias] = instruction.words
    if (image === undefined) continue
    const name = substitute(image, values)
    if (name.toLowerCase() !== 'scratch' && !stages.has(name.toLowerCase()) && name !== '') {
      images.push(name)
    }
    if (as?.toLowerCase() === 'as' && alias !== undefined) stages.add(alias.toLowerCase())
  }
  return [...new Set(images)]
}

/** `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`, as Dockerfile FROM reads them. */
function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (
      _match,
      braced: string | undefined,
      operator: string | undefined,
      word: string | undefined,
      bare: string | undefined
    ) => {
      const value = values.get(braced ?? bare ?? '') ?? ''
      if (operator === '-') return value !== '' ? value : (word ?? '')
      if (operator === '+') return value !== '' ? (word ?? '') : ''
      return value
    }
  )
}
