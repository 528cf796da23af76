/**
 * dockerfile-lint: (a) cold start of the bundled action on ten Dockerfiles (the repository's
 * images/ plus generated ones) through the runner harness, without ShellCheck; (b) warm
 * throughput over 2,000 generated realistic Dockerfiles against a bare dockerfile-ast parse of
 * the same files; (c) the bundle's size.
 */
import { DockerfileParser } from 'dockerfile-ast'
import { cpSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDockerfile } from '../src/dockerfile/parse.js'
import { initShellParser } from '../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile } from '../src/lint/engine.js'
import { allRules } from '../src/lint/rules/index.js'
import { generateDockerfile } from '../test/helpers/dockerfiles.js'
import { runAction } from '../test/helpers/run-action.js'
import { removeScratchDirs, scratchDir } from '../test/helpers/scratch.js'
import { machine, median, printTable } from './machine.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const coldRuns = 10
const warmFiles = 2000
const warmRounds = 5

// (a) ten Dockerfiles: images/ and generated ones to make up the number.
const workspace = scratchDir('bench-lint')
cpSync(join(root, 'images'), join(workspace, 'images'), { recursive: true })
const imageCount = readdirSync(join(workspace, 'images')).filter((entry) =>
  statSync(join(workspace, 'images', entry)).isDirectory()
).length
for (let index = imageCount; index < 10; index++) {
  mkdirSync(join(workspace, 'images', `generated-${index}`))
  writeFileSync(
    join(workspace, 'images', `generated-${index}`, 'Dockerfile'),
    generateDockerfile(index + 1, 60)
  )
}
const coldTimes: number[] = []
for (let run = 0; run < coldRuns; run++) {
  const started = performance.now()
  const result = await runAction('dockerfile-lint', {
    workspace,
    inputs: { dockerfile: 'images/', shellcheck: 'off', 'no-fail': 'true' }
  })
  coldTimes.push(performance.now() - started)
  if (result.exitCode !== 0)
    throw new Error(`dockerfile-lint failed: ${result.stdout}${result.stderr}`)
}
const coldMs = median(coldTimes)

// (b) warm throughput; the best of several rounds, so a busy moment does not decide it.
const files = Array.from({ length: warmFiles }, (_, index) => generateDockerfile(index + 1))
await initShellParser()
const best = (work: () => void) => {
  let fastest = Infinity
  for (let round = 0; round < warmRounds; round++) {
    const started = performance.now()
    work()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}
const bareMs = best(() => {
  for (const file of files) DockerfileParser.parse(file)
})
const lintMs = best(() => {
  for (const file of files) lintDockerfile(parseDockerfile(file), allRules, defaultSettings)
})
const lines = files.reduce((sum, file) => sum + file.split('\n').length, 0)

// (c) what the action ships.
const dist = join(root, 'actions/dockerfile-lint/dist')
const bytes = readdirSync(dist).reduce((sum, file) => sum + statSync(join(dist, file)).size, 0)
const jsBytes = statSync(join(dist, 'index.js')).size
removeScratchDirs()

const ratio = lintMs / bareMs
console.log(`machine: ${machine()}`)
printTable([
  [
    `(a) action cold start, 10 Dockerfiles, no ShellCheck (median of ${coldRuns})`,
    `${coldMs.toFixed(0)} ms`
  ],
  [
    `(b) bare dockerfile-ast parse, ${warmFiles} files (${Math.round(lines / warmFiles)} lines avg)`,
    `${Math.round((warmFiles / bareMs) * 1000)} files/s`
  ],
  [
    `(b) full lint, ${allRules.length} rules, same files`,
    `${Math.round((warmFiles / lintMs) * 1000)} files/s`
  ],
  ['(b) full lint ÷ bare parse', `${ratio.toFixed(2)}×`],
  [
    '(c) bundle: index.js / with wasm',
    `${(jsBytes / 2 ** 20).toFixed(2)} MiB / ${(bytes / 2 ** 20).toFixed(2)} MiB`
  ]
])
console.log(
  JSON.stringify({
    bench: 'lint',
    machine: machine(),
    coldMs: Math.round(coldMs),
    bareFilesPerSecond: Math.round((warmFiles / bareMs) * 1000),
    lintFilesPerSecond: Math.round((warmFiles / lintMs) * 1000),
    ratio: Number(ratio.toFixed(2)),
    bundleBytes: bytes,
    indexJsBytes: jsBytes
  })
)
