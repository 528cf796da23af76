/**
 * Which files to lint: explicit paths, globs with `**`, and directories searched for
 * Dockerfiles. Inputs are newline- or comma-separated in the action; the CLI takes arguments.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { isAbsolute as isAbsolutePath, join, relative, resolve, sep } from 'node:path'
import { UserError } from '../errors.js'

/** File names that are Dockerfiles when a directory is searched. */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith('.dockerignore')) return false // BuildKit's per-Dockerfile ignore files
  // mirror-config's image mode writes Dockerfile.snippet: lines to paste, not a Dockerfile.
  if (name === 'Dockerfile.snippet') return false
  return (
    name === 'Dockerfile' ||
    name === 'Containerfile' ||
    name.endsWith('.Dockerfile') ||
    name.endsWith('.dockerfile') ||
    name.startsWith('Dockerfile.') ||
    name.startsWith('Containerfile.')
  )
}

/** Folders never searched: version control and dependencies. */
const skippedDirectories = new Set(['.git', 'node_modules'])

function walk(dir: string, visit: (path: string) => void): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return // unreadable folders are not ours to lint
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!skippedDirectories.has(entry.name)) walk(path, visit)
    } else if (entry.isFile()) {
      visit(path)
    }
  }
}

const hasGlob = (pattern: string) => /[*?[{]/.test(pattern)

/** A glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(pattern: string): RegExp {
  let source = ''
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? ''
    if (char === '*' && pattern[index + 1] === '*') {
      const slash = pattern[index + 2] === '/'
      source += slash ? '(?:.*/)?' : '.*'
      index += slash ? 2 : 1
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else if (char === '{') {
      const close = pattern.indexOf('}', index)
      if (close < 0) source += '\\{'
      else {
        const options = pattern.slice(index + 1, close).split(',')
        source += `(?:${options.map((option) => option.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`
        index = close
      }
    } else if (char === '[') {
      const close = pattern.indexOf(']', index)
      if (close < 0) source += '\\['
      else {
        source += pattern.slice(index, close + 1).replace(/^\[!/, '[^')
        index = close
      }
    } else source += char.replace(/[.+^$()|\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

const toSlashes = (path: string) => path.split(sep).join('/')

/**
 * The files to lint, each named as the user would expect to see it: explicit paths as given,
 * discovered files relative to `cwd`. `-` stands for standard input. With `recursive`, a
 * relative name that is not a folder is searched for in every folder, the working directory
 * included (hadolint-action's `recursive: true`). Each input must match something.
 */
export function findDockerfiles(
  inputs: readonly string[],
  options: { cwd: string; recursive?: boolean }
): string[] {
  const found: string[] = []
  const add = (path: string) => {
    if (!found.includes(path)) found.push(path)
  }
  for (const input of inputs) {
    if (input === '-') {
      add('-')
      continue
    }
    const absolute = resolve(options.cwd, input)
    const before = found.length
    const exists = !hasGlob(input) && existsSync(absolute)
    const isDirectory = exists && statSync(absolute).isDirectory()
    // hadolint-action's recursive runs `hadolint **/<name>` with globstar, which matches the
    // name in the working directory too: an existing file there does not end the search.
    const searchEverywhere =
      options.recursive === true && !hasGlob(input) && !isDirectory && !isAbsolutePath(input)
    if (isDirectory) {
      walk(absolute, (path) => {
        if (isDockerfileName(path.slice(path.lastIndexOf(sep) + 1)))
          add(toSlashes(relative(options.cwd, path)))
      })
    } else if (exists && !searchEverywhere) {
      add(input)
    } else {
      const pattern = hasGlob(input) ? input : `**/${toSlashes(input).replace(/^(?:\.\/)+/, '')}`
      if (!hasGlob(input) && !options.recursive) {
        throw new UserError(
          `'${input}' does not exist; give a Dockerfile, a folder or a glob such as '**/Dockerfile'`
        )
      }
      // Walk only below the pattern's fixed leading folders.
      const slashed = toSlashes(pattern).replace(/^\.\//, '')
      const segments = slashed.split('/')
      const fixed = segments.slice(0, segments.findIndex(hasGlob)).join('/')
      const matcher = globToRegExp(slashed)
      const isAbsolute = slashed.startsWith('/')
      walk(resolve(options.cwd, fixed || '.'), (path) => {
        const shown = isAbsolute ? toSlashes(path) : toSlashes(relative(options.cwd, path))
        if (matcher.test(shown)) add(shown)
      })
    }
    if (found.length === before) {
      throw new UserError(
        `'${input}' matches no Dockerfile; check the path or pattern (relative to ${options.cwd})`
      )
    }
  }
  return found
}
