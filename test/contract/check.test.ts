/**
 * `npm run check` must fail on what it exists to catch. Each case builds a small repository in
 * a temporary folder, shows the check passing on it, breaks one thing, and runs the real
 * `npm run check -- --only <step> --root <dir>` to see it fail naming the file at fault.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { bundleAll } from '../../scripts/bundle.js'
import { repositoryRoot } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'

function scratchRepository(files: Record<string, string>): string {
  const root = scratchDir('check')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function runCheck(step: string, root: string) {
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'check', '--', '--only', step, '--root', root],
    {
      cwd: repositoryRoot,
      encoding: 'utf8'
    }
  )
  return { status: result.status, output: `${result.stdout}${result.stderr}` }
}

const demoAction = {
  'actions/demo/action.yml': [
    'name: demo',
    'description: a demo action',
    'inputs:',
    '  who:',
    '    description: whom to greet',
    'outputs:',
    '  greeting:',
    '    description: the greeting',
    'runs:',
    '  using: node24',
    '  main: dist/index.js',
    ''
  ].join('\n'),
  'actions/demo/main.ts': [
    'declare function input(name: string): string',
    'declare function setOutput(name: string, value: string): void',
    "setOutput('greeting', `hello ${input('who')}`)",
    ''
  ].join('\n')
}

describe('npm run check', () => {
  it('fails on a stale dist and names the stale file', async () => {
    const root = scratchRepository(demoAction)
    await bundleAll(root)
    expect(runCheck('dist', root).status).toBe(0)

    writeFileSync(join(root, 'actions/demo/main.ts'), "console.log('changed without rebuilding')\n")
    const { status, output } = runCheck('dist', root)
    expect(status).toBe(1)
    expect(output).toContain('actions/demo/dist/index.js: stale')
  })

  it('fails on a missing dist', () => {
    const root = scratchRepository(demoAction)
    const { status, output } = runCheck('dist', root)
    expect(status).toBe(1)
    expect(output).toContain('actions/demo/dist/index.js: missing')
  })

  it('fails on an input the code reads but action.yml does not declare', async () => {
    const root = scratchRepository(demoAction)
    await bundleAll(root)
    expect(runCheck('actions', root).status).toBe(0)

    writeFileSync(
      join(root, 'actions/demo/main.ts'),
      `${demoAction['actions/demo/main.ts']}console.log(input('shout'))\n`
    )
    const { status, output } = runCheck('actions', root)
    expect(status).toBe(1)
    expect(output).toContain(
      "actions/demo/action.yml: the code reads input 'shout', which is not declared"
    )
  })

  it('fails on a declared input or output the code never uses, and on a non-node24 action', async () => {
    const root = scratchRepository({
      ...demoAction,
      'actions/demo/action.yml': demoAction['actions/demo/action.yml']
        .replace('outputs:', 'inputs-unused: x\noutputs:')
        .replace('  who:\n', '  who:\n    description: whom\n  unused:\n')
        .replace(
          '    description: the greeting\n',
          '    description: the greeting\n  never-set:\n    description: not set\n'
        )
        .replace('node24', 'node20')
    })
    await bundleAll(root)
    const { status, output } = runCheck('actions', root)
    expect(status).toBe(1)
    expect(output).toContain("input 'unused' is declared but never read")
    expect(output).toContain("output 'never-set' is declared but never set")
    expect(output).toContain("runs.using is 'node20'")
  })

  it('fails on a workflow with an actionlint error and accepts our own runner labels', () => {
    const good = [
      'name: ok',
      'on: push',
      'permissions:',
      '  contents: read',
      'jobs:',
      '  build:',
      '    runs-on: [self-hosted, runnerkit-rootless]',
      '    steps:',
      '      - run: echo hello',
      ''
    ].join('\n')
    const root = scratchRepository({
      '.github/actionlint.yaml': 'self-hosted-runner:\n  labels:\n    - runnerkit-*\n',
      '.github/workflows/ok.yml': good
    })
    expect(runCheck('workflows', root)).toMatchObject({ status: 0 })

    writeFileSync(
      join(root, '.github/workflows/bad.yml'),
      good
        .replace('on: push', 'on: pushh')
        .replace('echo hello', 'echo "${{ github.event.pull_request.title }}"')
    )
    const { status, output } = runCheck('workflows', root)
    expect(status).toBe(1)
    expect(output).toContain('.github/workflows/bad.yml:2:')
    expect(output).toMatch(/unknown Webhook event "pushh"/)
    expect(output).toMatch(/potentially untrusted/)
  })

  it('fails on an unpinned third-party action and on a workflow without permissions', () => {
    const root = scratchRepository({
      '.github/workflows/loose.yml': [
        'name: loose',
        'on: push',
        'jobs:',
        '  build:',
        '    runs-on: ubuntu-24.04',
        '    steps:',
        '      - uses: actions/checkout@v4',
        ''
      ].join('\n')
    })
    const { status, output } = runCheck('workflows', root)
    expect(status).toBe(1)
    expect(output).toContain("loose.yml:1:1: no top-level 'permissions:'")
    expect(output).toContain(
      "loose.yml:7: 'actions/checkout@v4' is not pinned to a full commit SHA"
    )
  })
})
