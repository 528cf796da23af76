import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckStep } from './step.js'

function tool(name: string, command: string, args: string[]): CheckStep {
  return {
    name,
    run(root) {
      const result = spawnSync(join(root, 'node_modules/.bin', command), args, {
        cwd: root,
        encoding: 'utf8'
      })
      if (result.error) return [`${command}: ${result.error.message}; run 'npm ci' first`]
      if (result.status === 0) return []
      return `${result.stdout}${result.stderr}`.split('\n').filter((line) => line.trim() !== '')
    }
  }
}

export const typecheck = tool('typecheck', 'tsc', ['-p', 'tsconfig.json'])
export const eslint = tool('eslint', 'eslint', ['--max-warnings', '0', '.'])
export const prettier = tool('prettier', 'prettier', ['--check', '--log-level', 'warn', '.'])

/** src/version.ts is what `runnerkit --version` prints; it must match package.json. */
export const versionMatches: CheckStep = {
  name: 'version',
  run(root) {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    const source = readFileSync(join(root, 'src/version.ts'), 'utf8')
    const declared = /version = '([^']+)'/.exec(source)?.[1]
    return declared === manifest.version
      ? []
      : [`src/version.ts: version '${declared}' differs from package.json '${manifest.version}'`]
  }
}
