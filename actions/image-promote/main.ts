// image-promote front end: inputs → src/image/promote-run → outputs, log lines and the job summary.
import * as core from '@actions/core'
import { UserError } from '../../src/errors.js'
import { PromoteInputError, runPromote, splitTagList } from '../../src/image/promote-run.js'
import { booleanInput, input, listInput } from '../_shared/inputs.js'
import { logGroup, logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { markdownTable } from '../_shared/summary.js'

async function main() {
  const password = input('password')
  if (password) core.setSecret(password)
  const username = input('username')
  if (password !== '' && username === '')
    throw new UserError("input 'username': required when 'password' is given")
  if (username !== '' && password === '')
    throw new UserError("input 'password': required when 'username' is given")

  const source = input('source')
  const tags = splitTagList(input('tags'))
  const destination = input('destination')
  const authFile = input('auth-file')
  const insecureRegistries = listInput('insecure-registries')
  const immutable = booleanInput('immutable-tags', true)
  const dryRun = booleanInput('dry-run', false)

  let result
  try {
    result = await runPromote({
      source,
      tags,
      ...(destination !== '' && { destination }),
      insecureRegistries,
      ...(username !== '' && { credentials: { username, password } }),
      ...(authFile !== '' && { authFile }),
      immutable,
      dryRun,
      env: process.env,
      onWarning: (message) => core.warning(message),
      onRetry: (event) =>
        core.info(
          `${event.operation}: ${event.reason}; retry ${event.attempt}/${event.maxRetries} in ${event.delayMs} ms`
        ),
      onBlobCopy: (event) =>
        core.info(
          `Copying blob ${event.digest} (${event.size} bytes) from ${event.from} to ${event.to}: ${event.reason === 'mount-refused' ? 'the registry refused a cross-repository mount' : 'another registry'}`
        )
    })
  } catch (error) {
    if (error instanceof PromoteInputError)
      throw new UserError(`input '${error.field}': ${error.message}`)
    throw error
  }

  logUntrusted(
    result.dryRun
      ? `Dry run: ${result.image} can be promoted; nothing was written`
      : `Promoted ${result.image}`
  )
  logGroup('Tags', result.tags.join('\n'))
  core.setOutput('digest', result.digest)
  core.setOutput('image', result.image)
  core.setOutput('tags', result.tags.join('\n'))

  const rows = result.tags.map((reference, index) => {
    const tag = result.tagNames[index] ?? ''
    const state = result.unchanged.includes(tag)
      ? 'already there'
      : result.dryRun
        ? 'would be written'
        : 'written'
    return [`\`${reference}\``, state]
  })
  await core.summary
    .addRaw(
      [
        result.dryRun ? '### image-promote (dry run: nothing written)' : '### image-promote',
        '',
        `Digest: \`${result.digest}\``,
        '',
        markdownTable(['reference', ''], rows),
        '',
        ...(result.dryRun
          ? []
          : [
              `Blobs: ${result.blobsMounted} mounted, ${result.blobsCopied} copied, ${result.blobsPresent} already present.`
            ]),
        ''
      ].join('\n')
    )
    .write()
}

await runAction(main)
