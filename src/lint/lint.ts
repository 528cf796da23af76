/**
 * Lints files: reads each (or standard input), parses it, runs the rules and, when a
 * ShellCheck runner is given, adds its findings. One unreadable or unparsable file does not
 * stop the others: it gets its own finding.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Dockerfile } from '../dockerfile/model.js'
import { parseDockerfile } from '../dockerfile/parse.js'
import { initShellParser } from '../dockerfile/shell.js'
import { lintDockerfile, type LintSettings, type RawFailure } from './engine.js'
import type { Finding } from './finding.js'
import type { Rule } from './rule.js'

export interface FileResult {
  file: string
  findings: Finding[]
}

export interface LintRequest {
  /** Paths as they are to be reported (relative to cwd, or absolute); `-` is standard input. */
  files: readonly string[]
  cwd: string
  rules: readonly Rule[]
  settings: LintSettings
  /** Extra failures per file, e.g. ShellCheck's. */
  external?: (dockerfile: Dockerfile) => Promise<RawFailure[]>
  readStdin?: () => Promise<string>
}

// Invalid UTF-8 becomes U+FFFD instead of an exception: the file is still linted.
const decoder = new TextDecoder('utf-8', { fatal: false })

async function readText(request: LintRequest, file: string): Promise<string> {
  if (file === '-') {
    if (!request.readStdin) throw new Error('standard input is not available here')
    return request.readStdin()
  }
  return decoder.decode(await readFile(resolve(request.cwd, file)))
}

export async function lintFiles(request: LintRequest): Promise<FileResult[]> {
  await initShellParser()
  const results: FileResult[] = []
  for (const file of request.files) {
    let text: string
    try {
      text = await readText(request, file)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      results.push({
        file,
        findings: [
          {
            file,
            line: 1,
            column: 1,
            code: 'DL1000',
            severity: 'error',
            message: `cannot read the file: ${reason}`
          }
        ]
      })
      continue
    }
    const dockerfile = parseDockerfile(text, file)
    const external = !dockerfile.error && request.external ? await request.external(dockerfile) : []
    results.push({
      file,
      findings: lintDockerfile(dockerfile, request.rules, request.settings, external)
    })
  }
  return results
}
