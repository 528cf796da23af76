import { describe, expect, it } from '@jest/globals'
import { reportFromContext } from '../../../src/pipeline/from-context.js'
import { pipelineFailed } from '../../../src/pipeline/report.js'
import {
  markdownSummary,
  mermaidFlowchart,
  shortDigest,
  textSummary
} from '../../../src/pipeline/summary.js'

const digest = `sha256:${'ab12'.repeat(16)}`

/** `${{ toJSON(steps) }}` of runner-image.yml's job after a clean run. */
const steps = {
  lint: {
    outcome: 'success',
    conclusion: 'success',
    outputs: {
      results: JSON.stringify([
        {
          code: 'DL3059',
          column: 1,
          file: 'images/a/Dockerfile',
          level: 'info',
          line: 4,
          message: 'm'
        },
        {
          code: 'DL3006',
          column: 1,
          file: 'images/b/Dockerfile',
          level: 'warning',
          line: 1,
          message: 'm'
        },
        {
          code: 'DL3059',
          column: 1,
          file: 'images/a/Dockerfile',
          level: 'info',
          line: 9,
          message: 'm'
        }
      ]),
      counts: '{"error":0,"warning":1,"info":2,"style":0,"total":3}'
    }
  },
  meta: { outcome: 'success', outputs: { version: '1.2.3' } },
  build: { outcome: 'success', outputs: { digest, imageid: 'sha256:ffff' } },
  check: {
    outcome: 'success',
    outputs: {
      json: JSON.stringify({
        target: 'image',
        subject: `oci:/tmp/oci:runner@${digest}`,
        results: [
          { id: 'identity', status: 'pass' },
          { id: 'sudo', status: 'pass' },
          { id: 'path', status: 'warn' }
        ]
      })
    }
  },
  push: {
    outcome: 'success',
    outputs: {
      digest,
      image: `ghcr.io/acme/runner@${digest}`,
      tags: 'ghcr.io/acme/runner:sha-0123abc\nghcr.io/acme/runner:main'
    }
  }
}

describe('reportFromContext', () => {
  it('maps step ids to stages, with results, digests and the three tables', () => {
    const report = reportFromContext({ results: JSON.stringify(steps), title: 'runner image' })
    expect(report.title).toBe('runner image')
    expect(report.lint).toEqual({ stage: 'lint', result: 'success', note: '3 finding(s)' })
    expect(report.images).toHaveLength(1)
    const [image] = report.images
    expect(image?.image).toBe('ghcr.io/acme/runner')
    expect(image?.stages.map((stage) => [stage.stage, stage.result, stage.digest])).toEqual([
      ['build', 'success', digest],
      ['check', 'success', digest],
      ['push', 'success', digest],
      ['promote', 'not-run', undefined],
      ['deploy', 'not-run', undefined]
    ])
    expect(report.findings).toEqual([
      { file: 'images/a/Dockerfile', error: 0, warning: 0, info: 2, style: 0 },
      { file: 'images/b/Dockerfile', error: 0, warning: 1, info: 0, style: 0 }
    ])
    expect(report.checks).toEqual([
      { image: 'ghcr.io/acme/runner', pass: 2, warn: 1, fail: 0, flagged: ['path'] }
    ])
    expect(report.tags).toEqual([
      { reference: 'ghcr.io/acme/runner:sha-0123abc', digest },
      { reference: 'ghcr.io/acme/runner:main', digest }
    ])
    expect(pipelineFailed(report)).toBe(false)
  })

  it('reads jobs from the needs context (result, not outcome)', () => {
    const report = reportFromContext({
      results: JSON.stringify({
        promote: {
          result: 'success',
          outputs: { digest, image: `r/x@${digest}`, tags: 'r/x:1.2.3' }
        },
        deploy: { result: 'failure', outputs: {} }
      }),
      image: 'runner'
    })
    expect(report.images[0]?.image).toBe('runner')
    expect(report.lint.result).toBe('not-run')
    expect(report.images[0]?.stages.find((stage) => stage.stage === 'deploy')?.result).toBe(
      'failure'
    )
    expect(pipelineFailed(report)).toBe(true)
  })

  it('takes the outcome of a step over its continue-on-error conclusion', () => {
    const report = reportFromContext({
      results: JSON.stringify({ build: { outcome: 'failure', conclusion: 'success', outputs: {} } })
    })
    expect(report.images[0]?.stages[0]).toEqual({ stage: 'build', result: 'failure' })
  })

  it('refuses text that is not the steps or needs context, naming the input', () => {
    expect(() => reportFromContext({ results: 'steps' })).toThrow(/^results: not JSON/)
    expect(() => reportFromContext({ results: '[1]' })).toThrow(/^results: expected an object/)
  })
})

describe('mermaidFlowchart', () => {
  it('draws lint into one lane per image, stages in order, classed by result', () => {
    const chart = mermaidFlowchart(reportFromContext({ results: JSON.stringify(steps) }))
    expect(chart.split('\n')[0]).toBe('flowchart LR')
    expect(chart).toContain('lint --> image0_build')
    expect(chart).toContain('image0_build --> image0_check')
    expect(chart).toContain('image0_promote --> image0_deploy')
    expect(chart).toContain(`build ✅<br/>success<br/>${shortDigest(digest)}`)
    expect(chart).toContain('class image0_promote not-run')
    expect(chart).toContain('class lint success')
  })

  it('keeps hostile names inside their label', () => {
    const chart = mermaidFlowchart(
      reportFromContext({
        results: JSON.stringify({ build: { outcome: 'success', outputs: {} } }),
        image: 'x"] --> evil["<script>'
      })
    )
    expect(chart).not.toContain('"]  --> evil')
    expect(chart).not.toContain('<script>')
    expect(chart).toContain('x#quot;] --#gt; evil[#quot;#lt;script#gt;')
  })
})

describe('markdownSummary and textSummary', () => {
  const report = reportFromContext({ results: JSON.stringify(steps), title: 'runner | image' })

  it('writes the heading, the mermaid block and the three tables', () => {
    const markdown = markdownSummary(report)
    expect(markdown).toMatch(/^## runner &#124; image\n/)
    expect(markdown).toContain('```mermaid\nflowchart LR\n')
    expect(markdown).toContain('| file | error | warning | info | style |')
    expect(markdown).toContain('| images/a/Dockerfile | 0 | 0 | 2 | 0 |')
    expect(markdown).toContain('| ghcr.io/acme/runner | 2 | 1 | 0 | path |')
    expect(markdown).toContain(`| ghcr.io/acme/runner:sha-0123abc | ${digest} |`)
  })

  it('says so when a table has nothing in it', () => {
    const empty = reportFromContext({ results: '{}' })
    const markdown = markdownSummary(empty)
    expect(markdown).toContain('_No Dockerfile was linted in this run._')
    expect(markdown).toContain('_No image was checked in this run._')
    expect(markdown).toContain('_No tag was written in this run._')
  })

  it('prints the same facts for a terminal', () => {
    const text = textSummary(report)
    expect(text).toContain(
      'ghcr.io/acme/runner: build ok → check ok → push ok → promote - → deploy -'
    )
    expect(text).toMatch(/build +success +sha256:ab12ab12ab12/)
    expect(text).toMatch(/images\/b\/Dockerfile +0 +1 +0 +0/)
    expect(text).toMatch(new RegExp(`ghcr.io/acme/runner:main +${digest}`))
  })
})
