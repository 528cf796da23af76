// fix-path front end: inputs → src/runner/path → GITHUB_PATH, GITHUB_ENV, outputs and the summary.
import * as core from '@actions/core'
import { statSync } from 'node:fs'
import { UserError } from '../../src/errors.js'
import {
  computePath,
  joinPath,
  PathInputError,
  restoreRunnerEnvFile,
  writeRunnerEnvFile,
  type PathField
} from '../../src/runner/path.js'
import { booleanInput, input, listInput } from '../_shared/inputs.js'
import { logGroup, logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { escapeMarkdown, markdownTable } from '../_shared/summary.js'

const names: Record<PathField, string> = {
  extra: "input 'extra'",
  'image-path': "input 'image-path'",
  'runner-env-file': "input 'runner-env-file'",
  PATH: "environment variable 'PATH'",
  HOME: "environment variable 'HOME'"
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

async function restore(envFile: string) {
  if (envFile === '')
    throw new UserError("input 'runner-env-file': required when 'restore' is true")
  const restored = await restoreRunnerEnvFile(envFile)
  const message = restored
    ? `Restored ${envFile} from its runnerkit backup`
    : `${envFile} has no runnerkit backup: nothing to restore`
  logUntrusted(message)
  await core.summary.addRaw(`### fix-path\n\n${escapeMarkdown(message)}\n`).write()
}

async function main() {
  const envFile = input('runner-env-file')
  if (booleanInput('restore', false)) return restore(envFile)

  const extra = listInput('extra', { comment: '#' })
  const imagePath = input('image-path')
  const dropMissing = booleanInput('drop-missing', true)
  const currentPath = process.env.PATH ?? ''
  // GITHUB_PATH entries are put in front of PATH at every later step whatever we export, so the
  // exported PATH puts them in front too: host steps, container steps and Docker actions then
  // agree on which directory wins.
  const result = computePath({
    currentPath,
    ...(imagePath !== '' && { imagePath }),
    ...(process.env.HOME !== undefined && { home: process.env.HOME }),
    extra,
    placement: 'prepend',
    ...(dropMissing && { exists: isDirectory })
  })
  if (result.entries.length === 0) {
    throw new UserError(
      "input 'extra': no directory is left for PATH; give the image's PATH in 'image-path' or directories in 'extra'"
    )
  }
  const path = joinPath(result.entries)

  // The .env first: if it cannot be written, nothing has been exported either.
  const envWrite = envFile === '' ? undefined : await writeRunnerEnvFile(envFile, path)

  const changed = path !== currentPath
  if (changed) {
    // core.addPath prepends, and the runner puts the newest GITHUB_PATH line first: adding them
    // last to first keeps their order.
    for (const entry of [...result.added].reverse()) core.addPath(entry)
    core.exportVariable('PATH', path)
  }

  logGroup('PATH', result.entries.join('\n'))
  if (result.added.length > 0) logGroup('Added', result.added.join('\n'))
  if (result.dropped.length > 0)
    logGroup(
      'Dropped',
      result.dropped.map((d) => `${d.entry || '(empty)'}: ${d.reason}`).join('\n')
    )
  if (!changed) core.info('PATH already complete: nothing written to GITHUB_PATH or GITHUB_ENV')
  if (envWrite !== undefined) {
    logUntrusted(
      `${envFile}: ${envWrite.changed ? 'PATH written' : 'PATH already set'}${envWrite.backedUp ? `; original kept in ${envWrite.backup}` : ''}`
    )
  }

  core.setOutput('path', path)
  core.setOutput('added', result.added.join('\n'))

  const rows = [
    ...result.added.map((entry) => [escapeMarkdown(entry), 'added']),
    ...result.dropped.map((d) => [
      d.entry === '' ? '(empty)' : escapeMarkdown(d.entry),
      `dropped: ${d.reason}`
    ])
  ]
  await core.summary
    .addRaw(
      [
        '### fix-path',
        '',
        rows.length > 0 ? markdownTable(['entry', ''], rows) : 'PATH already complete.',
        '',
        ...(envWrite !== undefined
          ? [
              `Runner .env: ${escapeMarkdown(envFile)} ${envWrite.changed ? 'updated' : 'unchanged'}.`,
              ''
            ]
          : [])
      ].join('\n')
    )
    .write()
}

await runAction(async () => {
  try {
    await main()
  } catch (error) {
    if (error instanceof PathInputError)
      throw new UserError(`${names[error.field]}: ${error.message}`)
    throw error
  }
})
