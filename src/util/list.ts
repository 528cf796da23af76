import { parse } from 'csv-parse/sync'

export interface ListOptions {
  /** Keep commas inside an entry: the entry is itself a comma-separated attribute list. */
  ignoreComma?: boolean
  /** Lines starting with this prefix (after trimming) are dropped. */
  comment?: string
}

/**
 * Splits a list input the way GitHub Actions users write them: one entry per line, or
 * comma-separated when `ignoreComma` is off. Quoted entries (`"a,b"`) keep their commas.
 * Blank entries are dropped.
 */
export function parseList(text: string | undefined, options: ListOptions = {}): string[] {
  if (!text) return []
  const comment = options.comment
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !(comment && line.startsWith(comment)))
  if (options.ignoreComma) return lines
  const entries: string[] = []
  for (const line of lines) {
    const records: string[][] = parse(line, {
      columns: false,
      relaxQuotes: true,
      relaxColumnCount: true,
      skipEmptyLines: true,
      trim: true
    })
    for (const record of records) {
      for (const field of record) {
        if (field !== '' && !(comment && field.startsWith(comment))) entries.push(field)
      }
    }
  }
  return entries
}
