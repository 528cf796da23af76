// pipeline-summary front end: the steps' or jobs' record → src/pipeline → the job summary.
import * as core from '@actions/core'
import { reportFromContext } from '../../src/pipeline/from-context.js'
import { pipelineFailed } from '../../src/pipeline/report.js'
import { markdownSummary } from '../../src/pipeline/summary.js'
import { booleanInput, input } from '../_shared/inputs.js'
import { runAction } from '../_shared/run.js'

async function main() {
  const report = reportFromContext({
    results: input('results'),
    title: input('title'),
    image: input('image')
  })
  const markdown = markdownSummary(report)
  await core.summary.addRaw(markdown).write()
  const failed = pipelineFailed(report)
  core.setOutput('failed', String(failed))
  core.setOutput('markdown', markdown)
  if (failed && booleanInput('fail-on-failure', false)) {
    const stages = [report.lint, ...report.images.flatMap((image) => image.stages)]
      .filter((record) => record.result === 'failure' || record.result === 'cancelled')
      .map((record) => record.stage)
    core.setFailed(
      `the pipeline did not pass: ${stages.join(', ')} ${stages.length === 1 ? 'was' : 'were'} not successful`
    )
  }
}

void runAction(main)
