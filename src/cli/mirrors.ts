import { resolve } from 'node:path'
import { UserError } from '../errors.js'
import { mirrorReports, toolReports } from '../mirrors/doctor.js'
import {
  applyJobMode,
  defaultStateDir,
  loadConfig,
  renderImageMode,
  restoreJobMode
} from '../mirrors/run.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'
import { squidSubcommand } from './mirrors-squid.js'

const usage = `Usage: runnerkit mirrors apply --config FILE [--mode job] [--env-file FILE]
       runnerkit mirrors render --config FILE --out DIR [--family debian|rhel|alpine] [--base-root DIR]
       runnerkit mirrors restore
       runnerkit mirrors doctor [--config FILE]
       runnerkit mirrors squid --config FILE --out DIR [options]

Point every package manager at internal mirrors, a proxy and a company CA, from one config.

  apply    job mode: merge user-level files under HOME (originals kept for restore) and print
           the environment for later steps (KEY=VALUE lines; --env-file appends them, as
           GITHUB_ENV). No sudo, nothing outside HOME.
  render   image mode: system-level files under DIR/root and DIR/Dockerfile.snippet (COPY
           them in, update the trust store, ENV). --base-root merges into a base image's files.
  restore  put back every original apply changed, remove what it created (credentials too).
  doctor   each installed tool's effective setting, from the tool itself, and whether each
           configured mirror answers.
  squid    a squid.conf (squid-openssl) that caches package downloads: see --help there.

Options:
  --config FILE            the mirror config (YAML)
  --state-dir DIR          where apply keeps originals (default ~/.local/state/runnerkit/mirrors)
  --format FORMAT          text (default) or json
`

export const mirrorsCommand: Command = {
  name: 'mirrors',
  summary: 'point package managers at internal mirrors, a proxy and a CA (job or image mode)',
  usage,
  subcommandsWithHelp: ['squid'],
  async run(args, context: CliContext) {
    const [subcommand, ...rest] = args
    if (subcommand === 'squid') return squidSubcommand(rest, context)
    const { values, positionals } = parseCommandArgs('mirrors', rest, {
      config: { type: 'string' },
      mode: { type: 'string' },
      out: { type: 'string' },
      'base-root': { type: 'string' },
      family: { type: 'string' },
      'state-dir': { type: 'string' },
      'env-file': { type: 'string' },
      format: { type: 'string' }
    })
    if (positionals.length > 0)
      throw new UserError(`unexpected argument '${positionals[0]}'; run 'runnerkit mirrors --help'`)
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json')
      throw new UserError(`--format: expected text or json, got '${format}'`)
    const env = context.env
    const config = () =>
      loadConfig({ file: values.config === undefined ? '' : resolve(context.cwd, values.config) })
    const stateDir =
      values['state-dir'] !== undefined
        ? resolve(context.cwd, values['state-dir'])
        : defaultStateDir(env)
    switch (subcommand) {
      case 'apply': {
        if (values.mode !== undefined && values.mode !== 'job') {
          throw new UserError(
            `--mode: apply runs job mode; for image mode use 'runnerkit mirrors render'`
          )
        }
        const result = await applyJobMode(config(), env, stateDir)
        for (const note of result.notes) context.stderr(`runnerkit mirrors: note: ${note}\n`)
        for (const file of result.files)
          context.stderr(`runnerkit mirrors: ${file.action} ${file.path} (${file.description})\n`)
        const lines = result.env.map(([name, value]) => `${name}=${value}`)
        if (values['env-file'] !== undefined) {
          const { appendFile } = await import('node:fs/promises')
          if (lines.length > 0)
            await appendFile(resolve(context.cwd, values['env-file']), `${lines.join('\n')}\n`)
        }
        context.stdout(
          format === 'json'
            ? `${JSON.stringify({ files: result.files, env: Object.fromEntries(result.env), notes: result.notes }, null, 2)}\n`
            : lines.map((line) => `${line}\n`).join('')
        )
        return 0
      }
      case 'render': {
        if (values.out === undefined) throw new UserError('render: give --out DIR')
        const rendered = await renderImageMode(config(), env, resolve(context.cwd, values.out), {
          ...(values['base-root'] !== undefined && {
            baseRoot: resolve(context.cwd, values['base-root'])
          })
        })
        for (const note of rendered.notes) context.stderr(`runnerkit mirrors: note: ${note}\n`)
        context.stdout(
          format === 'json' ? `${JSON.stringify(rendered, null, 2)}\n` : rendered.snippet
        )
        return 0
      }
      case 'restore': {
        const restored = await restoreJobMode(env, stateDir)
        context.stdout(
          format === 'json'
            ? `${JSON.stringify(restored, null, 2)}\n`
            : restored.map((file) => `${file.action} ${file.path}\n`).join('') ||
                'nothing to restore\n'
        )
        return 0
      }
      case 'doctor': {
        const tools = await toolReports(env)
        const mirrors = values.config !== undefined ? await mirrorReports(config()) : []
        if (format === 'json') {
          context.stdout(`${JSON.stringify({ tools, mirrors }, null, 2)}\n`)
        } else {
          for (const tool of tools) {
            context.stdout(
              `${tool.tool}: ${tool.output === undefined ? 'not installed' : `$ ${tool.command}\n${(tool.output || '(nothing set)').replace(/^/gm, '  ')}`}\n`
            )
          }
          for (const mirror of mirrors)
            context.stdout(`mirror ${mirror.ecosystem}: ${mirror.url} → ${mirror.status}\n`)
        }
        const unreachable = mirrors.filter(
          (mirror) => typeof mirror.status !== 'number' || mirror.status >= 500
        )
        return unreachable.length > 0 ? 1 : 0
      }
      default:
        throw new UserError(
          `give a subcommand: apply, render, restore, doctor or squid; run 'runnerkit mirrors --help'`
        )
    }
  }
}
