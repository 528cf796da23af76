/**
 * Merges keys into one section of an INI file (pip.conf, as Python's configparser reads it):
 * other sections, other keys and comments stay as they are; a key we own that is already there
 * gets our value (its continuation lines go with the old value, later duplicates are dropped —
 * configparser refuses duplicates); a missing key goes after the section's last setting; a
 * missing section goes at the end. merge(merge(x)) === merge(x).
 */
import { UserError } from '../../errors.js'

/** A plain value replaces; `{ add }` adds words to a whitespace-separated list (trusted-host). */
export type IniValue = string | { add: readonly string[] }

export interface IniMergeOptions {
  /** How the tool compares keys (pip: lower case, `_` ≡ `-`). Default: lower case. */
  normalizeKey?: (key: string) => string
  /** For messages: the file. */
  file?: string
}

const headerLine = /^\s*\[([^\]]+)\]\s*$/
const commentLine = /^\s*[#;]/
const keyLine = /^([^=:\s][^=:]*?)\s*[=:]\s*(.*)$/

type Kind = 'header' | 'comment' | 'blank' | 'continuation' | 'key' | 'other'

interface Line {
  text: string
  kind: Kind
  key?: string
  value?: string
  section?: string
}

function classify(lines: readonly string[]): Line[] {
  const result: Line[] = []
  let previous: Kind = 'blank'
  for (const text of lines) {
    let line: Line
    const header = headerLine.exec(text)
    if (header) line = { text, kind: 'header', section: header[1]!.trim() }
    else if (text.trim() === '') line = { text, kind: 'blank' }
    else if (commentLine.test(text)) line = { text, kind: 'comment' }
    else if (/^\s/.test(text) && (previous === 'key' || previous === 'continuation'))
      line = { text, kind: 'continuation', value: text.trim() }
    else {
      const match = keyLine.exec(text.trimStart())
      line = match
        ? { text, kind: 'key', key: match[1]!, value: match[2]! }
        : { text, kind: 'other' }
    }
    result.push(line)
    previous = line.kind
  }
  return result
}

export function mergeIniSection(
  existing: string | undefined,
  section: string,
  values: Readonly<Record<string, IniValue>>,
  options: IniMergeOptions = {}
): string {
  const normalize = options.normalizeKey ?? ((key: string) => key.toLowerCase())
  for (const [key, value] of Object.entries(values)) {
    const words = typeof value === 'string' ? [value] : value.add
    if (words.some((word) => /[\r\n]/.test(word)) || /[\r\n=:[\]]/.test(key)) {
      throw new UserError(`${options.file ?? 'ini file'}: ${key}: a line break is not allowed`)
    }
  }
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n'
  const text = existing ?? ''
  const lines = classify(text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/))
  const render = (key: string, value: string) => `${key} = ${value}`.trimEnd()

  const start = lines.findIndex((line) => line.kind === 'header' && line.section === section)
  if (start === -1) {
    const block = [
      `[${section}]`,
      ...Object.entries(values).map(([key, value]) =>
        render(key, typeof value === 'string' ? value : value.add.join(' '))
      )
    ]
    const kept = lines.map((line) => line.text)
    while (kept.length > 0 && kept[kept.length - 1]!.trim() === '') kept.pop()
    return `${[...kept, ...(kept.length > 0 ? [''] : []), ...block].join(eol)}${eol}`
  }
  let end = lines.findIndex((line, index) => index > start && line.kind === 'header')
  if (end === -1) end = lines.length

  const owned = new Map(Object.keys(values).map((key) => [normalize(key), key]))
  const seen = new Set<string>()
  const out: string[] = lines.slice(0, start + 1).map((line) => line.text)
  let lastSetting = out.length
  for (let index = start + 1; index < end; index++) {
    const line = lines[index]!
    const ours = line.kind === 'key' ? owned.get(normalize(line.key!)) : undefined
    if (ours === undefined) {
      out.push(line.text)
      if (line.kind === 'key' || line.kind === 'continuation' || line.kind === 'other')
        lastSetting = out.length
      continue
    }
    // Our key: collect its continuation lines, then write it once.
    const continuation: Line[] = []
    while (lines[index + 1]?.kind === 'continuation') continuation.push(lines[++index]!)
    if (seen.has(ours)) continue
    seen.add(ours)
    const wanted = values[ours]!
    const current = [line.value!, ...continuation.map((entry) => entry.value!)].join(' ').trim()
    let next: string
    if (typeof wanted === 'string') next = wanted
    else {
      const words = current.split(/\s+/).filter((word) => word !== '')
      next = [...words, ...wanted.add.filter((word) => !words.includes(word))].join(' ')
    }
    if (next === current) out.push(line.text, ...continuation.map((entry) => entry.text))
    else out.push(render(line.key!, next))
    lastSetting = out.length
  }
  const missing = Object.entries(values)
    .filter(([key]) => !seen.has(key))
    .map(([key, value]) => render(key, typeof value === 'string' ? value : value.add.join(' ')))
  out.splice(lastSetting, 0, ...missing)
  for (let index = end; index < lines.length; index++) out.push(lines[index]!.text)
  return `${out.join(eol)}${eol}`
}

/** pip's key comparison: `index_url` and `Index-URL` are `index-url`. */
export function pipKey(key: string): string {
  return key.toLowerCase().replace(/_/g, '-')
}
