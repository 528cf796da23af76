/**
 * Temporary folders for tests, removed when the test file finishes (test/helpers/setup.ts
 * registers the afterAll hook for every test file).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const created: string[] = []

export function scratchDir(prefix: string, options: { lowercase?: boolean } = {}): string {
  // Some tools derive names from paths and refuse upper case (buildah from oci:DIR).
  const dir = options.lowercase
    ? join(tmpdir(), `runnerkit-${prefix}-${randomBytes(6).toString('hex')}`)
    : mkdtempSync(join(tmpdir(), `runnerkit-${prefix}-`))
  if (options.lowercase) mkdirSync(dir, { mode: 0o700 })
  created.push(dir)
  return dir
}

export function removeScratchDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}
