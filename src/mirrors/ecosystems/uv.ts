/**
 * uv: it does not read pip.conf. The mirror becomes the default index — an `[[index]]` table with
 * `default = true` in uv.toml (job mode ~/.config/uv/uv.toml, image mode /etc/uv/uv.toml) and
 * UV_DEFAULT_INDEX, which uv reads in every directory whatever the project's uv.toml says about
 * the default index (its non-default indexes stay). mirrors.md marks uv's rows as documented
 * only (no uv here), so the variable is the belt to the file's braces.
 *
 * The table is a marked block placed before the file's first table (so it is the first
 * `[[index]]`, the one uv asks first); a second run replaces the block in place. The result is
 * parsed as TOML, so a file we cannot merge into is reported instead of being broken.
 *
 * Trust: uv uses its bundled roots, not the system store. Job mode: SSL_CERT_FILE (exported
 * centrally) points it at the bundle. Image mode: the CA goes into the system store, so
 * UV_SYSTEM_CERTS (older uv: UV_NATIVE_TLS) makes uv read it — variables, not uv.toml keys,
 * because uv rejects unknown keys and the key was renamed between versions.
 * Credentials: uv reads ~/.netrc, which pip's plan writes.
 */
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { UserError } from '../../errors.js'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { userConfigHome } from './pip.js'

export const uvBlockStart = '# BEGIN runnerkit mirror-config: the mirror is the default index'
export const uvBlockEnd = '# END runnerkit mirror-config'

export function uvTomlPath(target: Target): string {
  return target.mode === 'job' ? join(userConfigHome(target), 'uv', 'uv.toml') : '/etc/uv/uv.toml'
}

/** Puts the index block into uv.toml text (idempotent; other settings and comments stay). */
export function mergeUvToml(existing: string | undefined, url: string, file = 'uv.toml'): string {
  const block = [
    uvBlockStart,
    '[[index]]',
    'name = "runnerkit-mirror"',
    `url = ${JSON.stringify(url)}`,
    'default = true',
    uvBlockEnd
  ]
  const lines = (existing ?? '').replace(/\r?\n$/, '').split(/\r?\n/)
  if (existing === undefined || existing === '') lines.length = 0
  const from = lines.indexOf(uvBlockStart)
  const to = lines.indexOf(uvBlockEnd, from)
  let at: number
  if (from !== -1 && to !== -1) {
    lines.splice(from, to - from + 1)
    at = from
  } else {
    at = lines.findIndex((line) => /^\s*\[/.test(line))
    if (at === -1) {
      while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop()
      if (lines.length > 0) lines.push('')
      at = lines.length
    } else {
      block.push('')
    }
  }
  lines.splice(at, 0, ...block)
  const result = `${lines.join('\n')}\n`
  try {
    parse(result)
  } catch (error) {
    throw new UserError(
      `${file}: cannot add the mirror index, the file is not valid TOML (${(error as Error).message.split('\n')[0]}); fix or remove it`
    )
  }
  return result
}

export const uvEcosystem: Ecosystem = {
  name: 'uv',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const index = config.mirrors.pypi
    if (index === undefined) return undefined
    const plan = emptyPlan('uv')
    const path = uvTomlPath(target)
    plan.files.push({
      path,
      description: target.mode === 'job' ? 'uv user config' : 'uv system config',
      render: (existing) => mergeUvToml(existing, index, path)
    })
    plan.env.push(['UV_DEFAULT_INDEX', index])
    if (target.mode === 'image' && config.ca !== undefined) {
      plan.env.push(['UV_SYSTEM_CERTS', 'true'], ['UV_NATIVE_TLS', 'true'])
    }
    plan.notes.push(
      "uv: UV_DEFAULT_INDEX replaces the default index even over a project that names its own default; uv.lock records each package's index and file URLs, so a lock made against another index may need `uv lock` again (not verified here: no uv on the test machine)"
    )
    if (config.credentials.pypi?.username !== undefined) {
      plan.notes.push(
        "uv: credentials come from ~/.netrc (pip's plan writes it in job mode), or from UV_INDEX_RUNNERKIT_MIRROR_USERNAME/_PASSWORD"
      )
    }
    return plan
  }
}
