import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Finds a wasm asset: beside the running bundle (dist/ ships them there), else in
 * node_modules (tests and `tsx` run the sources).
 */
export function locateAsset(file: string, packageName: string): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), file)
  if (existsSync(beside)) return beside
  const require = createRequire(import.meta.url)
  try {
    return require.resolve(`${packageName}/${file}`)
  } catch {
    // Packages without an "exports" entry for the asset (tree-sitter-bash).
    return join(dirname(require.resolve(`${packageName}/package.json`)), file)
  }
}
