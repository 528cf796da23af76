import { parse } from 'csv-parse/sync'
import { UserError, messageOf } from '../errors.js'

/** One comma-separated field of an entry: `key=value`, or a bare value. */
export interface Attribute {
  /** Lower-cased; undefined for a bare field. */
  key?: string
  value: string
}

/**
 * Splits one list entry (`type=semver,"pattern={{major}}.{{minor}}",enable=true`) into its
 * attributes, as metadata-action does: a CSV record (quote a field to keep its commas), each
 * field split at its first `=`, keys case-insensitive, keys and values trimmed.
 */
export function parseAttributes(entry: string, what: string): Attribute[] {
  let records: string[][]
  try {
    records = parse(entry, { relaxColumnCount: true, skipEmptyLines: true })
  } catch (error) {
    const reason = messageOf(error).replace(/^CsvError:\s*/, '')
    throw new UserError(
      `${what} '${entry}': ${reason}; quote the whole field ("key=value") to use quotes or commas in it`
    )
  }
  return (records[0] ?? []).map((field) => {
    const equals = field.indexOf('=')
    if (equals <= 0) return { value: field.trim() }
    return {
      key: field.slice(0, equals).trim().toLowerCase(),
      value: field.slice(equals + 1).trim()
    }
  })
}

/** `true`/`false` exactly, as metadata-action accepts for enable= and onlatest=. */
export function parseBooleanAttribute(value: string, where: string, name: string): boolean {
  if (value === 'true') return true
  if (value === 'false') return false
  throw new UserError(`${where}: ${name}=${value} is not 'true' or 'false'`)
}
