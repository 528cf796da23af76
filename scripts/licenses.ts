/**
 * licenses.txt for a bundle: the name, version, licence and licence text of every npm package
 * whose code esbuild put into it, sorted by name so the file is stable across rebuilds.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

interface PackageLicense {
  name: string
  version: string
  license: string
  text: string
}

/** The package folder of a bundled input path such as node_modules/@actions/core/lib/core.js. */
function packageDirOf(input: string): string | undefined {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match?.[1]
}

function readLicense(root: string, dir: string): PackageLicense {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string | { type: string }
  }
  const license =
    typeof manifest.license === 'string' ? manifest.license : (manifest.license?.type ?? 'UNKNOWN')
  const file = readdirSync(join(root, dir))
    .sort()
    .find((entry) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(entry))
  const text = file ? readFileSync(join(root, dir, file), 'utf8').trim() : ''
  return { name: manifest.name, version: manifest.version, license, text }
}

export function licenseReport(root: string, bundledInputs: string[]): string {
  const dirs = new Set<string>()
  for (const input of bundledInputs) {
    const dir = packageDirOf(input)
    if (dir && existsSync(join(root, dir, 'package.json'))) dirs.add(dir)
  }
  const packages = [...dirs]
    .map((dir) => readLicense(root, dir))
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version))
  const unique = packages.filter(
    (pkg, index) =>
      index === 0 ||
      pkg.name !== packages[index - 1]?.name ||
      pkg.version !== packages[index - 1]?.version
  )
  return (
    unique
      .map((pkg) =>
        [`${pkg.name}@${pkg.version}`, pkg.license, pkg.text].filter(Boolean).join('\n')
      )
      .join('\n\n---\n\n') + '\n'
  )
}
