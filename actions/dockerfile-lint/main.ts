// dockerfile-lint front end: inputs → src/lint/run → report, annotations, outputs, summary.
import * as core from '@actions/core'
import { mkdirSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, resolve } from 'node:path'
import {
  commaList,
  parseLabelSpec,
  parseThreshold,
  type PartialConfig
} from '../../src/lint/config/index.js'
import { exitStatus } from '../../src/lint/exit-status.js'
import type { Finding } from '../../src/lint/finding.js'
import { parseFormat } from '../../src/lint/formats/index.js'
import { documentationUrl } from '../../src/lint/rule.js'
import { runLint, type LintRun } from '../../src/lint/run.js'
import { booleanInput, input, listInput } from '../_shared/inputs.js'
import { logUntrusted } from '../_shared/log.js'
import { runAction } from '../_shared/run.js'
import { escapeMarkdown, markdownTable } from '../_shared/summary.js'

// List inputs take `#` comment lines, as every runnerkit (and metadata-action) list input.
const comment = { comment: '#' }

/** The action's inputs as the command-line layer of hadolint's configuration. */
function optionsFromInputs(): PartialConfig {
  // A code list may carry a trailing `# reason`, as YAML users write them.
  const codes = (entries: string[]) =>
    entries.flatMap((entry) => commaList(entry.replace(/\s+#.*$/, '')))
  const format = input('format')
  const threshold = input('failure-threshold')
  const options: PartialConfig = {
    ignored: codes(listInput('ignore', comment)),
    trustedRegistries: codes(listInput('trusted-registries', comment)),
    override: {
      error: codes(listInput('override-error', comment)),
      warning: codes(listInput('override-warning', comment)),
      info: codes(listInput('override-info', comment)),
      style: codes(listInput('override-style', comment))
    },
    labelSchema: Object.fromEntries(
      listInput('require-labels', comment).map((spec) =>
        parseLabelSpec(spec, "input 'require-labels'")
      )
    )
  }
  if (format) options.formats = [parseFormat(format, "input 'format'")]
  if (threshold) options.failureThreshold = parseThreshold(threshold, "input 'failure-threshold'")
  // Only a `true` overrides: an unset input must leave the config file's value in force.
  if (booleanInput('no-fail')) options.noFail = true
  if (booleanInput('no-color')) options.noColor = true
  if (booleanInput('verbose')) options.verbose = true
  if (booleanInput('strict-labels')) options.strictLabels = true
  if (booleanInput('disable-ignore-pragma')) options.disableIgnorePragma = true
  return options
}

/** A report file; its folder is created, as `sarif-file: results/lint.sarif` expects. */
function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

function annotate(finding: Finding): void {
  const properties = {
    title: finding.code,
    file: finding.file,
    startLine: finding.line,
    startColumn: finding.column
  }
  const text = `${finding.code}: ${finding.message}`
  if (finding.severity === 'error') core.error(text, properties)
  else if (finding.severity === 'warning') core.warning(text, properties)
  else core.notice(text, properties)
}

function summaryOf(run: LintRun): string {
  const lines = ['### dockerfile-lint', '']
  const { error, warning, info, style } = run.counts
  lines.push(
    `${run.results.length} file(s): ${error} error, ${warning} warning, ${info} info, ${style} style`,
    ''
  )
  for (const result of run.results) {
    lines.push(`#### ${escapeMarkdown(result.file)}`, '')
    if (result.findings.length === 0) {
      lines.push('No findings.', '')
      continue
    }
    const rows = result.findings.map((finding) => [
      String(finding.line),
      `[${finding.code}](${documentationUrl(finding.code)})`,
      finding.severity,
      escapeMarkdown(finding.message)
    ])
    lines.push(markdownTable(['line', 'rule', 'severity', 'message'], rows), '')
  }
  return lines.join('\n')
}

async function main() {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd()
  const run = await runLint({
    inputs: listInput('dockerfile', comment),
    cwd: process.cwd(),
    env: process.env,
    home: process.env.HOME ?? homedir(),
    recursive: booleanInput('recursive'),
    ...(input('config') ? { configPath: input('config') } : {}),
    options: optionsFromInputs(),
    shellcheck: input('shellcheck') || 'auto',
    workspace
  })
  if (run.config.verbose) {
    core.info(`config: ${run.configFile ?? '(none found)'}`)
    if (run.shellcheck.binary)
      core.info(`shellcheck: ${run.shellcheck.binary} (${run.shellcheck.source})`)
  }
  for (const note of run.notes) core.notice(note)

  // The format input names what this step prints; other formats from the config file or
  // HADOLINT_FORMAT only apply when the input is not given.
  const format = input('format')
    ? parseFormat(input('format'), "input 'format'")
    : (run.config.formats[0] ?? 'tty')
  const color = !run.config.noColor && !process.env.NO_COLOR
  const results = run.report(format, false)
  logUntrusted(format === 'tty' ? run.report(format, color).trimEnd() : results.trimEnd())
  for (const finding of run.findings) annotate(finding)

  const outputFile = input('output-file')
  if (outputFile) writeReport(resolve(workspace, outputFile), results)
  const sarifFile = input('sarif-file')
  if (sarifFile) {
    writeReport(resolve(workspace, sarifFile), run.report('sarif', false))
    core.setOutput('sarif-file', sarifFile)
  }
  // Whether the findings cross the threshold, whatever no-fail or a report-only format says.
  const failed = exitStatus(run.findings, { ...run.config, noFail: false, formats: [] }) === 1
  core.setOutput('results', results)
  core.setOutput('counts', JSON.stringify(run.counts))
  core.setOutput('failed', String(failed))
  // hadolint-action exports the report for later steps too.
  core.exportVariable('HADOLINT_RESULTS', results)
  await core.summary.addRaw(summaryOf(run)).write()

  if (run.exitCode !== 0) {
    core.setFailed(
      `${run.counts.total} finding(s); failing at failure-threshold ${run.config.failureThreshold} (set no-fail: true or raise the threshold to pass)`
    )
  }
}

await runAction(main)
