// runner-check front end: inputs → src/runner/check-run → annotations, summary table, outputs.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../src/errors.js'
import { parseReference } from '../../src/oci/reference.js'
import { runRunnerCheck } from '../../src/runner/check-run.js'
import { counts, failed, formatTable, parseFailOn } from '../../src/runner/report.js'
import { booleanInput, input, listInput } from '../_shared/inputs.js'
import { logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { markdownTable } from '../_shared/summary.js'

/** src/ names the option at fault (`sudo: …`); here it is an input. */
function asInputError(error: unknown): unknown {
  if (!(error instanceof UserError)) return error
  const named = /^([a-z-]+): /.exec(error.message)
  return named !== null && inputNames.has(named[1] as string)
    ? new UserError(`input '${named[1]}': ${error.message.slice(named[0].length)}`)
    : error
}

const inputNames = new Set([
  'target',
  'image',
  'platform',
  'expected-user',
  'expected-uid',
  'sudo',
  'pod-mtu',
  'mtu-margin',
  'fail-on'
])

async function main() {
  const password = input('password')
  if (password) core.setSecret(password)
  const username = input('username')
  if (password !== '' && username === '')
    throw new UserError("input 'username': required when 'password' is given")
  try {
    await check(username, password)
  } catch (error) {
    throw asInputError(error)
  }
}

async function check(username: string, password: string) {
  const failOn = parseFailOn(input('fail-on'))
  const image = input('image')
  const workDir = join(process.env.RUNNER_TEMP || tmpdir(), `runnerkit-check-${randomUUID()}`)
  let outcome
  try {
    let credentials
    if (username !== '') {
      const registry = parseReference(image.replace(/^docker:\/\//, '')).registry
      credentials = { [registry]: { username, password } }
    }
    outcome = await runRunnerCheck({
      target: input('target'),
      image,
      platform: input('platform'),
      expectations: {
        user: input('expected-user'),
        uid: input('expected-uid'),
        rootless: booleanInput('rootless', true),
        privilegedGroups: listInput('privileged-groups'),
        sudo: input('sudo'),
        pathDirs: listInput('path-dirs'),
        podMtu: input('pod-mtu'),
        mtuMargin: input('mtu-margin')
      },
      setuidAllowed: listInput('setuid-allowed'),
      env: process.env,
      ...(credentials !== undefined && { credentials }),
      insecureRegistries: listInput('insecure-registries'),
      workDir
    })
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }

  logUntrusted(`Checked ${outcome.subject}\n${formatTable(outcome.results)}`)
  for (const result of outcome.results) {
    const text = `${result.id}: ${result.reason}${result.fix !== undefined ? ` — fix: ${result.fix}` : ''}`
    if (result.status === 'fail') core.error(text, { title: `runner-check: ${result.title}` })
    if (result.status === 'warn') core.warning(text, { title: `runner-check: ${result.title}` })
  }
  const isFailed = failed(outcome.results, failOn)
  core.setOutput('json', JSON.stringify(outcome))
  core.setOutput('failed', String(isFailed))

  const tally = counts(outcome.results)
  const icon = { pass: '✅', warn: '⚠️', fail: '❌' } as const
  await core.summary
    .addRaw(
      [
        `### runner-check: ${outcome.target}`,
        '',
        `Checked: \`${outcome.subject}\``,
        '',
        markdownTable(
          ['', 'check', 'result', 'fix'],
          outcome.results.map((result) => [
            icon[result.status],
            result.id,
            result.reason,
            result.status === 'pass' ? '' : (result.fix ?? '')
          ])
        ),
        '',
        `${tally.pass} passed, ${tally.warn} warnings, ${tally.fail} failed.`,
        ''
      ].join('\n')
    )
    .write()
  if (isFailed) {
    core.setFailed(
      `runner-check: ${tally.fail} failed${failOn === 'warning' ? `, ${tally.warn} warnings` : ''} (see the annotations)`
    )
  }
}

await runAction(main)
