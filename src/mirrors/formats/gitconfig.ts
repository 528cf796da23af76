/**
 * Adds values to a git config file (git-config(1) syntax) by editing text: the user's [user]
 * section, includes, comments and every other line stay as they were. A value already present
 * in its section is left alone, so merging twice changes nothing.
 */

/** A section header's name (lower-cased) and subsection (case kept), or undefined. */
function header(line: string): { section: string; subsection?: string } | undefined {
  const match = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*(?:[#;].*)?$/.exec(
    line
  )
  if (match === null) return undefined
  const section = match[1]!.toLowerCase()
  if (match[2] !== undefined) return { section, subsection: match[2].replace(/\\(.)/g, '$1') }
  // The deprecated [section.subsection] form: the subsection is lower-cased by git.
  const dot = section.indexOf('.')
  return dot === -1
    ? { section }
    : { section: section.slice(0, dot), subsection: section.slice(dot + 1) }
}

/** A `key = value` line's key (lower-cased) and its value, unquoted. */
function entry(line: string): { key: string; value: string } | undefined {
  const match = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line)
  if (match === null) return undefined
  let value = ''
  let quoted = false
  const raw = match[2] ?? ''
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!
    if (char === '\\' && index + 1 < raw.length) {
      const next = raw[++index]!
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next
    } else if (char === '"') quoted = !quoted
    else if (!quoted && (char === '#' || char === ';')) break
    else value += char
  }
  return { key: match[1]!.toLowerCase(), value: value.trim() }
}

/** A value as git writes it: quoted when it holds anything a bare value cannot. */
export function gitConfigValue(value: string): string {
  if (/^[^\s"\\#;][^"\\#;]*[^\s"\\#;]$|^[^\s"\\#;]$/.test(value)) return value
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`
}

function headerLine(section: string, subsection: string | undefined): string {
  return subsection === undefined
    ? `[${section}]`
    : `[${section} "${subsection.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"]`
}

export interface GitConfigValue {
  section: string
  subsection?: string
  key: string
  value: string
}

/** Adds each value to its section unless the section already has that key with that value. */
export function addGitConfigValues(existing: string | undefined, values: GitConfigValue[]): string {
  const lines = (existing ?? '').split('\n')
  if (lines.at(-1) === '') lines.pop()
  for (const wanted of values) {
    const section = wanted.section.toLowerCase()
    const key = wanted.key.toLowerCase()
    let start = -1
    let end = lines.length
    let present = false
    for (let index = 0; index < lines.length; index++) {
      const found = header(lines[index]!)
      if (found !== undefined) {
        if (start !== -1 && end === lines.length) end = index
        if (found.section === section && found.subsection === wanted.subsection) {
          start = index
          end = lines.length
        }
        continue
      }
      if (start !== -1 && end === lines.length) {
        const kv = entry(lines[index]!)
        if (kv?.key === key && kv.value === wanted.value) present = true
      }
    }
    if (present) continue
    const line = `\t${wanted.key} = ${gitConfigValue(wanted.value)}`
    if (start === -1) {
      lines.push(headerLine(wanted.section, wanted.subsection), line)
    } else {
      let at = end
      while (at > start + 1 && lines[at - 1]!.trim() === '') at--
      lines.splice(at, 0, line)
    }
  }
  return `${lines.join('\n')}\n`
}
