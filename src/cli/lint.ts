import { mkdirSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, resolve } from 'node:path'
import { UserError } from '../errors.js'
import {
  commaList,
  parseLabelSpec,
  parseThreshold,
  type PartialConfig
} from '../lint/config/index.js'
import { parseFormat } from '../lint/formats/index.js'
import { runLint } from '../lint/run.js'
import { parseCommandArgs } from './args.js'
import type { Command } from './command.js'

const usage = `Usage: runnerkit lint [options] PATH…|-

Lint Dockerfiles with hadolint's rules, in this process: no Docker, no hadolint binary.
PATH is a Dockerfile, a folder (searched for Dockerfile, *.Dockerfile, Dockerfile.* and
Containerfile) or a glob such as 'images/**/Dockerfile'; '-' reads standard input.
Takes hadolint's own flags, so 'hadolint X' can become 'npx runnerkit lint X'.

Options:
  -c, --config FILE              .hadolint.yaml to use (default: hadolint's lookup)
  -f, --format FORMAT            tty (default), json, sarif, checkstyle, gnu, codeclimate,
                                 gitlab_codeclimate, codacy, sonarqube; repeatable
  -o, --output FILE              write the report here instead of standard output;
                                 repeatable, paired in order with --format
  -t, --failure-threshold LEVEL  error, warning, info (default), style, ignore or none
      --no-fail                  exit 0 whatever is found
      --no-color                 no colours in the tty format (also: NO_COLOR)
      --error CODE               report CODE as an error (repeatable; also --warning,
                                 --info, --style)
      --ignore CODE              drop CODE (repeatable)
      --trusted-registry REG     allow FROM images from REG only (DL3026; repeatable)
      --require-label NAME:TYPE  require a label (DL3049…; TYPE text, url, semver, hash,
                                 rfc3339, spdx or email; repeatable)
      --strict-labels            report labels outside the required ones (DL3050)
      --disable-ignore-pragma    ignore '# hadolint ignore=…' comments
      --shellcheck MODE          auto (PATH, cache, or a verified download), off, or the
                                 path of a shellcheck binary (default auto)
  -r, --recursive                a plain name is searched for in every folder
  -V, --verbose                  say which config file and ShellCheck are used

Environment: hadolint's HADOLINT_* variables, merged as hadolint merges them.
`

export const lintCommand: Command = {
  name: 'lint',
  summary: 'lint Dockerfiles with hadolint rules and ShellCheck, without Docker',
  usage,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('lint', args, {
      config: { type: 'string', short: 'c' },
      format: { type: 'string', short: 'f', multiple: true },
      output: { type: 'string', short: 'o', multiple: true },
      'failure-threshold': { type: 'string', short: 't' },
      'no-fail': { type: 'boolean' },
      'no-color': { type: 'boolean' },
      error: { type: 'string', multiple: true },
      warning: { type: 'string', multiple: true },
      info: { type: 'string', multiple: true },
      style: { type: 'string', multiple: true },
      ignore: { type: 'string', multiple: true },
      'trusted-registry': { type: 'string', multiple: true },
      'require-label': { type: 'string', multiple: true },
      'strict-labels': { type: 'boolean' },
      'disable-ignore-pragma': { type: 'boolean' },
      shellcheck: { type: 'string' },
      recursive: { type: 'boolean', short: 'r' },
      verbose: { type: 'boolean', short: 'V' }
    })
    if (positionals.length === 0) {
      throw new UserError("give a Dockerfile, a folder or a glob ('-' reads standard input)")
    }
    const codes = (list: string[] | undefined) => (list ?? []).flatMap(commaList)
    const options: PartialConfig = {
      ...(values.format
        ? { formats: values.format.map((format) => parseFormat(format, '--format')) }
        : {}),
      ...(values['failure-threshold'] !== undefined
        ? { failureThreshold: parseThreshold(values['failure-threshold'], '--failure-threshold') }
        : {}),
      ...(values['no-fail'] ? { noFail: true } : {}),
      ...(values['no-color'] ? { noColor: true } : {}),
      ...(values['strict-labels'] ? { strictLabels: true } : {}),
      ...(values['disable-ignore-pragma'] ? { disableIgnorePragma: true } : {}),
      ...(values.verbose ? { verbose: true } : {}),
      ignored: codes(values.ignore),
      trustedRegistries: codes(values['trusted-registry']),
      override: {
        error: codes(values.error),
        warning: codes(values.warning),
        info: codes(values.info),
        style: codes(values.style)
      },
      labelSchema: Object.fromEntries(
        (values['require-label'] ?? []).map((spec) => parseLabelSpec(spec, '--require-label'))
      )
    }
    const run = await runLint({
      inputs: positionals,
      cwd: context.cwd,
      env: context.env,
      home: context.env.HOME ?? homedir(),
      recursive: values.recursive ?? false,
      ...(values.config ? { configPath: values.config } : {}),
      options,
      shellcheck: values.shellcheck ?? 'auto',
      workspace: context.cwd,
      ...(context.readStdin ? { readStdin: context.readStdin } : {})
    })
    if (run.config.verbose) {
      context.stderr(`runnerkit lint: config ${run.configFile ?? '(none found)'}\n`)
      if (run.shellcheck.binary)
        context.stderr(
          `runnerkit lint: shellcheck ${run.shellcheck.binary} (${run.shellcheck.source})\n`
        )
    }
    for (const note of run.notes) context.stderr(`runnerkit lint: note: ${note}\n`)
    const outputs = values.output ?? []
    run.config.formats.forEach((format, index) => {
      const target = outputs[index]
      // Colour only on a terminal: a report piped to a file or a program stays plain text.
      const color =
        !run.config.noColor &&
        !context.env.NO_COLOR &&
        target === undefined &&
        context.stdoutIsTerminal !== false
      const report = run.report(format, color)
      if (target === undefined) context.stdout(report)
      else {
        const path = resolve(context.cwd, target)
        mkdirSync(dirname(path), { recursive: true })
        writeFileSync(path, report)
      }
    })
    return run.exitCode
  }
}
