/**
 * Regenerates the input and output tables of every actions/<name>/README.md from its
 * action.yml, between the runnerkit:inputs and runnerkit:outputs markers.
 *   npx tsx scripts/action-docs.ts [--write] [--root DIR] [name…]
 * Without --write it only reports the READMEs that differ and exits 1 if any does
 * (what `npm run check` does); with --write it rewrites them and lists what changed.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { actionNames, readManifest, readmeProblems, regenerate } from './check/action-docs.js'

const { values, positionals } = parseArgs({
  options: { write: { type: 'boolean', default: false }, root: { type: 'string' } },
  allowPositionals: true
})
const root = resolve(values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'))
const known = actionNames(root)
for (const name of positionals) {
  if (!known.includes(name)) {
    console.error(`action-docs: no actions/${name}/action.yml; actions are ${known.join(', ')}`)
    process.exit(2)
  }
}
const names = positionals.length > 0 ? positionals : known

if (!values.write) {
  const problems = names.flatMap((name) => readmeProblems(root, name))
  for (const problem of problems) console.log(problem)
  process.exit(problems.length === 0 ? 0 : 1)
}

let failed = 0
for (const name of names) {
  const readmePath = join(root, 'actions', name, 'README.md')
  const at = `actions/${name}/README.md`
  try {
    const before = readFileSync(readmePath, 'utf8')
    const after = regenerate(before, readManifest(root, name))
    if (after !== before) writeFileSync(readmePath, after)
    console.log(`${after === before ? 'unchanged' : 'updated  '} ${at}`)
  } catch (error) {
    failed++
    console.error(`action-docs: ${at}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
process.exit(failed === 0 ? 0 : 1)
