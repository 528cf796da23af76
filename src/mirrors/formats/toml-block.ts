/**
 * Sets keys in TOML tables by editing text, so a user's comments, ordering and other tables
 * survive (a parse-and-stringify round trip would drop every comment). A table header found in
 * the text gets our keys replaced in place or added right below the header; a missing table is
 * appended at the end. The result is parsed back to check that it is valid TOML and holds the
 * values set — anything this cannot edit safely (the same table written as dotted keys or an
 * inline table) is reported instead of written wrong.
 */
import { parse } from 'smol-toml'
import { UserError } from '../../errors.js'

export class TomlMergeError extends UserError {}

/** A TOML basic string. */
export function tomlString(value: string): string {
  return JSON.stringify(value)
}

/** The key path of a header like `[source."crates-io"]` (undefined for other lines). */
function headerPath(line: string): { path: string[]; array: boolean } | undefined {
  const match = /^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$/.exec(line)
  if (match === null) return undefined
  const parts: string[] = []
  const keyPart = /\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*(\.|$)/y
  const body = match[2]!
  let offset = 0
  while (offset < body.length) {
    keyPart.lastIndex = offset
    const part = keyPart.exec(body)
    if (part === null) return undefined
    parts.push(
      part[1] !== undefined ? (JSON.parse(`"${part[1]}"`) as string) : (part[2] ?? part[3]!)
    )
    offset = keyPart.lastIndex
    if (part[4] === '') break
  }
  return { path: parts, array: match[1] === '[[' }
}

function keyOf(line: string): string | undefined {
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=/.exec(line)
  if (match === null) return undefined
  return match[1] !== undefined ? (JSON.parse(`"${match[1]}"`) as string) : (match[2] ?? match[3])
}

function bareOrQuoted(key: string): string {
  return /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)
}

export interface TomlKeys {
  table: string[]
  /** Key → TOML value literal (tomlString('…'), true, 3). */
  values: Array<[string, string]>
}

/** Sets each key of each table; other text is kept byte for byte. */
export function setTomlKeys(
  existing: string | undefined,
  tables: TomlKeys[],
  what: string
): string {
  let lines = (existing ?? '').split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const { table, values } of tables) lines = setTable(lines, table, values)
  const text = `${lines.join('\n')}\n`
  check(text, tables, what)
  return text
}

function setTable(lines: string[], table: string[], values: Array<[string, string]>): string[] {
  const name = table.join('\u0000')
  const headerAt = lines.findIndex((line) => {
    const header = headerPath(line)
    return header !== undefined && !header.array && header.path.join('\u0000') === name
  })
  if (headerAt === -1) {
    const block = [
      `[${table.map(bareOrQuoted).join('.')}]`,
      ...values.map(([key, value]) => `${bareOrQuoted(key)} = ${value}`)
    ]
    const out = [...lines]
    while (out.length > 0 && out.at(-1)!.trim() === '') out.pop()
    return out.length > 0 ? [...out, '', ...block] : block
  }
  let bodyEnd = lines.length
  for (let index = headerAt + 1; index < lines.length; index++) {
    if (headerPath(lines[index]!) !== undefined) {
      bodyEnd = index
      break
    }
  }
  const out = [...lines]
  const missing: string[] = []
  for (const [key, value] of values) {
    const at = out.slice(headerAt + 1, bodyEnd).findIndex((line) => keyOf(line) === key)
    const line = `${bareOrQuoted(key)} = ${value}`
    if (at === -1) missing.push(line)
    else out[headerAt + 1 + at] = line
  }
  out.splice(headerAt + 1, 0, ...missing)
  return out
}

function check(text: string, tables: TomlKeys[], what: string): void {
  let parsed: Record<string, unknown>
  try {
    parsed = parse(text)
  } catch (error) {
    throw new TomlMergeError(
      `${what}: not valid TOML after the merge (${(error as Error).message.split('\n')[0]}); edit it by hand`
    )
  }
  for (const { table, values } of tables) {
    let node: unknown = parsed
    for (const part of table) node = (node as Record<string, unknown> | undefined)?.[part]
    for (const [key, value] of values) {
      const want = (parse(`v = ${value}`) as { v: unknown }).v
      const got = (node as Record<string, unknown> | undefined)?.[key]
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new TomlMergeError(
          `${what}: could not set ${[...table, key].join('.')} (is it written as a dotted key or an inline table?); edit it by hand`
        )
      }
    }
  }
}
