/**
 * The e2e tier's real tools. A test that needs one calls requireTool(): when the tool is
 * missing the test fails, naming the package to install. It never skips.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from './run-action.js'

const { tools } = JSON.parse(readFileSync(join(repositoryRoot, 'test/e2e/tools.json'), 'utf8')) as {
  tools: Record<string, string>
}

export function requireTool(command: string): string {
  const pkg = tools[command]
  if (!pkg)
    throw new Error(
      `test/e2e/tools.json does not list '${command}'; add it with its Debian package`
    )
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  if (found.status !== 0) {
    throw new Error(
      `'${command}' is not installed: run 'npm run setup:e2e' (or 'apt-get install ${pkg}')`
    )
  }
  return found.stdout.trim()
}
