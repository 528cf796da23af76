/** WWW-Authenticate challenges (RFC 7235) as registries send them. */

export interface Challenge {
  scheme: string
  params: Record<string, string>
}

/**
 * Parses a WWW-Authenticate header into its challenges: `Bearer realm="…",service="…",
 * scope="repository:a:pull"`. Scheme names are lower-cased; parameter values keep their case.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: Challenge[] = []
  const token = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/y
  let position = 0
  let current: Challenge | undefined
  while (position < header.length) {
    token.lastIndex = position
    const name = token.exec(header)
    if (!name) {
      position++
      continue
    }
    position = token.lastIndex
    if (header[position] === '=') {
      position++
      let value = ''
      while (header[position] === ' ') position++
      if (header[position] === '"') {
        position++
        while (position < header.length && header[position] !== '"') {
          if (header[position] === '\\') position++
          value += header[position] ?? ''
          position++
        }
        position++
      } else {
        const end = header.indexOf(',', position)
        value = header.slice(position, end === -1 ? undefined : end).trim()
        position = end === -1 ? header.length : end
      }
      if (current) current.params[name[1]!.toLowerCase()] = value
    } else {
      current = { scheme: name[1]!.toLowerCase(), params: {} }
      challenges.push(current)
    }
    while (header[position] === ' ' || header[position] === ',') position++
  }
  return challenges
}

/** The scope a registry token covers for a repository and actions (`pull`, `push`). */
export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${actions.join(',')}`
}
