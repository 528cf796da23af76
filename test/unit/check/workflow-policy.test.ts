import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { policyFindings } from '../../../scripts/check/workflows.js'
import { scratchDir } from '../../helpers/scratch.js'

const sha = '11bd71901bbe5b1630ceea73d27597364c9af683'

function findings(file: string, uses: string): string[] {
  const root = scratchDir('policy')
  const text = [
    'name: demo',
    'on: push',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  demo:',
    '    runs-on: ubuntu-24.04',
    '    steps:',
    `      - uses: ${uses}`,
    ''
  ].join('\n')
  mkdirSync(dirname(join(root, file)), { recursive: true })
  writeFileSync(join(root, file), text)
  return policyFindings(root, file)
}

describe('policyFindings: action references', () => {
  // prettier-ignore
  it.each([
    // third-party: a full SHA with a version comment
    ['.github/workflows/ci.yml', `actions/checkout@${sha} # v4.2.2`, ''],
    ['.github/workflows/ci.yml', `actions/checkout@${sha}`, "needs a '# vX.Y.Z' comment"],
    ['.github/workflows/ci.yml', `actions/checkout@${sha} # pinned`, "needs a '# vX.Y.Z' comment"],
    ['.github/workflows/ci.yml', 'actions/checkout@v4', 'is not pinned to a full commit SHA'],
    ['.github/workflows/ci.yml', `actions/checkout@${sha.slice(0, 7)} # v4.2.2`, 'is not pinned'],
    ['workflows/starter.yml', 'actions/checkout@v4', 'is not pinned'],
    // runnerkit's own major tag: in the reusable workflows and in the starter workflows
    ['.github/workflows/runner-image.yml', 'runnerkit/runnerkit/actions/image-build@v1', ''],
    ['.github/workflows/runner-image.yml', 'runnerkit/runnerkit/actions/pipeline-summary@v12', ''],
    ['workflows/runner-images-pr.yml', 'runnerkit/runnerkit/.github/workflows/runner-image.yml@v1', ''],
    ['workflows/runner-images-pr.yml', 'runnerkit/runnerkit/actions/image-meta@v1', ''],
    // ...but only that repository, and only a major tag
    ['.github/workflows/ci.yml', 'runnerkit/runnerkit/actions/image-build@main', 'is not pinned'],
    ['.github/workflows/ci.yml', 'runnerkit/runnerkit/actions/image-build@v1.2.3', 'is not pinned'],
    ['.github/workflows/ci.yml', 'someone/runnerkit/actions/image-build@v1', 'is not pinned'],
    ['workflows/starter.yml', 'someone/runnerkit/actions/image-build@v1', 'is not pinned'],
    ['.github/workflows/ci.yml', 'runnerkit/runnerkit-fork/actions/x@v1', 'is not pinned'],
    // local actions and reusable workflows of the same repository and commit
    ['.github/workflows/ci.yml', './actions/image-meta', ''],
    ['.github/workflows/ci.yml', './.github/workflows/runner-image.yml', '']
  ])('%s: uses %s', (file, uses, problem) => {
    // Each finding names the file and the line of the uses:, then the problem.
    const found = findings(file, uses).map((finding) =>
      finding.startsWith(`${file}:9: `) && finding.includes(problem) ? problem : finding
    )
    expect(found).toEqual(problem === '' ? [] : [problem])
  })

  it('checks job-level uses: of reusable workflows too', () => {
    const root = scratchDir('policy')
    const file = '.github/workflows/release.yml'
    mkdirSync(join(root, '.github/workflows'), { recursive: true })
    writeFileSync(
      join(root, file),
      [
        'on: push',
        'permissions: {}',
        'jobs:',
        '  ours:',
        '    uses: runnerkit/runnerkit/.github/workflows/runner-image.yml@v1',
        '  theirs:',
        '    uses: someone/workflows/.github/workflows/build.yml@main',
        ''
      ].join('\n')
    )
    expect(policyFindings(root, file)).toEqual([
      `${file}:7: 'someone/workflows/.github/workflows/build.yml@main' is not pinned to a full commit SHA; use owner/repo@<sha> # vX.Y.Z`
    ])
  })

  it('requires a top-level permissions: block', () => {
    const root = scratchDir('policy')
    const file = '.github/workflows/loose.yml'
    mkdirSync(join(root, '.github/workflows'), { recursive: true })
    writeFileSync(
      join(root, file),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions:\n      contents: read\n    steps:\n      - run: "true"\n'
    )
    expect(policyFindings(root, file)).toEqual([
      `${file}:1:1: no top-level 'permissions:'; grant the least the workflow needs (e.g. contents: read)`
    ])
  })
})
