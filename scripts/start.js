#!/usr/bin/env node
// npm start: the main job, locally, with the committed bundles. Each stage runs what has landed
// so far; a stage whose capability has not landed yet says so and is not a failure.
//
//   lint images/ → release tags for HEAD → build and check each image into ./out/oci
//   → render deployments into ./out/deployments
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const cli = join(root, 'bin/runnerkit.js')
const out = join(root, 'out')

function runnerkit(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' })
  return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr }
}

const available = new Set(
  runnerkit(['--help'])
    .stdout.split('\n')
    .map((line) => /^ {2}(\S+) /.exec(line)?.[1])
    .filter(Boolean)
)

const images = existsSync(join(root, 'images'))
  ? readdirSync(join(root, 'images'), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && existsSync(join(root, 'images', entry.name, 'Dockerfile'))
      )
      .map((entry) => entry.name)
      .sort()
  : []

const stages = [
  {
    name: 'lint images/',
    command: 'lint',
    run() {
      if (images.length === 0) {
        console.log('  no images under images/ yet')
        return true
      }
      const result = runnerkit(['lint', 'images/'])
      if (result.stdout) process.stdout.write(result.stdout.replace(/^(?=.)/gm, '  '))
      process.stderr.write(result.stderr)
      if (result.code === 0) console.log(`  ${images.length} image(s) lint clean`)
      return result.code === 0
    }
  },
  {
    name: 'release tags for HEAD',
    command: 'meta',
    run() {
      mkdirSync(join(out, 'meta'), { recursive: true })
      const names = images.length > 0 ? images : ['runner']
      for (const image of names) {
        const result = runnerkit([
          'meta',
          '--images',
          `ghcr.io/runnerkit/${image}`,
          '--tags',
          'type=ref,event=branch\ntype=ref,event=tag\ntype=semver,pattern={{version}}\ntype=sha'
        ])
        process.stderr.write(result.stderr)
        if (result.code !== 0) return false
        writeFileSync(join(out, 'meta', `${image}.json`), result.stdout)
        const { tags } = JSON.parse(result.stdout)
        console.log(
          `  ${image}: ${tags.join(', ') || '(no tags for this ref)'} → out/meta/${image}.json`
        )
      }
      return true
    }
  },
  {
    name: 'build images into out/oci',
    command: 'build',
    run() {
      // The images pull their base from a public registry and the runner from GitHub; on a
      // machine without those, building is opt-in so the rest of the pipeline still runs.
      if (process.env.RUNNERKIT_BUILD !== '1') {
        console.log(
          "  not run: set RUNNERKIT_BUILD=1 to build (needs the base images' registry and, for images/runner, RUNNER_SHA256)"
        )
        return true
      }
      for (const image of images) {
        const buildArgs = ['BASE_IMAGE', 'RUNNER_VERSION', 'RUNNER_SHA256']
          .filter((name) => process.env[name])
          .flatMap((name) => ['--build-arg', name])
        const result = runnerkit([
          'build',
          ...buildArgs,
          '--tag',
          `oci:${join(out, 'oci')}:${image}`,
          join('images', image)
        ])
        process.stderr.write(result.stderr)
        if (result.code !== 0) return false
        console.log(`  ${image}: ${result.stdout.trim()} → out/oci:${image}`)
      }
      return true
    }
  },
  {
    name: 'render deployments into out/deployments',
    command: 'deploy',
    issue: 'the release pipeline'
  }
]

let failed = false
for (const stage of stages) {
  if (!available.has(stage.command)) {
    console.log(`- ${stage.name}: not available yet (lands with ${stage.issue})`)
    continue
  }
  console.log(`- ${stage.name}`)
  if (!stage.run()) {
    console.log(`  failed`)
    failed = true
    break
  }
}
process.exit(failed ? 1 : 0)
