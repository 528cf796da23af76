/**
 * `npm start` on this repository's own checkout, as a developer runs it (no GITHUB_* variables):
 * it is `runnerkit pipeline` through the committed bundle, so arguments pass through. Building
 * is covered by pipeline-release.test.ts; here --no-build keeps it to lint, meta and render.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

describe('npm start', () => {
  it('lints images/, computes the tags for HEAD and prints the summary', () => {
    requireTool('git')
    const head = spawnSync('git', ['rev-parse', 'HEAD'], {
      cwd: repositoryRoot,
      encoding: 'utf8'
    }).stdout.trim()
    const out = scratchDir('start-out')
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' }
    const result = spawnSync(process.execPath, ['scripts/start.js', '--no-build', '--out', out], {
      cwd: repositoryRoot,
      env,
      encoding: 'utf8'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^1\/7 lint images\/\n {4}3 file\(s\), 0 finding\(s\)\n/)
    expect(result.stdout).toContain('2/7 image-meta for HEAD')
    for (const image of ['debian-bookworm', 'rootless-ubuntu-noble', 'ubi9']) {
      expect(result.stdout).toContain(
        `${image}: build skipped → check skipped → push skipped → promote skipped → deploy`
      )
      const meta = JSON.parse(readFileSync(join(out, 'meta', `${image}.json`), 'utf8')) as {
        tags: string[]
        labels: Record<string, string>
      }
      expect(meta.labels['org.opencontainers.image.revision']).toBe(head)
      expect(meta.tags).toContain(`ghcr.io/runnerkit/${image}:sha-${head.slice(0, 7)}`)
    }
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toContain('```mermaid')
  })
})
