import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundleTargets } from '../bundle.js'
import type { CheckStep } from './step.js'

/** Licences we may bundle and ship: permissive only (GPL tools are run as programs, never bundled). */
const permissive = new Set([
  'MIT',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'Unlicense',
  'CC0-1.0'
])

export const bundledLicenses: CheckStep = {
  name: 'bundled licences are permissive',
  run(root) {
    const problems: string[] = []
    for (const target of bundleTargets(root)) {
      const path = join(root, target.distDir, 'licenses.txt')
      if (!existsSync(path)) continue
      const blocks = readFileSync(path, 'utf8').split('\n\n---\n\n')
      for (const block of blocks) {
        const [pkg, license = ''] = block.split('\n')
        const allowed = license
          .replace(/[()]/g, '')
          .split(/ OR /)
          .some((option) => permissive.has(option.trim()))
        if (pkg && !allowed)
          problems.push(
            `${target.distDir}/licenses.txt: ${pkg} is licensed '${license}', which runnerkit may not bundle`
          )
      }
    }
    return problems
  }
}
