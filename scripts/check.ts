/**
 * npm run check: everything that must hold before a change lands, short of the tests.
 *   tsx scripts/check.ts [--only step,step] [--root DIR]
 * Prints each step with its problems and exits 1 if any step found one.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { actionContract } from './check/action-contract.js'
import { actionDocs } from './check/action-docs.js'
import { distFreshness } from './check/dist-freshness.js'
import { bundledLicenses } from './check/licenses.js'
import type { CheckStep } from './check/step.js'
import { eslint, prettier, typecheck, versionMatches } from './check/toolchain.js'
import { workflowLint } from './check/workflows.js'

export const steps: Record<string, CheckStep> = {
  typecheck,
  eslint,
  prettier,
  version: versionMatches,
  dist: distFreshness,
  licenses: bundledLicenses,
  actions: actionContract,
  'action-docs': actionDocs,
  workflows: workflowLint
}

const { values } = parseArgs({ options: { only: { type: 'string' }, root: { type: 'string' } } })
const root = resolve(values.root ?? resolve(dirname(fileURLToPath(import.meta.url)), '..'))
const selected = values.only ? values.only.split(',') : Object.keys(steps)
let failed = 0
for (const key of selected) {
  const step = steps[key]
  if (!step) {
    console.error(`check: unknown step '${key}'; steps are ${Object.keys(steps).join(', ')}`)
    process.exit(2)
  }
  const started = Date.now()
  const problems = await step.run(root)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${step.name} (${seconds} s)`)
  for (const problem of problems) console.log(`     ${problem}`)
  if (problems.length > 0) failed++
}
console.log(failed === 0 ? 'check: all steps passed' : `check: ${failed} step(s) failed`)
process.exit(failed === 0 ? 0 : 1)
