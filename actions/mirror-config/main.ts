// mirror-config front end: inputs → src/mirrors/run → exported environment, notices, summary.
import * as core from '@actions/core'
import { resolve } from 'node:path'
import { UserError } from '../../src/errors.js'
import {
  applyJobMode,
  defaultStateDir,
  loadConfig,
  renderImageMode
} from '../../src/mirrors/run.js'
import { booleanInput, input } from '../_shared/inputs.js'
import { logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { markdownTable } from '../_shared/summary.js'

async function main() {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd()
  const file = input('config')
  const config = loadConfig({
    file: file === '' ? '' : resolve(workspace, file),
    text: input('config-inline')
  })
  const mode = input('mode') || 'job'
  if (mode === 'image') {
    const out = input('out')
    if (out === '') throw new UserError("input 'out': required with mode image")
    const rendered = await renderImageMode(config, process.env, resolve(workspace, out), {
      family: input('family')
    })
    for (const note of rendered.notes) core.notice(note)
    logUntrusted(rendered.snippet)
    core.setOutput(
      'files',
      JSON.stringify(rendered.files.map((path) => ({ path, action: 'rendered' })))
    )
    core.setOutput('env', '')
    return
  }
  if (mode !== 'job') throw new UserError(`input 'mode': expected job or image, got '${mode}'`)

  const stateDir = defaultStateDir(process.env)
  if (booleanInput('restore', true)) core.saveState('state-dir', stateDir) // read by post.ts
  const result = await applyJobMode(config, process.env, stateDir)
  for (const secret of result.secrets) core.setSecret(secret)
  for (const note of result.notes) core.notice(note)
  for (const [name, value] of result.env) core.exportVariable(name, value)

  const changed = result.files.filter(
    (entry) => entry.action !== 'unchanged' && entry.action !== 'skipped'
  )
  logUntrusted(
    result.files
      .map((entry) => `${entry.action.padEnd(9)} ${entry.path}  (${entry.description})`)
      .join('\n')
  )
  core.setOutput(
    'files',
    JSON.stringify(result.files.map(({ path, ecosystem, action }) => ({ path, ecosystem, action })))
  )
  core.setOutput('env', result.env.map(([name]) => name).join('\n'))
  await core.summary
    .addRaw(
      [
        '### mirror-config',
        '',
        markdownTable(
          ['ecosystem', 'file', ''],
          result.files.map((entry) => [entry.ecosystem, `\`${entry.path}\``, entry.action])
        ),
        '',
        `Exported: ${[...new Set(result.env.map(([name]) => `\`${name}\``))].join(', ') || 'nothing'}.`,
        '',
        changed.length > 0 ? 'The originals are restored at job end.' : '',
        ''
      ].join('\n')
    )
    .write()
}

await runAction(main)
