/**
 * One lint run, shared by `runnerkit lint` and the dockerfile-lint action: configuration from
 * the environment, the config file and the front end's own flags or inputs (merged as hadolint
 * merges them), file discovery, ShellCheck, the rules, the reports and the exit status.
 */
import {
  configFromEnv,
  findConfigFile,
  mergeConfigs,
  readConfigFile,
  resolveConfig,
  type Environment,
  type PartialConfig,
  type ResolvedConfig
} from './config/index.js'
import { preferQuickStart } from '../dockerfile/shell.js'
import { exitStatus } from './exit-status.js'
import { findDockerfiles } from './files.js'
import type { Finding } from './finding.js'
import { formatFindings, type Format } from './formats/index.js'
import { lintFiles, type FileResult } from './lint.js'
import { documentationUrl } from './rule.js'
import { allRules, ruleByCode } from './rules/index.js'
import type { Severity } from './severity.js'
import { findShellCheck, shellcheckFailures, type ShellCheckLookup } from './shellcheck/index.js'

/** Below this many files, starting fast beats parsing fast (see preferQuickStart). */
const quickStartLimit = 500

export interface LintRunOptions {
  /** Files, folders or globs; `-` is standard input. */
  inputs: readonly string[]
  cwd: string
  env: Environment
  home: string
  /** A plain name that is not a path is searched for in every folder. */
  recursive: boolean
  /** `-c/--config` or the `config` input. */
  configPath?: string
  /** The front end's own layer: flags or action inputs (wins over file and environment). */
  options: PartialConfig
  /** `auto`, `off` or the path of a shellcheck binary. */
  shellcheck: string
  /** SARIF paths are relative to it (the repository root). */
  workspace: string
  readStdin?: () => Promise<string>
}

export type SeverityCounts = Record<Exclude<Severity, 'ignore'>, number> & { total: number }

export interface LintRun {
  results: FileResult[]
  findings: Finding[]
  config: ResolvedConfig
  configFile?: string
  /** Things to tell the user once: ignored config keys, ShellCheck being unavailable. */
  notes: string[]
  shellcheck: ShellCheckLookup
  counts: SeverityCounts
  exitCode: 0 | 1
  /** The findings in one format. */
  report(format: Format, color?: boolean): string
}

export function describeRule(code: string) {
  const rule = ruleByCode(code)
  if (rule)
    return { message: rule.meta.message, url: documentationUrl(code), severity: rule.meta.severity }
  if (code.startsWith('SC')) return { message: `ShellCheck ${code}`, url: documentationUrl(code) }
  return undefined
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, style: 0, total: 0 }
  for (const finding of findings) {
    if (finding.severity !== 'ignore') counts[finding.severity]++
    counts.total++
  }
  return counts
}

export async function runLint(options: LintRunOptions): Promise<LintRun> {
  const notes: string[] = []
  const configFile = findConfigFile({
    ...(options.configPath ? { explicit: options.configPath } : {}),
    cwd: options.cwd,
    env: options.env,
    home: options.home
  })
  const file = configFile ? readConfigFile(configFile) : undefined
  if (file) notes.push(...file.warnings)
  const config = resolveConfig(
    mergeConfigs(configFromEnv(options.env), file?.config ?? {}, options.options)
  )

  const files = findDockerfiles(options.inputs, { cwd: options.cwd, recursive: options.recursive })
  if (files.length < quickStartLimit) preferQuickStart()
  const shellcheck = await findShellCheck(options.shellcheck)
  if (shellcheck.reason) notes.push(shellcheck.reason)
  const binary = shellcheck.binary

  const results = await lintFiles({
    files,
    cwd: options.cwd,
    rules: allRules,
    settings: config.settings,
    ...(binary ? { external: (dockerfile) => shellcheckFailures(dockerfile, binary) } : {}),
    ...(options.readStdin ? { readStdin: options.readStdin } : {})
  })
  const findings = results.flatMap((result) => result.findings)
  return {
    results,
    findings,
    config,
    ...(configFile ? { configFile } : {}),
    notes,
    shellcheck,
    counts: countSeverities(findings),
    exitCode: exitStatus(findings, config),
    report: (format, color = !config.noColor) =>
      formatFindings(format, findings, {
        color,
        workspace: options.workspace,
        cwd: options.cwd,
        describe: describeRule,
        files
      })
  }
}
