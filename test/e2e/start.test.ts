/**
 * `npm start` on this repository's own checkout: every stage that has landed runs against the
 * committed bundles and the real git history; the others say they are not available yet.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from '../helpers/run-action.js'
import { requireTool } from '../helpers/tools.js'

describe('npm start', () => {
  it('computes release tags for HEAD and writes them to out/meta', () => {
    requireTool('git')
    const head = spawnSync('git', ['rev-parse', 'HEAD'], {
      cwd: repositoryRoot,
      encoding: 'utf8'
    }).stdout.trim()
    // Outside Actions, as a developer runs it: no GITHUB_* variables.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root' }
    const result = spawnSync(process.execPath, ['scripts/start.js'], {
      cwd: repositoryRoot,
      env,
      encoding: 'utf8'
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/- lint images\/\n {2}\d+ image\(s\) lint clean/)
    // Building is opt-in here: the images need a public registry and GitHub, which this
    // machine cannot reach; the stage must say so rather than pass silently.
    expect(result.stdout).toMatch(
      /- build images into out\/oci\n {2}not run: set RUNNERKIT_BUILD=1/
    )
    const meta = JSON.parse(readFileSync(join(repositoryRoot, 'out/meta/runner.json'), 'utf8')) as {
      tags: string[]
      labels: Record<string, string>
    }
    expect(meta.labels['org.opencontainers.image.revision']).toBe(head)
    expect(meta.tags).toContain(`ghcr.io/runnerkit/runner:sha-${head.slice(0, 7)}`)
  })
})
