/**
 * Promote vs rebuild: releasing a tested image by retagging its digest (image-promote) against
 * rebuilding and pushing the same Dockerfile (what weekly-rebuild pipelines do). Both run against
 * a real docker-registry on 127.0.0.1 with a debootstrapped Debian base; the image adds a user
 * and 32 MiB of application files. Measured: wall time, and bytes sent to the registry (client
 * counters, cross-checked against the registry's access log for blob uploads).
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runBuild } from '../src/image/build-run.js'
import { runPromote } from '../src/image/promote-run.js'
import { RegistryClient } from '../src/oci/registry.js'
import { pushDebianBase } from '../test/helpers/base-image.js'
import { startRegistry } from '../test/helpers/registry.js'
import { removeScratchDirs, scratchDir } from '../test/helpers/scratch.js'
import { machine, median, printTable } from './machine.js'

const rebuilds = 3
const promotes = 10

const registry = await startRegistry()
try {
  const base = await pushDebianBase(registry)
  const context = scratchDir('bench-promote')
  mkdirSync(join(context, 'app'))
  writeFileSync(join(context, 'app', 'payload.bin'), randomBytes(32 * 1024 * 1024))
  writeFileSync(
    join(context, 'Dockerfile'),
    [
      `FROM ${base}`,
      'RUN useradd --uid 1000 --create-home runner',
      'COPY app/ /opt/app/',
      'USER 1000',
      ''
    ].join('\n')
  )

  const blobUploads = async (action: () => Promise<void>): Promise<number> => {
    await registry.flushLog()
    const start = registry.requests.length
    await action()
    await registry.flushLog()
    return registry.requests
      .slice(start)
      .filter((request) => request.method === 'PUT' && request.path.includes('/blobs/uploads/'))
      .length
  }

  // Rebuild + push: no layer cache and a fresh repository each time, as a rebuild for a release
  // produces new layers (new timestamps) that the registry does not have.
  const rebuildTimes: number[] = []
  const rebuildBytes: number[] = []
  const rebuildUploads: number[] = []
  let digest = ''
  for (let run = 0; run < rebuilds; run++) {
    const client = new RegistryClient()
    const started = performance.now()
    const uploads = await blobUploads(async () => {
      const result = await runBuild({
        context,
        buildArgs: [],
        secrets: [],
        labels: [],
        annotations: [],
        platforms: [],
        pull: false,
        noCache: true,
        cacheFrom: [],
        cacheTo: [],
        engine: 'buildah',
        tags: [`${registry.host}/bench/rebuild-${run}:1.2.3`],
        images: [],
        flavor: [],
        push: true,
        insecureRegistries: [],
        workDir: join(tmpdir(), `runnerkit-bench-build-${process.pid}-${run}`),
        env: process.env,
        client
      })
      digest = result.digest
    })
    rebuildTimes.push(performance.now() - started)
    rebuildBytes.push(client.stats.blobBytesSent)
    rebuildUploads.push(uploads)
    client.close()
  }

  const promoteTimes: number[] = []
  const promoteBytes: number[] = []
  const promoteUploads: number[] = []
  for (let run = 0; run < promotes; run++) {
    const client = new RegistryClient()
    const started = performance.now()
    const uploads = await blobUploads(async () => {
      await runPromote({
        source: `${registry.host}/bench/rebuild-${rebuilds - 1}@${digest}`,
        tags: [`1.2.${run + 4}`, '1.2', '1', 'latest'],
        immutable: true,
        client
      })
    })
    promoteTimes.push(performance.now() - started)
    promoteBytes.push(client.stats.blobBytesSent)
    promoteUploads.push(uploads)
    client.close()
  }

  const rebuildMs = median(rebuildTimes)
  const promoteMs = median(promoteTimes)
  const speedup = rebuildMs / promoteMs
  printTable([
    ['machine', machine()],
    ['rebuild + push (buildah, no cache), median of 3', `${(rebuildMs / 1000).toFixed(2)} s`],
    [
      '  layer bytes sent',
      `${(median(rebuildBytes) / 2 ** 20).toFixed(1)} MiB (${median(rebuildUploads)} blob uploads in the registry log)`
    ],
    ['promote to 4 tags, median of 10', `${promoteMs.toFixed(0)} ms`],
    [
      '  layer bytes sent',
      `${Math.max(...promoteBytes)} (${Math.max(...promoteUploads)} blob uploads in the registry log)`
    ],
    ['promote speed-up', `${speedup.toFixed(0)}×`]
  ])
  console.log(
    JSON.stringify({
      bench: 'promote',
      machine: machine(),
      rebuildMs: Math.round(rebuildMs),
      rebuildBlobBytes: median(rebuildBytes),
      promoteMs: Math.round(promoteMs),
      promoteBlobBytes: Math.max(...promoteBytes),
      promoteBlobUploads: Math.max(...promoteUploads),
      speedup: Number(speedup.toFixed(1))
    })
  )
} finally {
  await registry.stop()
  removeScratchDirs()
}
