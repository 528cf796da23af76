/**
 * Shared pieces of the DL1001–DL3029 rules: COPY/ADD paths as hadolint's parser reads them
 * (quoted paths stay one word, quotes kept) and archive names.
 */
import type { LintInstruction } from '../rule.js'

/** The file endings Docker's ADD unpacks, and hadolint treats as archives. */
export const archiveExtensions = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz'
] as const

/** Removes every leading and trailing quote character. */
export function dropQuotes(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (text[start] === '"' || text[start] === "'")) start++
  while (end > start && (text[end - 1] === '"' || text[end - 1] === "'")) end--
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

export function isArchive(path: string): boolean {
  const bare = dropQuotes(path)
  return archiveExtensions.some((extension) => bare.endsWith(extension))
}

/** The last component of a Unix or Windows path, quotes removed. */
export function baseName(path: string): string {
  const bare = dropQuotes(path)
  const cut = Math.max(bare.lastIndexOf('/'), bare.lastIndexOf('\\'))
  return cut < 0 ? bare : bare.slice(cut + 1)
}

export interface CopyPaths {
  sources: string[]
  target: string
}

/** COPY/ADD sources and target, in exec (JSON) or shell form; undefined without a target. */
export function copyPaths(instruction: LintInstruction): CopyPaths | undefined {
  const words = instruction.json ?? instruction.words
  if (words.length < 2) return undefined
  return { sources: words.slice(0, -1), target: words[words.length - 1] ?? '' }
}
