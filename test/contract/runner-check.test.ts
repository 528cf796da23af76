/**
 * runner-check's committed bundle, run the way the runner runs it. target image reads
 * hand-made OCI layouts (exact owners and modes); target runner checks this very process, which
 * runs as root here, so the identity check must fail — and say so the way a user sees it.
 */
import { describe, expect, it } from '@jest/globals'
import { fixtureImage, runnerBase, runnerConfig } from '../helpers/image-fixture.js'
import { runAction } from '../helpers/run-action.js'

interface Outcome {
  target: string
  results: Array<{ id: string; status: string; reason: string; fix?: string }>
}

describe('runner-check, target image', () => {
  it('passes a good rootless image: outputs, summary, no annotations', async () => {
    const image = await fixtureImage([runnerBase], runnerConfig)
    const run = await runAction('runner-check', { inputs: { target: 'image', image } })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.failed).toBe('false')
    const outcome = JSON.parse(run.outputs.json ?? '{}') as Outcome
    expect(outcome.target).toBe('image')
    expect(outcome.results.filter((result) => result.status !== 'pass')).toEqual([])
    expect(run.summary).toContain('### runner-check: image')
    expect(run.summary).toMatch(/✅ \| identity \| USER 1000 → runner \(uid 1000\)/)
  })

  it('fails a NOPASSWD sudo grant and a setuid shell in a later layer, with one annotation each', async () => {
    const image = await fixtureImage(
      [
        runnerBase,
        [
          { path: 'usr/bin/sudo', body: 'fake sudo', mode: 0o4755 },
          { path: 'etc/sudoers.d/', type: 'directory' },
          { path: 'etc/sudoers.d/runner', body: 'runner ALL=(ALL) NOPASSWD:ALL\n', mode: 0o440 },
          { path: 'usr/local/bin/rootsh', body: '#!fake bash\n', mode: 0o4755 }
        ]
      ],
      runnerConfig
    )
    const run = await runAction('runner-check', { inputs: { target: 'image', image } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.failed).toBe('true')
    const titles = run.errors.map((error) => error.properties.title)
    expect(titles).toEqual(
      expect.arrayContaining(['runner-check: sudo', 'runner-check: setuid and setgid files'])
    )
    expect(
      run.errors.find((error) => error.properties.title === 'runner-check: sudo')?.message
    ).toMatch(
      /\/etc\/sudoers\.d\/runner:1 grants runner root without a password .* fix: remove sudo/
    )
    expect(run.errors.at(-1)?.message).toMatch(/^runner-check: 2 failed/)
  })

  it('a later layer that whites out sudo and the grant makes the image pass', async () => {
    const image = await fixtureImage(
      [
        [
          ...runnerBase,
          { path: 'usr/bin/sudo', body: 'fake sudo', mode: 0o4755 },
          { path: 'etc/sudoers', body: 'runner ALL=(ALL) NOPASSWD:ALL\n' }
        ],
        [
          { path: 'usr/bin/.wh.sudo', body: '' },
          { path: 'etc/.wh.sudoers', body: '' }
        ]
      ],
      runnerConfig
    )
    const run = await runAction('runner-check', { inputs: { target: 'image', image } })
    const outcome = JSON.parse(run.outputs.json ?? '{}') as Outcome
    expect(outcome.results.find((result) => result.id === 'sudo')?.reason).toBe(
      'no sudo binary and no grant'
    )
    expect(run.exitCode).toBe(0)
  })

  it('warns on a named USER and fails on it only with fail-on: warning', async () => {
    const image = await fixtureImage([runnerBase], { ...runnerConfig, User: 'runner' })
    const lenient = await runAction('runner-check', { inputs: { target: 'image', image } })
    expect(lenient.exitCode).toBe(0)
    expect(lenient.warnings.map((warning) => warning.message).join('\n')).toMatch(
      /non-numeric user/
    )
    const strict = await runAction('runner-check', {
      inputs: { target: 'image', image, 'fail-on': 'warning' }
    })
    expect(strict.exitCode).toBe(1)
    expect(strict.outputs.failed).toBe('true')
  })
})

describe('runner-check refuses bad inputs with one line naming the input', () => {
  it.each([
    [{ target: 'cluster' }, "input 'target': expected runner or image, got 'cluster'"],
    [{ target: 'image' }, "input 'image': give the image to check"],
    [{ target: 'image', image: 'oci:/nonexistent/layout' }, '/nonexistent/layout'],
    [{ 'expected-uid': 'root' }, "input 'expected-uid': expected a whole number, got 'root'"],
    [{ sudo: 'sometimes' }, "input 'sudo': expected absent, denied or any, got 'sometimes'"],
    [{ 'fail-on': 'never' }, "input 'fail-on': expected error or warning, got 'never'"]
  ])('%j', async (inputs, message) => {
    const run = await runAction('runner-check', { inputs })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(message)
    expect(run.outputs).toEqual({})
  })
})

describe('runner-check, target runner (this process)', () => {
  it('reports the live checks; running as root fails identity', async () => {
    const run = await runAction('runner-check', { inputs: { 'mtu-margin': '0' } })
    const outcome = JSON.parse(run.outputs.json ?? '{}') as Outcome
    expect(outcome.target).toBe('runner')
    expect(outcome.results.map((result) => result.id)).toEqual(
      expect.arrayContaining([
        'identity',
        'groups',
        'sudo',
        'home',
        'path',
        'container-engine',
        'mtu'
      ])
    )
    const identity = outcome.results.find((result) => result.id === 'identity')
    expect(identity?.reason).toMatch(new RegExp(`uid ${process.getuid?.()}`))
    // Only uid 1000 named runner passes; CI runs as root, which must fail the step.
    const expectedFailure = process.getuid?.() !== 1000
    expect(identity?.status).toBe(expectedFailure ? 'fail' : 'pass')
    expect(run.exitCode === 1).toBe(expectedFailure || run.outputs.failed === 'true')
  })
})
