/**
 * Builds every bundle the repository ships: one per action (actions/<name>/main.ts, and
 * post.ts when the action has a post step) and the CLI (src/cli/index.ts → dist/cli/).
 *
 * esbuild, not ncc, for every bundle: ncc 0.45 rewrites web-tree-sitter's `import("module")`
 * into an object without createRequire, so dockerfile-lint's shell parser cannot load. One
 * bundler for all keeps the output uniform. Output is deterministic (no timestamps, no absolute
 * paths), so `npm run check` can rebuild into a temporary folder and compare byte for byte.
 */
import * as esbuild from 'esbuild'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { licenseReport } from './licenses.js'

export interface BundleTarget {
  /** Shown in logs and used as the key in tests. */
  name: string
  /** Entry points: output file name (without .js) → source file, relative to the root. */
  entries: Record<string, string>
  /** The committed output folder, relative to the root. */
  distDir: string
  /** Files copied beside the bundle (wasm grammars and the like), relative to the root. */
  assets: string[]
}

export function bundleTargets(root: string): BundleTarget[] {
  const targets: BundleTarget[] = []
  const actionsDir = join(root, 'actions')
  const names = existsSync(actionsDir) ? readdirSync(actionsDir).sort() : []
  for (const name of names) {
    // Only folders with an action.yml are actions; actions/_shared/ is code they share.
    if (!existsSync(join(actionsDir, name, 'action.yml'))) continue
    const entries: Record<string, string> = { index: `actions/${name}/main.ts` }
    if (existsSync(join(actionsDir, name, 'post.ts'))) entries.post = `actions/${name}/post.ts`
    targets.push({ name, entries, distDir: `actions/${name}/dist`, assets: [] })
  }
  if (existsSync(join(root, 'src/cli/index.ts'))) {
    targets.push({
      name: 'cli',
      entries: { index: 'src/cli/index.ts' },
      distDir: 'dist/cli',
      assets: []
    })
  }
  return targets
}

/**
 * Files a source module loads at run time from beside the bundle (see
 * src/dockerfile/assets.ts): any bundle that includes the module ships them.
 */
const assetsOfSource: Record<string, string[]> = {
  'src/dockerfile/shell.ts': [
    'node_modules/web-tree-sitter/web-tree-sitter.wasm',
    'node_modules/tree-sitter-bash/tree-sitter-bash.wasm'
  ]
}

// Bundled CommonJS dependencies call require() for Node built-ins; an ESM bundle has none.
const requireShim = [
  "import { createRequire as __runnerkitCreateRequire } from 'node:module';",
  'const require = __runnerkitCreateRequire(import.meta.url);'
].join('\n')

/**
 * @actions/core imports its OIDC client at load time, and that client an HTTP stack (undici,
 * http, https, tls): a cost every action paid at startup for a function none calls. The stub in
 * scripts/bundle-stubs/ takes its place.
 */
const withoutOidcClient: esbuild.Plugin = {
  name: 'without-oidc-client',
  setup(build) {
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]@actions[\\/]core[\\/]/.test(args.importer)
        ? {
            path: join(
              build.initialOptions.absWorkingDir ?? '',
              'scripts/bundle-stubs/oidc-utils.ts'
            )
          }
        : undefined
    )
  }
}

/**
 * Builds one target into `outDir` (absolute). The folder is emptied first so stale files from
 * a removed entry cannot linger in a committed dist/.
 */
export async function bundleTarget(root: string, target: BundleTarget, outDir: string) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(target.entries).map(([out, source]) => ({ out, in: source })),
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    banner: { js: requireShim },
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    charset: 'utf8',
    plugins: [withoutOidcClient]
  })
  writeFileSync(join(outDir, 'package.json'), '{\n  "type": "module"\n}\n')
  const bundled = Object.keys(result.metafile.inputs)
  const assets = [
    ...target.assets,
    ...Object.entries(assetsOfSource)
      .filter(([source]) => bundled.includes(source))
      .flatMap(([, files]) => files)
  ]
  // Shipped assets are bundled code too: their packages' licences are listed.
  writeFileSync(join(outDir, 'licenses.txt'), licenseReport(root, [...bundled, ...assets]))
  for (const asset of assets) {
    copyFileSync(join(root, asset), join(outDir, asset.split('/').pop() ?? asset))
  }
}

/**
 * Builds every target. With `outRoot`, each dist/ is written under it at the same relative
 * path instead of in place (used by the freshness check).
 */
export async function bundleAll(root: string, outRoot = root): Promise<BundleTarget[]> {
  const targets = bundleTargets(root)
  for (const target of targets) {
    await bundleTarget(root, target, join(outRoot, target.distDir))
  }
  return targets
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const started = Date.now()
  const targets = await bundleAll(root)
  for (const target of targets)
    console.log(`bundled ${target.name} → ${relative(root, join(root, target.distDir))}/`)
  console.log(`${targets.length} bundles in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
