#!/usr/bin/env node
// npm start: the main job, locally, with the committed bundles. Each stage runs what has landed
// so far; a stage whose capability has not landed yet says so and is not a failure.
//
//   lint images/ → release tags for HEAD → build and check each image into ./out/oci
//   → check deployments/ and render them into ./out/deployments
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
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
    name: 'check deployments/ and render them into out/deployments',
    command: 'deploy',
    run() {
      const dir = join(root, 'deployments')
      const files = existsSync(dir)
        ? readdirSync(dir)
            .filter((name) => name.endsWith('.values.yaml'))
            .sort()
        : []
      if (files.length === 0) {
        console.log('  no values files under deployments/ yet')
        return true
      }
      const checked = runnerkit([
        'deploy',
        'check',
        ...files.map((name) => join('deployments', name))
      ])
      if (checked.stdout) process.stdout.write(checked.stdout.replace(/^(?=.)/gm, '  '))
      process.stderr.write(checked.stderr)
      if (checked.code !== 0) return false
      // A values file is rendered for the image built into out/oci by the build stage.
      mkdirSync(join(out, 'deployments'), { recursive: true })
      for (const name of files) {
        const image = name.replace(/\.values\.yaml$/, '').replace(/-debian$/, '')
        const layout = join(out, 'oci')
        if (!existsSync(join(layout, 'index.json'))) {
          console.log(`  ${name}: checked; not rendered (no image built: RUNNERKIT_BUILD=1)`)
          continue
        }
        const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8'))
        const entry = index.manifests.find(
          (manifest) => manifest.annotations?.['org.opencontainers.image.ref.name'] === image
        )
        if (entry === undefined) {
          console.log(`  ${name}: checked; not rendered (out/oci has no image ${image})`)
          continue
        }
        const rendered = runnerkit([
          'deploy',
          'render',
          '--values',
          join('deployments', name),
          '--image',
          `ghcr.io/runnerkit/${image}@${entry.digest}`,
          '--out',
          join(out, 'deployments', name)
        ])
        process.stderr.write(rendered.stderr)
        if (rendered.code !== 0) return false
        console.log(`  ${name} → out/deployments/${name} (${entry.digest})`)
      }
      return true
    }
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
