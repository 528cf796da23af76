/**
 * Performs plans in job mode and undoes them. Every file is merged (the ecosystem's render keeps
 * what it does not own), written atomically, and the original is kept once — on the first run —
 * in a state directory, so a second run changes no byte and `restore` puts back exactly what was
 * there (deleting what did not exist). Credential files are created 0600 before any byte is
 * written. Nothing is written outside the allowed roots (HOME and RUNNER_TEMP in job mode).
 */
import { promises as fs } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { UserError } from '../errors.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import type { FileEdit, Plan } from './ecosystem.js'

export interface AppliedFile {
  path: string
  ecosystem: string
  description: string
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
}

interface BackupEntry {
  path: string
  existed: boolean
  /** The original's copy in the state directory, when it existed. */
  backup?: string
  mode?: number
}

interface Manifest {
  version: 1
  entries: BackupEntry[]
}

export interface ApplyOptions {
  /** Where originals and the manifest are kept (0700). */
  stateDir: string
  /** Absolute directories writes must stay inside. */
  allowedRoots: readonly string[]
}

const manifestName = 'manifest.json'

export async function applyPlans(
  plans: readonly Plan[],
  options: ApplyOptions
): Promise<AppliedFile[]> {
  const edits = plans.flatMap((plan) => plan.files.map((edit) => ({ plan, edit })))
  for (const { edit } of edits) assertInside(edit.path, options.allowedRoots)
  // Render everything first: an error in any plan writes nothing.
  const pending: Array<{
    plan: Plan
    edit: FileEdit
    existing: string | undefined
    mode: number | undefined
    next: string | undefined
  }> = []
  for (const { plan, edit } of edits) {
    const { text, mode } = await readIfExists(edit.path)
    const previous = [...pending].reverse().find((entry) => entry.edit.path === edit.path)
    const existing = previous !== undefined ? previous.next : text
    if (edit.ifExists === true && existing === undefined) {
      pending.push({ plan, edit, existing, mode, next: undefined })
      continue
    }
    pending.push({ plan, edit, existing, mode, next: edit.render(existing) })
  }

  await fs.mkdir(options.stateDir, { recursive: true, mode: 0o700 })
  const manifest = await readManifest(options.stateDir)
  const applied: AppliedFile[] = []
  for (const { plan, edit, existing, mode, next } of pending) {
    const base = { path: edit.path, ecosystem: plan.ecosystem, description: edit.description }
    if (next === undefined) {
      applied.push({ ...base, action: 'skipped' })
      continue
    }
    if (next === existing) {
      applied.push({ ...base, action: 'unchanged' })
      continue
    }
    if (!manifest.entries.some((entry) => entry.path === edit.path)) {
      const original = await readIfExists(edit.path)
      const entry: BackupEntry = { path: edit.path, existed: original.text !== undefined }
      if (original.text !== undefined) {
        entry.backup = join(options.stateDir, `${manifest.entries.length}.orig`)
        entry.mode = original.mode
        await writeFileAtomic(entry.backup, original.text, { mode: 0o600 })
      }
      manifest.entries.push(entry)
      await writeFileAtomic(
        join(options.stateDir, manifestName),
        JSON.stringify(manifest, null, 2),
        { mode: 0o600 }
      )
    }
    await fs.mkdir(dirname(edit.path), { recursive: true })
    const fileMode = edit.secret === true ? 0o600 : (mode ?? edit.mode ?? 0o644)
    await writeFileAtomic(edit.path, next, { mode: fileMode })
    // writeFileAtomic creates with the mode; an existing file's mode is carried over, except that
    // a file now holding a credential is tightened.
    await fs.chmod(edit.path, fileMode)
    applied.push({ ...base, action: existing === undefined ? 'created' : 'updated' })
  }
  return applied
}

export interface RestoredFile {
  path: string
  action: 'restored' | 'removed'
}

/** Puts every original back (removing files that did not exist) and forgets the state. */
export async function restore(stateDir: string): Promise<RestoredFile[]> {
  const manifest = await readManifest(stateDir)
  const restored: RestoredFile[] = []
  for (const entry of [...manifest.entries].reverse()) {
    if (entry.existed && entry.backup !== undefined) {
      const original = await fs.readFile(entry.backup, 'utf8')
      await writeFileAtomic(entry.path, original, { mode: entry.mode ?? 0o644 })
      await fs.chmod(entry.path, entry.mode ?? 0o644)
      restored.push({ path: entry.path, action: 'restored' })
    } else {
      await fs.rm(entry.path, { force: true })
      restored.push({ path: entry.path, action: 'removed' })
    }
  }
  await fs.rm(stateDir, { recursive: true, force: true })
  return restored
}

function assertInside(path: string, roots: readonly string[]): void {
  const absolute = resolve(path)
  const inside = roots.some((root) => {
    const from = relative(resolve(root), absolute)
    return from !== '' && !from.startsWith(`..${sep}`) && from !== '..' && !from.startsWith(sep)
  })
  if (!inside) {
    throw new UserError(
      `job mode writes only under ${roots.join(' and ')}, but a plan names ${path}: use image mode (runnerkit mirrors render) for system files`
    )
  }
}

async function readIfExists(
  path: string
): Promise<{ text: string | undefined; mode: number | undefined }> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(path, 'utf8'), fs.stat(path)])
    return { text, mode: stat.mode & 0o7777 }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { text: undefined, mode: undefined }
    throw new UserError(
      `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written`
    )
  }
}

async function readManifest(stateDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await fs.readFile(join(stateDir, manifestName), 'utf8')) as Manifest
    if (parsed.version === 1 && Array.isArray(parsed.entries)) return parsed
  } catch {
    // no earlier run
  }
  return { version: 1, entries: [] }
}
