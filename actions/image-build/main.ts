// image-build front end: inputs → src/image/build-run → outputs, grouped build log, job summary.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../../src/errors.js'
import { BuildInputError, runBuild, type BuildRunResult } from '../../src/image/build-run.js'
import { splitTagList } from '../../src/image/promote-run.js'
import { booleanInput, input, listInput } from '../_shared/inputs.js'
import { logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { markdownTable } from '../_shared/summary.js'
import { BuildLog } from './build-log.js'

async function main() {
  const password = input('password')
  if (password) core.setSecret(password)
  const username = input('username')
  if (password !== '' && username === '')
    throw new UserError("input 'username': required when 'password' is given")
  if (username !== '' && password === '')
    throw new UserError("input 'password': required when 'username' is given")

  // Saved before anything is written, so the post step can clean up after a cancelled build.
  const workDir = join(process.env.RUNNER_TEMP || tmpdir(), `runnerkit-build-${randomUUID()}`)
  core.saveState('work-dir', workDir) // read by post.ts

  const log = new BuildLog()
  let result: BuildRunResult
  try {
    result = await runBuild({
      context: input('context'),
      file: input('file'),
      target: input('target'),
      buildArgs: listInput('build-args', { ignoreComma: true }),
      secrets: listInput('secrets', { ignoreComma: true }),
      labels: listInput('labels', { ignoreComma: true }),
      annotations: listInput('annotations', { ignoreComma: true }),
      platforms: listInput('platforms'),
      pull: booleanInput('pull'),
      noCache: booleanInput('no-cache'),
      cacheFrom: listInput('cache-from'),
      cacheTo: listInput('cache-to'),
      network: input('network'),
      engine: input('engine'),
      images: listInput('images', { ignoreComma: true, comment: '#' }),
      tags: splitTagList(input('tags')),
      flavor: listInput('flavor', { ignoreComma: true, comment: '#' }),
      push: booleanInput('push'),
      ...(username !== '' && { credentials: { username, password } }),
      authFile: input('auth-file') || undefined,
      insecureRegistries: listInput('insecure-registries'),
      ociLayout: input('oci-layout'),
      workDir,
      env: process.env,
      onSecretValues: (values) => values.forEach((value) => core.setSecret(value)),
      onEngine: (probe, skipped) => {
        for (const other of skipped) core.info(`Not using ${other.name}: ${other.reason}`)
        core.info(
          `Building with ${probe.name} ${probe.version ?? ''}${probe.storageDriver ? ` (storage driver ${probe.storageDriver}: the default one does not work here)` : ''}`
        )
      },
      onPhase: (phase) => log.phase(phase),
      onPlatform: (platform) => log.phase(`build ${platform}`),
      onStep: (step, platform) => log.step(step, platform),
      onLine: (line) => log.line(line),
      onPush: (event) =>
        log.line(
          event.kind === 'tag'
            ? `Tagged ${event.repository}:${event.tag} → ${event.digest}`
            : event.kind === 'manifest'
              ? `Pushed manifest ${event.repository}@${event.digest}`
              : `Blob ${event.digest} (${event.size ?? 0} bytes): ${event.kind === 'blob-present' ? 'already in the registry' : 'uploaded'}`
        ),
      onRetry: (event) =>
        log.line(
          `${event.operation}: ${event.reason}; retry ${event.attempt}/${event.maxRetries} in ${event.delayMs} ms`
        ),
      onWarning: (message) => core.warning(message)
    })
  } catch (error) {
    log.close()
    if (error instanceof BuildInputError)
      throw new UserError(`input '${error.field}': ${error.message}`)
    throw error
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
  log.close()

  logUntrusted(
    [
      `Digest: ${result.digest}`,
      ...(result.metadata.pushed.length > 0
        ? ['Pushed:', ...result.metadata.pushed.map((tag) => `  ${tag}`)]
        : ['Not pushed (push: false).'])
    ].join('\n')
  )
  core.setOutput('digest', result.digest)
  core.setOutput('imageid', result.imageId)
  core.setOutput('tags', result.tags.join('\n'))
  core.setOutput('image', result.image)
  core.setOutput('metadata', JSON.stringify(result.metadata))

  const platformRows = result.metadata.platforms.map((image) => [
    image.platform,
    `\`${image.digest}\``,
    String(image.layers),
    formatBytes(image.size)
  ])
  await core.summary
    .addRaw(
      [
        '### image-build',
        '',
        `Engine: ${result.metadata.engine} ${result.metadata.engineVersion} · Digest: \`${result.digest}\``,
        '',
        markdownTable(['platform', 'manifest', 'layers', 'size'], platformRows),
        '',
        result.metadata.pushed.length > 0
          ? markdownTable(
              ['pushed'],
              result.metadata.pushed.map((tag) => [`\`${tag}\``])
            )
          : 'Not pushed.',
        '',
        '<details><summary>Timings</summary>',
        '',
        markdownTable(
          ['step', 'seconds'],
          log.timings().map(({ title, ms }) => [title, (ms / 1000).toFixed(1)])
        ),
        '',
        '</details>',
        ''
      ].join('\n')
    )
    .write()
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

await runAction(main)
