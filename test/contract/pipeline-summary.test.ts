/**
 * pipeline-summary's committed bundle, run the way the runner runs it, fed the steps and needs
 * contexts a workflow would serialise with toJSON.
 */
import { describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/run-action.js'

const digest = `sha256:${'0f'.repeat(32)}`

describe('pipeline-summary', () => {
  it('writes the flowchart and tables into the job summary and outputs the verdict', async () => {
    const run = await runAction('pipeline-summary', {
      inputs: {
        results: JSON.stringify({
          lint: { outcome: 'success', outputs: { counts: '{"total":0}' } },
          build: { outcome: 'success', outputs: { digest } },
          push: {
            outcome: 'success',
            outputs: {
              digest,
              image: `ghcr.io/acme/runner@${digest}`,
              tags: 'ghcr.io/acme/runner:sha-1'
            }
          }
        }),
        title: 'runner image'
      }
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.failed).toBe('false')
    expect(run.summary).toContain('## runner image')
    expect(run.summary).toContain('```mermaid\nflowchart LR')
    expect(run.summary).toContain('lint --> image0_build')
    expect(run.summary).toContain(`| ghcr.io/acme/runner:sha-1 | ${digest} |`)
    expect(run.outputs.markdown).toBe(run.summary)
  })

  it('fails the step on a failed stage only when asked to', async () => {
    const results = JSON.stringify({ check: { result: 'failure', outputs: {} } })
    const quiet = await runAction('pipeline-summary', { inputs: { results } })
    expect(quiet.exitCode).toBe(0)
    expect(quiet.outputs.failed).toBe('true')
    expect(quiet.summary).toContain('check ❌')

    const strict = await runAction('pipeline-summary', {
      inputs: { results, 'fail-on-failure': 'true' }
    })
    expect(strict.exitCode).toBe(1)
    expect(strict.errors.map((error) => error.message)).toEqual([
      'the pipeline did not pass: check was not successful'
    ])
  })

  it('names the input when the results are not a context', async () => {
    const run = await runAction('pipeline-summary', { inputs: { results: '${{ steps }}' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toMatch(/^results: not JSON; pass \$\{\{ toJSON\(steps\) \}\}/)
    expect(run.summary).toBe('')
  })
})
