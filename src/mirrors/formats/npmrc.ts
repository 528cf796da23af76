/**
 * Merges top-level settings into an npmrc (`key=value`, as npm, pnpm and yarn 1 read it) or a
 * yarn 1 `.yarnrc` (`key "value"`): comments and settings we do not own stay as they are; a key
 * we own gets our value in place (later duplicates are dropped, since the last one would win);
 * a missing key goes after the last top-level setting — before any `[section]`, where it would
 * no longer be top-level. merge(merge(x)) === merge(x).
 */
import { UserError } from '../../errors.js'

export type RcStyle = 'npmrc' | 'yarnrc'

export interface RcMergeOptions {
  /** npmrc: `key=value`; yarnrc: `key "value"`. Default npmrc. */
  style?: RcStyle
  /** For messages: the file. */
  file?: string
}

interface Setting {
  key: string
  value: string
}

function parseNpmrc(line: string): Setting | undefined {
  const trimmed = line.trim()
  if (trimmed === '' || /^[#;]/.test(trimmed) || trimmed.startsWith('[')) return undefined
  const at = trimmed.indexOf('=')
  if (at <= 0) return undefined
  return { key: trimmed.slice(0, at).trim(), value: unquote(trimmed.slice(at + 1).trim()) }
}

function parseYarnrc(line: string): Setting | undefined {
  const match = /^\s*("(?:[^"\\]|\\.)*"|[^\s"#][^\s]*)\s+(.*?)\s*$/.exec(line)
  if (!match || line.trim().startsWith('#')) return undefined
  return { key: unquote(match[1]!), value: unquote(match[2]!) }
}

function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    try {
      return JSON.parse(text) as string
    } catch {
      return text.slice(1, -1)
    }
  }
  return text
}

function renderLine(style: RcStyle, key: string, value: string): string {
  if (style === 'npmrc') return `${key}=${value}`
  const quotedKey = /^[A-Za-z0-9_-]+$/.test(key) ? key : JSON.stringify(key)
  return `${quotedKey} ${JSON.stringify(value)}`
}

export function mergeRc(
  existing: string | undefined,
  values: Readonly<Record<string, string>>,
  options: RcMergeOptions = {}
): string {
  const style = options.style ?? 'npmrc'
  for (const [key, value] of Object.entries(values)) {
    if (/[\r\n]/.test(key + value) || (style === 'npmrc' && key.includes('='))) {
      throw new UserError(`${options.file ?? style}: ${key}: a line break is not allowed`)
    }
  }
  const eol = existing?.includes('\r\n') ? '\r\n' : '\n'
  const text = existing ?? ''
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/)
  const parse = style === 'npmrc' ? parseNpmrc : parseYarnrc
  const out: string[] = []
  const seen = new Set<string>()
  let insertAt: number | undefined
  let lastSetting = 0
  for (const line of lines) {
    if (style === 'npmrc' && insertAt === undefined && /^\s*\[/.test(line)) insertAt = lastSetting
    const setting = insertAt === undefined ? parse(line) : undefined
    if (setting === undefined || !(setting.key in values)) {
      out.push(line)
      if (setting !== undefined) lastSetting = out.length
      continue
    }
    if (seen.has(setting.key)) continue
    seen.add(setting.key)
    const wanted = values[setting.key]!
    out.push(setting.value === wanted ? line : renderLine(style, setting.key, wanted))
    lastSetting = out.length
  }
  const missing = Object.entries(values)
    .filter(([key]) => !seen.has(key))
    .map(([key, value]) => renderLine(style, key, value))
  out.splice(insertAt ?? lastSetting, 0, ...missing)
  return out.length === 0 ? '' : `${out.join(eol)}${eol}`
}
