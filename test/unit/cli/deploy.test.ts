import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deployCommand } from '../../../src/cli/deploy.js'
import { runCli } from '../../../src/cli/main.js'
import { fixtureImage, runnerBase } from '../../helpers/image-fixture.js'
import { scratchDir } from '../../helpers/scratch.js'

const digest = `sha256:${'c'.repeat(64)}`
const deployment = readFileSync('deployments/runner-debian.values.yaml', 'utf8')

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
      'deployments/runner-debian.values.yaml',
      '--image',
      `ghcr.io/runnerkit/runner@${digest}`
    ])
    expect(result).toEqual({
      code: 0,
      stdout: deployment.replace(`sha256:${'0'.repeat(64)}`, digest),
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
        `ghcr.io/runnerkit/runner@${digest}`,
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
    expect(written).toContain(`image: ghcr.io/runnerkit/runner@${digest}`)
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
      [
        'render',
        '--values',
        'deployments/runner-debian.values.yaml',
        '--image',
        'ghcr.io/runnerkit/runner:1.0'
      ],
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
  it('passes the repository deployment file for UID 1001 and a 4 CPU / 16Gi node', async () => {
    const result = await runnerkit([
      'check',
      'deployments/runner-debian.values.yaml',
      '--image-uid',
      '1001',
      '--node-cpu',
      '4',
      '--node-memory',
      '16Gi'
    ])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^deployments\/runner-debian\.values\.yaml\n/)
    expect(result.stdout).toContain('8 passed, 0 warnings, 0 failed')
  })

  it('exits 1 and reports each file in json when a check fails', async () => {
    const dir = scratchDir('deploy-check')
    writeFileSync(join(dir, 'latest.yaml'), deployment.replace(/@sha256:0+/, ':latest'))
    const result = await runnerkit(
      [
        'check',
        'latest.yaml',
        join(process.cwd(), 'deployments/runner-debian.values.yaml'),
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
    expect(failures).toEqual([
      expect.stringMatching(/^latest\.yaml:44: .*image '.*:latest' uses the mutable tag :latest$/),
      expect.stringMatching(/^latest\.yaml:\d+: .*limits\.cpu 2 is above the node's 1$/),
      expect.stringMatching(
        /runner-debian\.values\.yaml:\d+: .*limits\.cpu 2 is above the node's 1$/
      )
    ])
  })

  it('reads the UID from the image with --image', async () => {
    const image = await fixtureImage([runnerBase], { User: 'runner' })
    const mismatch = await runnerkit([
      'check',
      'deployments/runner-debian.values.yaml',
      '--image',
      image,
      '--format',
      'json'
    ])
    expect(mismatch.stderr).toBe('')
    expect(mismatch.code).toBe(1)
    const parsed = JSON.parse(mismatch.stdout) as {
      imageUid: number
      files: Array<{ results: Array<{ id: string; status: string; reason: string }> }>
    }
    expect(parsed.imageUid).toBe(1000)
    expect(parsed.files[0]?.results.find((entry) => entry.id === 'run-as-user')).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('is 1001 but the image runs as UID 1000')
    })

    const dir = scratchDir('deploy-uid')
    writeFileSync(
      join(dir, 'v.yaml'),
      deployment.replace(/runAs(User|Group): 1001/g, 'runAs$1: 1000')
    )
    const match = await runnerkit(['check', 'v.yaml', '--image', image], dir)
    expect(match.code).toBe(0)
  })

  it('refuses an image whose USER is not in its passwd', async () => {
    const image = await fixtureImage([runnerBase], { User: 'ghost' })
    const result = await runnerkit([
      'check',
      'deployments/runner-debian.values.yaml',
      '--image',
      image
    ])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /cannot resolve its USER 'ghost': user 'ghost' is not in \/etc\/passwd; give --image-uid\n$/
    )
  })
})
