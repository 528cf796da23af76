import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleAll } from '../bundle.js'
import type { CheckStep } from './step.js'

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry)
      return statSync(path).isDirectory()
        ? filesUnder(path, `${prefix}${entry}/`)
        : [`${prefix}${entry}`]
    })
}

/**
 * Rebuilds every bundle into a temporary folder and compares it byte for byte with the
 * committed dist/ folders, so a source change without `npm run bundle` cannot land.
 */
export const distFreshness: CheckStep = {
  name: 'dist is fresh',
  async run(root) {
    const scratch = mkdtempSync(join(tmpdir(), 'runnerkit-dist-'))
    try {
      const targets = await bundleAll(root, scratch)
      const problems: string[] = []
      for (const target of targets) {
        const committed = join(root, target.distDir)
        const expected = join(scratch, target.distDir)
        const committedFiles = filesUnder(committed)
        for (const file of filesUnder(expected)) {
          const at = `${target.distDir}/${file}`
          if (!committedFiles.includes(file))
            problems.push(`${at}: missing; run 'npm run bundle' and commit dist/`)
          else if (!readFileSync(join(committed, file)).equals(readFileSync(join(expected, file))))
            problems.push(
              `${at}: stale, differs from a fresh build; run 'npm run bundle' and commit dist/`
            )
        }
        const expectedFiles = filesUnder(expected)
        for (const file of committedFiles.filter((name) => !expectedFiles.includes(name)))
          problems.push(
            `${target.distDir}/${file}: not produced by the build any more; run 'npm run bundle'`
          )
      }
      return problems
    } finally {
      rmSync(scratch, { recursive: true, force: true })
    }
  }
}
