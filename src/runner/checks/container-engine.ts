/**
 * container engine: Docker (DOCKER_HOST) and Podman reachable, rootless when rootless is
 * expected, and the rootless prerequisites in place: subuid/subgid ranges of at least 65536 for
 * the user, newuidmap/newgidmap setuid, user namespaces enabled, XDG_RUNTIME_DIR private.
 * Each failure names the error the engine itself would print, which is what users search for.
 */
import { parsePasswd } from '../accounts.js'
import { checkResult, type CheckResult, type LiveCheck, type LiveContext } from './check.js'

const title = 'Container engine'

function result(
  status: CheckResult['status'],
  reason: string,
  fix?: string,
  details?: Record<string, unknown>
): CheckResult {
  return checkResult('container-engine', title, status, reason, fix, details)
}

/** `name:start:count` lines; the ranges that belong to the user (by name or uid). */
export function subordinateRanges(
  text: string,
  user: string,
  uid: number
): Array<{ start: number; count: number }> {
  const ranges: Array<{ start: number; count: number }> = []
  for (const line of text.split('\n')) {
    const [owner, start, count] = line.trim().split(':')
    if (owner !== user && owner !== String(uid)) continue
    if (!/^\d+$/.test(start ?? '') || !/^\d+$/.test(count ?? '')) continue
    ranges.push({ start: Number(start), count: Number(count) })
  }
  return ranges
}

async function dockerResults(context: LiveContext): Promise<CheckResult[]> {
  const info = await context.run('docker', ['info', '--format', '{{json .SecurityOptions}}'])
  if (info.code === 127) return []
  const host = context.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock'
  if (info.code !== 0) {
    return [
      result(
        'warn',
        `docker is installed but no daemon answers at ${host}`,
        'start the daemon (dind sidecar or rootless dockerd) or set DOCKER_HOST',
        { dockerHost: host }
      )
    ]
  }
  const rootless = /name=rootless/.test(info.stdout)
  if (context.expected.rootless && !rootless) {
    return [
      result(
        'fail',
        `the Docker daemon at ${host} runs as root: any job can become root on it`,
        'run rootless dockerd (dockerd-rootless.sh) as the runner user, or set rootless: false if a privileged dind sidecar is intended',
        { dockerHost: host, rootless }
      )
    ]
  }
  return [
    result('pass', `Docker at ${host}, ${rootless ? 'rootless' : 'rootful'}`, undefined, {
      dockerHost: host,
      rootless
    })
  ]
}

async function podmanResults(context: LiveContext): Promise<CheckResult[]> {
  const info = await context.run('podman', ['info', '--format', '{{.Host.Security.Rootless}}'])
  if (info.code === 127) return []
  if (info.code !== 0) {
    return [
      result(
        'fail',
        `podman info failed: ${info.stderr.trim().split('\n').at(-1) ?? ''}`,
        'run podman info in the runner; a missing subuid range or storage driver is the usual cause'
      )
    ]
  }
  const rootless = info.stdout.trim() === 'true'
  if (context.expected.rootless && !rootless) {
    return [
      result('fail', 'podman runs as root', 'run the runner as its unprivileged user', { rootless })
    ]
  }
  return [result('pass', `podman, ${rootless ? 'rootless' : 'rootful'}`, undefined, { rootless })]
}

async function rootlessPrerequisites(context: LiveContext): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  const name =
    parsePasswd((await context.readFile('/etc/passwd')) ?? '').find(
      (entry) => entry.uid === context.uid
    )?.name ?? String(context.uid)
  for (const file of ['/etc/subuid', '/etc/subgid']) {
    const ranges = subordinateRanges((await context.readFile(file)) ?? '', name, context.uid)
    const total = ranges.reduce((sum, range) => sum + range.count, 0)
    if (total < 65536) {
      results.push(
        result(
          'fail',
          `${file} gives ${name} ${total} ids; rootless engines need 65536 ("No subuid ranges found for user" / "potentially insufficient UIDs or GIDs")`,
          `add '${name}:100000:65536' to ${file} in the image (useradd does it when the file exists)`,
          { file, ranges }
        )
      )
    }
  }
  for (const helper of ['/usr/bin/newuidmap', '/usr/bin/newgidmap']) {
    const stat = await context.stat(helper)
    if (stat === undefined) {
      results.push(
        result('fail', `${helper} is missing`, 'install the uidmap package in the image')
      )
    } else if ((stat.mode & 0o4000) === 0) {
      results.push(
        result(
          'warn',
          `${helper} is not setuid (fine only if it carries file capabilities)`,
          `chmod u+s ${helper}, or setcap cap_setuid+ep ${helper}`
        )
      )
    }
  }
  const maxNamespaces = Number(
    (await context.readFile('/proc/sys/user/max_user_namespaces'))?.trim() ?? 'NaN'
  )
  if (maxNamespaces === 0) {
    results.push(
      result(
        'fail',
        'user.max_user_namespaces is 0: rootless engines fail with "no space left on device"',
        'set the sysctl user.max_user_namespaces above 0 on the node'
      )
    )
  }
  const runtimeDir = context.env.XDG_RUNTIME_DIR
  if (runtimeDir === undefined || runtimeDir === '') {
    results.push(
      result(
        'warn',
        'XDG_RUNTIME_DIR is not set ("XDG_RUNTIME_DIR needs to be set and writable")',
        `set XDG_RUNTIME_DIR=/run/user/${context.uid} (owned by the user, mode 0700)`
      )
    )
  } else {
    const stat = await context.stat(runtimeDir)
    if (stat === undefined || stat.uid !== context.uid || (stat.mode & 0o077) !== 0) {
      results.push(
        result(
          'warn',
          stat === undefined
            ? `XDG_RUNTIME_DIR ${runtimeDir} does not exist`
            : `XDG_RUNTIME_DIR ${runtimeDir} is not private to the user (owner ${stat.uid}, mode ${(stat.mode & 0o777).toString(8)})`,
          `install -d -m 0700 -o ${context.uid} ${runtimeDir}`
        )
      )
    }
  }
  return results
}

export const containerEngineCheck: LiveCheck = {
  id: 'container-engine',
  title,
  async check(context) {
    const engines = [...(await dockerResults(context)), ...(await podmanResults(context))]
    if (engines.length === 0) {
      return [result('pass', 'no container engine installed (docker and podman not found)')]
    }
    const prerequisites = context.expected.rootless ? await rootlessPrerequisites(context) : []
    return [...engines, ...prerequisites]
  }
}
