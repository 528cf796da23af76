/**
 * runner-check, target `runner`: the checks run inside a job, on the runner itself, against the
 * real process (ids, /proc, /etc, sudo, engines). The LiveContext built here is the only place
 * that touches the machine; the checks are testable against fixtures.
 */
import { spawn } from 'node:child_process'
import { constants, promises as fs } from 'node:fs'
import type { CheckResult, Expectations, LiveCheck, LiveContext } from './checks/check.js'
import { containerEngineCheck } from './checks/container-engine.js'
import { groupsCheck } from './checks/groups.js'
import { homeCheck } from './checks/home.js'
import { identityCheck } from './checks/identity.js'
import { mtuCheck } from './checks/mtu.js'
import { pathCheck } from './checks/path.js'
import { sudoCheck } from './checks/sudo.js'

export const liveChecks: readonly LiveCheck[] = [
  identityCheck,
  groupsCheck,
  sudoCheck,
  homeCheck,
  pathCheck,
  containerEngineCheck,
  mtuCheck
]

export function processLiveContext(env: NodeJS.ProcessEnv, expected: Expectations): LiveContext {
  return {
    env,
    expected,
    uid: process.getuid?.() ?? -1,
    euid: process.geteuid?.() ?? -1,
    gid: process.getgid?.() ?? -1,
    groups: process.getgroups?.() ?? [],
    async readFile(path) {
      try {
        return await fs.readFile(path, 'utf8')
      } catch {
        return undefined
      }
    },
    async stat(path) {
      try {
        const stat = await fs.stat(path)
        return { uid: stat.uid, gid: stat.gid, mode: stat.mode, isDirectory: stat.isDirectory() }
      } catch {
        return undefined
      }
    },
    async listDir(path) {
      try {
        return await fs.readdir(path)
      } catch {
        return undefined
      }
    },
    async writable(path) {
      try {
        await fs.access(path, constants.W_OK)
        return true
      } catch {
        return false
      }
    },
    run(command, args) {
      return new Promise((resolve) => {
        const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.on('error', () => resolve({ code: 127, stdout, stderr }))
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
      })
    }
  }
}

export async function runLiveChecks(
  context: LiveContext,
  checks: readonly LiveCheck[] = liveChecks
): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const check of checks) results.push(...(await check.check(context)))
  return results
}
