import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../../..')

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .filter((entry) => !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('the OIDC client stub in the bundles', () => {
  it('stands in for a function no runnerkit source calls', () => {
    const callers = [...sourceFiles('src'), ...sourceFiles('actions')].filter((file) =>
      readFileSync(file, 'utf8').includes('getIDToken')
    )
    // If this fails, remove withoutOidcClient from scripts/bundle.ts: the stub rejects.
    expect(callers).toEqual([])
  })

  it('is what the committed action bundles contain, not the real module', () => {
    const bundle = readFileSync(join(root, 'actions/dockerfile-lint/dist/index.js'), 'utf8')
    expect(bundle).toContain('scripts/bundle-stubs/oidc-utils.ts')
    expect(bundle).not.toContain('@actions/core/lib/oidc-utils.js')
  })
})
