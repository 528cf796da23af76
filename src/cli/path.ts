import { statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { UserError } from '../errors.js'
import {
  computePath,
  joinPath,
  PathInputError,
  restoreRunnerEnvFile,
  writeRunnerEnvFile,
  type PathField
} from '../runner/path.js'
import { parseList } from '../util/list.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit path [options]

Prints the PATH this shell should have: the current PATH, then the directories it lacks from
the image's PATH, ~/.local/bin and ~/bin, and --extra, put in front (as GITHUB_PATH puts them).
Duplicates, empty and relative entries are dropped, and so are directories that do not exist.
A value holding a newline, carriage return or NUL is refused.

Options:
  --extra DIR              another directory (repeatable, or a comma list); absolute or ~/dir
  --image-path VALUE       the container image's configured PATH (PATH=… or just its value)
  --keep-missing           keep directories that do not exist
  --append                 put the added directories after the current ones instead
  --runner-env-file FILE   write PATH= into this runner .env (kept as FILE.runnerkit-backup
                           the first time); the runner reads it when its listener starts
  --restore                put FILE.runnerkit-backup back (needs --runner-env-file) and stop
  --format text|json       text: the PATH (default); json: {path, entries, added, dropped}

  export PATH="$(runnerkit path)"
`

const flags: Record<PathField, string> = {
  extra: '--extra',
  'image-path': '--image-path',
  'runner-env-file': '--runner-env-file',
  PATH: "environment variable 'PATH'",
  HOME: "environment variable 'HOME'"
}

function isDirectory(dir: string): boolean {
  try {
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

export const pathCommand: Command = {
  name: 'path',
  summary: 'compute the PATH steps lose on self-hosted runners, and keep it in the runner .env',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('path', args, {
      extra: { type: 'string', multiple: true },
      'image-path': { type: 'string' },
      'keep-missing': { type: 'boolean' },
      append: { type: 'boolean' },
      'runner-env-file': { type: 'string' },
      restore: { type: 'boolean' },
      format: { type: 'string' }
    })
    if (positionals.length > 0)
      throw new UserError(
        `unexpected argument '${positionals[0]}'; run 'runnerkit path --help' for usage`
      )
    const format = values.format ?? 'text'
    if (format !== 'text' && format !== 'json')
      throw new UserError(`--format: expected text or json, got '${format}'`)
    const envFileArg = values['runner-env-file']
    if (envFileArg === '') throw new UserError('--runner-env-file: give the path of the .env file')
    const envFile =
      envFileArg === undefined || isAbsolute(envFileArg)
        ? envFileArg
        : resolve(context.cwd, envFileArg)

    try {
      if (values.restore === true) {
        if (envFile === undefined) throw new UserError('--restore: give --runner-env-file too')
        const restored = await restoreRunnerEnvFile(envFile)
        if (format === 'json') context.stdout(`${JSON.stringify({ restored, file: envFile })}\n`)
        else
          context.stdout(
            restored ? `restored ${envFile}\n` : `${envFile}: no backup, nothing to restore\n`
          )
        return 0
      }

      const imagePath = values['image-path']
      const result = computePath({
        currentPath: context.env.PATH ?? '',
        ...(imagePath !== undefined && imagePath !== '' && { imagePath }),
        ...(context.env.HOME !== undefined && { home: context.env.HOME }),
        extra: (values.extra ?? []).flatMap((text) => parseList(text)),
        placement: values.append === true ? 'append' : 'prepend',
        ...(values['keep-missing'] !== true && { exists: isDirectory })
      })
      if (result.entries.length === 0)
        throw new UserError('no directory is left for PATH; give --image-path or --extra')
      const path = joinPath(result.entries)
      if (envFile !== undefined) {
        const write = await writeRunnerEnvFile(envFile, path)
        if (write.backedUp)
          context.stderr(`runnerkit path: kept the original ${envFile} as ${write.backup}\n`)
      }
      if (format === 'json') {
        const printed = {
          path,
          entries: result.entries,
          added: result.added,
          dropped: result.dropped
        }
        context.stdout(`${JSON.stringify(printed, null, 2)}\n`)
      } else {
        context.stdout(`${path}\n`)
      }
      return 0
    } catch (error) {
      if (error instanceof PathInputError)
        throw new UserError(`${flags[error.field]}: ${error.message}`)
      throw error
    }
  }
}
