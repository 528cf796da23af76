/**
 * image mode: the system-level files go into a directory shaped like the image's root, next to
 * a Dockerfile snippet that copies it in and runs what must run (the trust-store update). Files
 * that would hold a credential are refused: a file baked into a layer stays in the image for
 * anyone who pulls it, so credentials must come in as build secrets at build time.
 */
import { promises as fs } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { UserError } from '../errors.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import type { Plan } from './ecosystem.js'

export interface RenderOptions {
  /** The output directory: files under `root/`, the snippet in `Dockerfile.snippet`. */
  out: string
  /** How the Dockerfile refers to `out` relative to its build context (default: out's name). */
  contextPath?: string
  /** A base image's root filesystem, to merge into files the base already has. */
  baseRoot?: string
}

export interface RenderedImage {
  files: string[]
  snippet: string
  notes: string[]
}

export async function renderPlans(
  plans: readonly Plan[],
  options: RenderOptions
): Promise<RenderedImage> {
  const secret = plans.find((plan) => plan.files.some((file) => file.secret === true))
  if (secret !== undefined) {
    throw new UserError(
      `credentials.${secret.ecosystem}: image mode would bake the credential into a layer; drop it from the config for the image and pass it at build time as a build secret (RUN --mount=type=secret)`
    )
  }
  const root = join(options.out, 'root')
  const contents = new Map<string, string>()
  const notes = plans.flatMap((plan) => plan.notes)
  for (const plan of plans) {
    for (const edit of plan.files) {
      let existing = contents.get(edit.path)
      if (existing === undefined && options.baseRoot !== undefined) {
        existing = await fs
          .readFile(join(options.baseRoot, edit.path), 'utf8')
          .catch(() => undefined)
      }
      if (edit.ifExists === true && existing === undefined) {
        notes.push(
          `${edit.path} (${edit.description}) is edited only when the base image has it: give the base's root filesystem (--base-root) to merge into it`
        )
        continue
      }
      contents.set(edit.path, edit.render(existing))
    }
  }
  await fs.mkdir(root, { recursive: true })
  for (const [path, text] of contents) {
    const target = join(root, path)
    await fs.mkdir(dirname(target), { recursive: true })
    await writeFileAtomic(target, text)
  }
  const from = options.contextPath ?? relative(dirname(options.out), options.out)
  const env = plans.flatMap((plan) => plan.env)
  const lines = [
    '# Rendered by runnerkit mirrors render: mirrors, proxy and CA for every package manager.',
    `COPY ${from.replace(/\/?$/, '/')}root/ /`,
    ...plans.flatMap((plan) => plan.dockerfile),
    ...(env.length > 0
      ? [`ENV ${env.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(' \\\n    ')}`]
      : [])
  ]
  const snippet = `${lines.join('\n')}\n`
  await writeFileAtomic(join(options.out, 'Dockerfile.snippet'), snippet)
  return { files: [...contents.keys()].sort(), snippet, notes }
}
