import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deployCommand } from '../../../src/cli/deploy.js'
import { runCli } from '../../../src/cli/main.js'
import { fixtureImage, runnerBase } from '../../helpers/image-fixture.js'
import { scratchDir } from '../../helpers/scratch.js'

const digest = `sha256:${'c'.repeat(64)}`
const deploymentFile = 'deployments/debian-bookworm.values.yaml'
const deployment = readFileSync(deploymentFile, 'utf8')
const placeholder = `sha256:${'0'.repeat(64)}`

async function runnerkit(args: string[], cwd = process.cwd()) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    ['deploy', ...args],
    {
      env: {},
      cwd,
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text)
    },
    [deployCommand]
  )
  return { code, stdout, stderr }
}

describe('runnerkit deploy render', () => {
  it('prints the values with the image digest', async () => {
    const result = await runnerkit([
      'render',
      '--values',
      deploymentFile,
      '--image',
      `ghcr.io/runnerkit/debian-bookworm@${digest}`
    ])
    expect(result).toEqual({
      code: 0,
      stdout: deployment.replace(placeholder, digest),
      stderr: ''
    })
  })

  it('writes --out relative to the working directory, with overrides', async () => {
    const dir = scratchDir('deploy-render')
    writeFileSync(join(dir, 'in.yaml'), deployment)
    const result = await runnerkit(
      [
        'render',
        '--values',
        'in.yaml',
        '--image',
        `ghcr.io/runnerkit/debian-bookworm@${digest}`,
        '--out',
        'out.yaml',
        '--scale-set-name',
        'team-b',
        '--min-runners',
        '0',
        '--max-runners',
        '2'
      ],
      dir
    )
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' })
    const written = readFileSync(join(dir, 'out.yaml'), 'utf8')
    expect(written).toContain(`image: ghcr.io/runnerkit/debian-bookworm@${digest}`)
    expect(written).toContain('runnerScaleSetName: team-b')
    expect(written).toContain('minRunners: 0')
    expect(written).toContain('maxRunners: 2')
  })

  it.each([
    [
      ['render', '--image', `r.io/x@${digest}`],
      /^runnerkit deploy: render: give the template with --values FILE\n$/
    ],
    [
      ['render', '--values', deploymentFile, '--image', 'ghcr.io/runnerkit/debian-bookworm:1.0'],
      /^runnerkit deploy: template\.spec\.containers\[name=runner\]\.image: .*not pinned by digest/
    ],
    [
      ['render', '--values', 'missing.yaml', '--image', `r.io/x@${digest}`],
      /^runnerkit deploy: --values: cannot read /
    ],
    [
      ['render', '--values', 'a', '--image', 'b', '--node-cpu', '2'],
      /--node-cpu belongs to 'deploy check'/
    ],
    [
      ['render', '--values', 'a', '--image', `r.io/x@${digest}`, '--max-runners', 'x'],
      /--max-runners: expected a whole number/
    ],
    [[], /give an action/],
    [['frobnicate'], /unknown action 'frobnicate'/],
    [['check'], /check: give one or more values files/],
    [['check', 'f', '--out', 'x'], /--out belongs to 'deploy render'/],
    [['check', 'f', '--node-memory', '16GB'], /--node-memory: '16GB' is not a Kubernetes quantity/],
    [['check', 'f', '--format', 'xml'], /--format: expected table or json/],
    [['check', 'f', '--fail-on', 'never'], /fail-on: expected error or warning, got 'never'/],
    [
      ['render', '--values', 'a', '--image', 'b', '--fail-on', 'warning'],
      /--fail-on belongs to 'deploy check'/
    ],
    [['check', 'f', '--image-uid', '1', '--image', 'r'], /give --image-uid or --image, not both/],
    [['check', '--bogus'], /Unknown option '--bogus'/]
  ])('refuses %j with one line', async (args, message) => {
    const result = await runnerkit(args)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr.trimEnd()).not.toContain('\n')
  })
})

describe('runnerkit deploy check', () => {
  it.each(['debian-bookworm', 'rootless-ubuntu-noble', 'ubi9'])(
    'passes deployments/%s.values.yaml for UID 1000 and a 4 CPU / 16Gi node',
    async (image) => {
      const file = `deployments/${image}.values.yaml`
      const result = await runnerkit([
        'check',
        file,
        '--image-uid',
        '1000',
        '--node-cpu',
        '4',
        '--node-memory',
        '16Gi'
      ])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.stdout.startsWith(`${file}\n`)).toBe(true)
      expect(result.stdout).toMatch(/^WARN {2}image-digest .*render first/m)
      expect(result.stdout).toMatch(/^ok {4}pod-spec-schema .*matches Kubernetes' PodSpec schema$/m)
      expect(result.stdout).toContain('9 passed, 1 warnings, 0 failed')
    }
  )

  it('passes all three without options, as npm start runs it', async () => {
    const result = await runnerkit([
      'check',
      'deployments/debian-bookworm.values.yaml',
      'deployments/rootless-ubuntu-noble.values.yaml',
      'deployments/ubi9.values.yaml'
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('refuses the placeholder with --fail-on warning, and passes the rendered file', async () => {
    const strict = await runnerkit(['check', deploymentFile, '--fail-on', 'warning'])
    expect(strict.code).toBe(1)
    const dir = scratchDir('deploy-rendered')
    writeFileSync(join(dir, 'v.yaml'), deployment.replace(placeholder, digest))
    const rendered = await runnerkit(['check', 'v.yaml', '--fail-on', 'warning'], dir)
    expect(rendered.stdout).toContain('10 passed, 0 warnings, 0 failed')
    expect(rendered.code).toBe(0)
  })

  it('names file:line and the key path of a pod spec the schema refuses', async () => {
    const dir = scratchDir('deploy-schema')
    writeFileSync(
      join(dir, 'typo.yaml'),
      deployment.replace(
        '        securityContext:\n          # The image',
        '        securityContex:\n          # The image'
      )
    )
    const result = await runnerkit(['check', 'typo.yaml', '--format', 'json'], dir)
    expect(result.code).toBe(1)
    const parsed = JSON.parse(result.stdout) as {
      files: Array<{ results: Array<{ id: string; status: string; reason: string; fix?: string }> }>
    }
    const line = deployment.split('\n').findIndex((text) => text === '        securityContext:') + 1
    expect(parsed.files[0]?.results.find((entry) => entry.id === 'pod-spec-schema')).toEqual({
      id: 'pod-spec-schema',
      title: "Runner pod spec against Kubernetes' schema",
      status: 'fail',
      reason: `typo.yaml:${line}: template.spec.containers[name=runner].securityContex is not a field Kubernetes knows here; the API server drops unknown fields, so the setting never applies`,
      fix: 'rename it to securityContext (see kubectl explain pod.spec.containers)',
      details: {
        path: 'template.spec.containers[name=runner].securityContex',
        kind: 'unknown-field'
      }
    })
  })

  it('exits 1 and reports each file in json when a check fails', async () => {
    const dir = scratchDir('deploy-check')
    writeFileSync(join(dir, 'latest.yaml'), deployment.replace(/@sha256:0+/, ':latest'))
    const result = await runnerkit(
      [
        'check',
        'latest.yaml',
        join(process.cwd(), deploymentFile),
        '--format',
        'json',
        '--node-cpu',
        '1'
      ],
      dir
    )
    expect(result.code).toBe(1)
    const parsed = JSON.parse(result.stdout) as {
      files: Array<{ file: string; results: Array<{ id: string; status: string; reason: string }> }>
    }
    expect(parsed.files).toHaveLength(2)
    const failures = parsed.files.flatMap(({ results }) =>
      results.filter((entry) => entry.status === 'fail').map((entry) => entry.reason)
    )
    const imageLine =
      deployment.split('\n').findIndex((text) => text.includes('image: ghcr.io/')) + 1
    expect(failures).toEqual([
      expect.stringMatching(
        new RegExp(`^latest\\.yaml:${imageLine}: .*image '.*:latest' uses the mutable tag :latest$`)
      ),
      expect.stringMatching(/^latest\.yaml:\d+: .*limits\.cpu 3 is above the node's 1$/),
      expect.stringMatching(
        /debian-bookworm\.values\.yaml:\d+: .*limits\.cpu 3 is above the node's 1$/
      )
    ])
  })

  it('reads the UID from the image with --image', async () => {
    const image = await fixtureImage([runnerBase], { User: 'runner' })
    const match = await runnerkit(['check', deploymentFile, '--image', image, '--format', 'json'])
    expect(match.stderr).toBe('')
    expect(match.code).toBe(0)
    expect((JSON.parse(match.stdout) as { imageUid: number }).imageUid).toBe(1000)

    const dir = scratchDir('deploy-uid')
    writeFileSync(
      join(dir, 'v.yaml'),
      deployment.replace(/runAs(User|Group): 1000/g, 'runAs$1: 1001')
    )
    const mismatch = await runnerkit(['check', 'v.yaml', '--image', image, '--format', 'json'], dir)
    expect(mismatch.code).toBe(1)
    const parsed = JSON.parse(mismatch.stdout) as {
      files: Array<{ results: Array<{ id: string; status: string; reason: string }> }>
    }
    expect(parsed.files[0]?.results.find((entry) => entry.id === 'run-as-user')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('is 1001 but the image runs as UID 1000')
    })
  })

  it('refuses an image whose USER is not in its passwd', async () => {
    const image = await fixtureImage([runnerBase], { User: 'ghost' })
    const result = await runnerkit(['check', deploymentFile, '--image', image])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /cannot resolve its USER 'ghost': user 'ghost' is not in \/etc\/passwd; give --image-uid\n$/
    )
  })
})
