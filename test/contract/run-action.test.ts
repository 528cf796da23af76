/**
 * The harness itself: a plain JavaScript probe action (test/fixtures/actions/probe) reports
 * what it was given, so these tests show the harness gives an action what the runner gives it.
 */
import { describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { repositoryRoot, runAction } from '../helpers/run-action.js'

const probe = join(repositoryRoot, 'test/fixtures/actions/probe')

describe('runAction', () => {
  it('sets inputs the runner way, with action.yml defaults and the token filled in', async () => {
    process.env.RUNNERKIT_TEST_LEAK = 'from the test process'
    const run = await runAction(probe, {
      inputs: { who: 'octocat', 'with space': 'yes' },
      token: 'ghs_probeToken'
    })
    delete process.env.RUNNERKIT_TEST_LEAK
    expect(run.exitCode).toBe(0)
    expect(JSON.parse(run.outputs.seen ?? 'null')).toEqual({
      who: 'octocat',
      sepTags: ',',
      withSpace: 'yes',
      token: 'ghs_probeToken',
      event: 'push',
      ref: 'refs/heads/main',
      cwd: true,
      leaked: null
    })
  })

  it('parses every file command and workflow command', async () => {
    const run = await runAction(probe, { inputs: { who: 'octocat' }, token: 'ghs_probeToken' })
    expect(run.env).toEqual({ PROBE_MULTI: 'line 1\nline 2' })
    expect(run.path).toEqual(['/opt/probe/bin'])
    expect(run.state).toEqual({ pid: expect.stringMatching(/^\d+$/) })
    expect(run.summary).toBe('### probe\n')
    expect(run.masks).toEqual(['ghs_probeToken'])
    expect(run.warnings).toEqual([
      {
        command: 'warning',
        properties: { file: 'Dockerfile', line: '2', col: '5' },
        message: 'looks odd'
      }
    ])
    expect(run.commands.map((command) => command.command)).toEqual([
      'add-mask',
      'group',
      'warning',
      'endgroup'
    ])
  })

  it('hands the saved state to the post step as STATE_ variables', async () => {
    const main = await runAction(probe, { inputs: { who: 'octocat' } })
    const post = await runAction(probe, { step: 'post', state: main.state })
    expect(post.outputs.state).toBe(main.state.pid)
  })

  it('reports a failing step', async () => {
    const run = await runAction(probe, { inputs: { who: 'fail' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors.map((error) => error.message)).toEqual(['asked to fail'])
  })
})
