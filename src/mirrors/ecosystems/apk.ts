/**
 * apk (Alpine, Wolfi), image mode only: apk needs root. /etc/apk/repositories lists one
 * repository per line; the untagged ones are replaced by the mirror's list (in order, where the
 * first of them was). Comments, tagged repositories (`@edge https://…`) and local paths stay.
 * The file is complete without the base's copy, so it is written even when the base has none.
 */
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'

export const apkRepositoriesPath = '/etc/apk/repositories'

export function renderApkRepositories(
  existing: string | undefined,
  urls: readonly string[]
): string {
  const lines = (existing ?? '').replace(/\n$/, '').split('\n')
  if (lines.length === 1 && lines[0] === '') lines.pop()
  const replaced = (line: string) => {
    const text = line.trim()
    return text !== '' && !text.startsWith('#') && !text.startsWith('@') && !text.startsWith('/')
  }
  const first = lines.findIndex(replaced)
  const kept = lines.filter((line) => !replaced(line))
  const at =
    first === -1 ? kept.length : lines.slice(0, first).filter((line) => !replaced(line)).length
  kept.splice(at, 0, ...urls)
  return `${kept.join('\n')}\n`
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const urls = config.mirrors.apk
  if (urls === undefined || urls.length === 0) return undefined
  const result = emptyPlan('apk')
  if (target.mode === 'job') {
    result.notes.push(
      'apk needs root: job mode writes nothing for it (configure the image with runnerkit mirrors render)'
    )
    return result
  }
  result.files.push({
    path: apkRepositoriesPath,
    description: 'apk repositories',
    render: (existing) => renderApkRepositories(existing, urls)
  })
  if (config.proxy !== undefined)
    result.notes.push('apk reads the proxy from http_proxy / https_proxy only (the image ENV)')
  return result
}

export const apkEcosystem: Ecosystem = { name: 'apk', plan }
