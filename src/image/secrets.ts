/**
 * Build secrets: files the Dockerfile reads with `RUN --mount=type=secret,id=…`, mounted for that
 * step only, so they never reach a layer, the history or the log. Three spellings, the ones
 * users bring from Docker's tools:
 *   id=npmrc,src=/path/to/.npmrc     a file
 *   id=token,env=NPM_TOKEN           an environment variable
 *   TOKEN=value                      a value (build-push-action's `secrets` input)
 * Values from the environment or given inline are written to 0600 files in a 0700 directory
 * that the caller removes after the build.
 */
import { constants as fsConstants, promises as fs } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../errors.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import type { BuildSecretFile } from './engines/engine.js'

export type SecretSpec =
  | { id: string; kind: 'file'; path: string }
  | { id: string; kind: 'env'; variable: string }
  | { id: string; kind: 'value'; value: string }

/** A file name inside the secrets directory: no separators, and not `.` or `..`. */
const secretId = /^(?!\.{1,2}$)[A-Za-z0-9_.-]+$/

/** The keys of Docker's `--secret` attribute form, in any order (`src=…,id=…` too). */
const attributeKeys = new Set(['id', 'type', 'src', 'source', 'env'])

/** Parses one entry; errors quote the id, never the value. */
export function parseSecret(entry: string): SecretSpec {
  const text = entry.trim()
  const firstKey = text.slice(0, Math.max(text.indexOf('='), 0)).trim()
  if (attributeKeys.has(firstKey)) {
    const fields = new Map<string, string>()
    for (const part of text.split(',')) {
      const equals = part.indexOf('=')
      const key = part.slice(0, Math.max(equals, 0)).trim()
      if (!attributeKeys.has(key)) {
        throw new UserError(
          `secret '${text}': '${part.trim()}' is not one of id=, type=, src= or env=`
        )
      }
      fields.set(key, part.slice(equals + 1).trim())
    }
    const id = fields.get('id') ?? ''
    if (!secretId.test(id)) {
      throw new UserError(`secret '${text}': give an id of letters, digits, '_', '.' or '-'`)
    }
    const type = fields.get('type')
    if (type !== undefined && type !== 'file' && type !== 'env') {
      throw new UserError(`secret '${id}': type must be file or env, not '${type}'`)
    }
    const path = fields.get('src') ?? fields.get('source')
    const variable = fields.get('env')
    if (path !== undefined && type === 'env') {
      throw new UserError(`secret '${id}': type=env takes env=VARIABLE, not src=`)
    }
    if (path !== undefined) return { id, kind: 'file', path }
    if (type === 'file') throw new UserError(`secret '${id}': give src=FILE`)
    // As buildx: without src or env, the secret is the environment variable named by the id.
    return { id, kind: 'env', variable: variable ?? id }
  }
  const equals = text.indexOf('=')
  const id = equals > 0 ? text.slice(0, equals).trim() : ''
  if (!secretId.test(id)) {
    throw new UserError(
      'a secret entry is neither id=ID,src=FILE nor id=ID,env=VARIABLE nor ID=VALUE (the entry is not shown: it may hold a secret)'
    )
  }
  return { id, kind: 'value', value: text.slice(equals + 1) }
}

export interface MaterialisedSecrets {
  files: BuildSecretFile[]
  /** Values read from the environment or given inline, for the front end to mask. */
  values: string[]
  /** The 0700 directory holding the files written here; the caller removes it. */
  directory: string
}

export async function materialiseSecrets(
  specs: readonly SecretSpec[],
  directory: string,
  env: NodeJS.ProcessEnv
): Promise<MaterialisedSecrets> {
  const ids = new Set<string>()
  const files: BuildSecretFile[] = []
  const values: string[] = []
  for (const spec of specs) {
    if (ids.has(spec.id)) throw new UserError(`secret '${spec.id}' is given twice`)
    ids.add(spec.id)
    if (spec.kind === 'file') {
      const readable = await fs
        .access(spec.path, fsConstants.R_OK)
        .then(async () => (await fs.stat(spec.path)).isFile())
        .catch(() => false)
      if (!readable) {
        throw new UserError(`secret '${spec.id}': ${spec.path} is not a readable file`)
      }
      files.push({ id: spec.id, file: spec.path })
      continue
    }
    const value = spec.kind === 'env' ? env[spec.variable] : spec.value
    if (value === undefined) {
      throw new UserError(
        `secret '${spec.id}': environment variable ${(spec as { variable: string }).variable} is not set`
      )
    }
    if (value !== '') values.push(value)
    await fs.mkdir(directory, { recursive: true, mode: 0o700 })
    await fs.chmod(directory, 0o700)
    const file = join(directory, spec.id)
    await writeFileAtomic(file, value, { mode: 0o600 })
    files.push({ id: spec.id, file })
  }
  return { files, values, directory }
}
