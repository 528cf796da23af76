/**
 * Temporary folders for tests, removed when the test file finishes (test/helpers/setup.ts
 * registers the afterAll hook for every test file).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const created: string[] = []

export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `runnerkit-${prefix}-`))
  created.push(dir)
  return dir
}

export function removeScratchDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true })
}
