/**
 * ~/.netrc, which pip (requests), Go and curl read for credentials per host: one `machine`
 * entry set, every other entry and comment kept. Written only with secret: true (0600).
 */
interface Token {
  text: string
  start: number
  end: number
}

function netrcTokens(text: string): Token[] {
  const tokens: Token[] = []
  const pattern = /\S+/g
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    if (match[0].startsWith('#')) {
      // A comment runs to the end of the line.
      const newline = text.indexOf('\n', match.index)
      pattern.lastIndex = newline === -1 ? text.length : newline
      continue
    }
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  }
  return tokens
}

/**
 * Sets the `machine HOST` entry of a netrc to our login and password, keeping every other entry
 * and comment; a repeated entry for the host is dropped (the first one would win).
 */
export function mergeNetrc(
  existing: string | undefined,
  machine: string,
  login: string,
  password: string
): string {
  const text = existing ?? ''
  const entry = `machine ${machine} login ${login} password ${password}\n`
  const tokens = netrcTokens(text)
  const starts = new Set(['machine', 'default', 'macdef'])
  const spans: Array<[number, number]> = []
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]!.text !== 'machine' || tokens[index + 1]?.text !== machine) continue
    let last = index + 1
    while (last + 1 < tokens.length && !starts.has(tokens[last + 1]!.text)) last++
    const newline = text.indexOf('\n', tokens[last]!.end)
    spans.push([tokens[index]!.start, newline === -1 ? text.length : newline + 1])
    index = last
  }
  if (spans.length === 0) {
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`
    return `${base}${entry}`
  }
  let result = ''
  let at = 0
  spans.forEach(([start, end], position) => {
    result += text.slice(at, start) + (position === 0 ? entry : '')
    at = end
  })
  return result + text.slice(at)
}
