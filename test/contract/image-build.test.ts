/**
 * image-build's committed bundle, run the way the runner runs it, on inputs that are refused
 * before any engine starts: no buildah, podman or docker is needed here, and PATH is emptied of
 * them on purpose, so a refusal that came too late would show up as "no container engine"
 * instead (test/e2e/image-build.test.ts builds for real).
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readManifest, runAction } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'

function context(): string {
  const dir = scratchDir('build-contract')
  writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n')
  return dir
}

const noEngines = { PATH: '/nonexistent' }

describe('image-build refuses bad inputs with one line naming the input', () => {
  it.each([
    ['context', { context: '/nonexistent/context' }, "input 'context'"],
    ['file', { file: '/nonexistent/Dockerfile' }, "input 'file'"],
    ['platforms', { platforms: 'linux' }, "input 'platforms': platform 'linux'"],
    ['platforms', { platforms: 'linux/amd64,linux/amd64' }, 'listed twice'],
    ['engine', { engine: 'kaniko' }, "input 'engine': unknown engine 'kaniko'"],
    ['build-args', { 'build-args': 'not valid=1' }, "input 'build-args'"],
    ['secrets', { secrets: 'id=..,src=/etc/hostname' }, "input 'secrets'"],
    ['labels', { labels: 'no-equals' }, "input 'labels'"],
    ['annotations', { annotations: 'index[linux/amd64]:a=b' }, "input 'annotations'"],
    ['tags', { tags: 'Registry Example/app:1' }, "input 'tags'"],
    ['tags', { tags: 'registry.example.com/app@sha256:' + 'a'.repeat(64) }, 'names a digest'],
    ['push', { push: 'true' }, "input 'tags': push is on but no tags"],
    ['push', { push: 'yes please' }, "input 'push'"],
    ['images', { images: 'ghcr.io/o/app', tags: 'type=nope' }, "input 'images'"],
    ['oci-layout', { 'oci-layout': '/tmp/x:bad name' }, "input 'oci-layout'"],
    ['username', { password: 'hunter2hunter2' }, "input 'username'"],
    ['password', { username: 'octocat' }, "input 'password'"],
    ['insecure-registries', { 'insecure-registries': 'not a host' }, "input 'insecure-registries'"]
  ])('%s: %j', async (_name, inputs, expected) => {
    const run = await runAction('image-build', {
      inputs: { context: context(), ...inputs },
      env: noEngines
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(expected)
    expect(run.errors[0]?.message).not.toContain('\n')
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
  })
})

describe('image-build without any engine', () => {
  it('names what to install, and leaves nothing in RUNNER_TEMP', async () => {
    const run = await runAction('image-build', {
      inputs: {
        context: context(),
        secrets: 'TOKEN=value-that-is-secret',
        username: 'octocat',
        password: 'hunter2hunter2',
        tags: '127.0.0.1:1/team/app:1.0.0'
      },
      env: noEngines
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toMatch(
      /no container engine can build here: buildah is not installed; install buildah .*podman is not installed.*docker is not installed/
    )
    expect(run.masks).toEqual(expect.arrayContaining(['hunter2hunter2', 'value-that-is-secret']))
    expect(run.stdout).not.toMatch(/^(?!::add-mask::).*value-that-is-secret/m)
    const left = readdirSync(run.runnerTemp).filter((name) => name.startsWith('runnerkit-build-'))
    expect(left).toEqual([])
    expect(existsSync(run.state['work-dir'] ?? '/nonexistent')).toBe(false)
  })
})

describe('image-build action.yml', () => {
  it('has a post step that removes what a cancelled build leaves', () => {
    expect(readManifest('image-build').runs.post).toBe('dist/post.js')
  })
})
