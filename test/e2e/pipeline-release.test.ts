/**
 * The release pipeline end to end on a simulated release event (tag v1.2.3): `runnerkit
 * pipeline` lints images/, builds images/debian-bookworm for real with buildah (base: the
 * debootstrapped Debian, since no public registry is reachable; runner: the stand-in tarball,
 * since github.com is not), checks it, pushes it by digest into a real docker-registry on
 * 127.0.0.1, promotes the release tags and renders its deployment. GitHub itself cannot exist
 * here, so the event is a payload file and GITHUB_* variables, as the runner would set them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveInLayout } from '../../src/oci/layout.js'
import { RegistryClient } from '../../src/oci/registry.js'
import { runRunnerkit } from '../helpers/cli.js'
import { eventFixture } from '../helpers/events.js'
import { contextVariables } from '../helpers/github-context.js'
import { startRegistry, type LocalRegistry } from '../helpers/registry.js'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let registry: LocalRegistry
const client = new RegistryClient()
const out = scratchDir('pipeline-out')
const cache = join(tmpdir(), 'runnerkit-e2e-cache')

beforeAll(async () => {
  for (const tool of ['buildah', 'debootstrap', 'skopeo', 'git']) requireTool(tool)
  registry = await startRegistry()
})

afterAll(async () => {
  client.close()
  await registry?.stop()
})

function releaseEnvironment(tag: string): NodeJS.ProcessEnv {
  const event = eventFixture('release', 'release-published.json')
  const payload = structuredClone(event.payload) as { release: { tag_name: string } }
  payload.release.tag_name = tag
  const dir = scratchDir('pipeline-event')
  const eventPath = join(dir, 'event.json')
  writeFileSync(eventPath, JSON.stringify(payload))
  const summary = join(dir, 'summary.md')
  writeFileSync(summary, '')
  return {
    ...contextVariables({ name: 'release', payload }),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_STEP_SUMMARY: summary,
    PATH: process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin',
    HOME: process.env.HOME ?? '/root',
    RUNNERKIT_CACHE_DIR: cache
  }
}

describe('runnerkit pipeline on a release of v1.2.3', () => {
  let env: NodeJS.ProcessEnv
  let result: { code: number; stdout: string; stderr: string }
  let built = ''

  beforeAll(async () => {
    env = releaseEnvironment('v1.2.3')
    result = await runRunnerkit(
      [
        'pipeline',
        '--registry',
        `${registry.host}/runnerkit`,
        '--image',
        'debian-bookworm',
        '--out',
        out
      ],
      env,
      repositoryRoot
    )
    if (existsSync(join(out, 'oci', 'index.json')))
      built = (await resolveInLayout(join(out, 'oci'), 'debian-bookworm')).digest
  }, 1_500_000)

  it('runs every step, one progress line each, and passes', () => {
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const steps = result.stdout.split('\n').filter((line) => /^\d\/7 /.test(line))
    expect(steps).toEqual([
      '1/7 lint images/',
      '2/7 image-meta for HEAD',
      '3/7 build debian-bookworm',
      '4/7 runner-check debian-bookworm',
      '5/7 push debian-bookworm',
      '6/7 promote debian-bookworm',
      '7/7 render deployments/debian-bookworm.values.yaml'
    ])
    expect(result.stdout).toContain('using a local Debian bookworm (debootstrap)')
    expect(result.stdout).toContain('building with a stand-in runner served on 127.0.0.1')
    expect(built).toMatch(/^sha256:[0-9a-f]{64}$/)
  })

  it('pushes the checked digest under sha-, then promotes 1.2.3, 1.2, 1 and latest to it', async () => {
    const repository = { registry: registry.host, repository: 'runnerkit/debian-bookworm' }
    for (const tag of ['sha-b56ba1b', '1.2.3', '1.2', '1', 'latest']) {
      expect((await client.headManifest({ ...repository, tag }))?.digest).toBe(built)
    }
    // skopeo, an independent reader, sees the same digest under the release tag.
    const inspected = spawnSync(
      'skopeo',
      [
        'inspect',
        '--tls-verify=false',
        '--format',
        '{{.Digest}}',
        `docker://${registry.host}/runnerkit/debian-bookworm:1.2.3`
      ],
      { encoding: 'utf8' }
    )
    expect(inspected.stdout.trim()).toBe(built)
    const record = JSON.parse(readFileSync(join(out, 'pipeline.json'), 'utf8')) as {
      report: {
        images: Array<{ stages: Array<{ stage: string; result: string; digest?: string }> }>
      }
    }
    expect(record.report.images[0]?.stages).toEqual([
      expect.objectContaining({ stage: 'build', result: 'success', digest: built }),
      expect.objectContaining({ stage: 'check', result: 'success', digest: built }),
      expect.objectContaining({ stage: 'push', result: 'success', digest: built }),
      expect.objectContaining({ stage: 'promote', result: 'success', digest: built }),
      expect.objectContaining({ stage: 'deploy', result: 'success', digest: built })
    ])
  })

  it('renders the deployment pinned to the promoted digest, and it passes deploy check', async () => {
    const values = join(out, 'deployments', 'debian-bookworm.values.yaml')
    const text = readFileSync(values, 'utf8')
    expect(text).toContain(`image: ${registry.host}/runnerkit/debian-bookworm@${built}`)
    const checked = await runRunnerkit(
      ['deploy', 'check', values, '--image', `${registry.host}/runnerkit/debian-bookworm:1.2.3`],
      env,
      repositoryRoot
    )
    expect(checked.stderr).toBe('')
    expect(checked.code).toBe(0)
  })

  it('writes the mermaid flowchart and tables to the job summary and the terminal', () => {
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8')
    expect(summary).toContain('## runnerkit pipeline: refs/tags/v1.2.3')
    expect(summary).toContain('```mermaid\nflowchart LR')
    expect(summary).toContain('promote ✅')
    expect(summary).toContain(`${registry.host}/runnerkit/debian-bookworm:1.2.3 | ${built} |`)
    expect(summary).toContain('| debian-bookworm |')
    expect(readFileSync(join(out, 'summary.md'), 'utf8')).toBe(summary)
    expect(result.stdout).toContain(
      'debian-bookworm: build ok → check ok → push ok → promote ok → deploy ok'
    )
  })

  it('without a container engine, says what to install and still lints, tags and renders', async () => {
    const noEngine: NodeJS.ProcessEnv = { ...env, PATH: '/nonexistent' }
    delete noEngine.GITHUB_STEP_SUMMARY
    const run = await runRunnerkit(
      ['pipeline', '--image', 'debian-bookworm', '--out', out],
      noEngine,
      repositoryRoot
    )
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('no container engine can build here')
    expect(run.stdout).toContain('Install buildah')
    expect(run.stdout).toContain(`using ${built} from an earlier build in out/oci`)
    expect(run.stdout).toContain(
      'debian-bookworm: build skipped → check skipped → push skipped → promote skipped → deploy ok'
    )
    expect(readFileSync(join(out, 'deployments', 'debian-bookworm.values.yaml'), 'utf8')).toContain(
      `image: ghcr.io/runnerkit/debian-bookworm@${built}`
    )
  })
})
