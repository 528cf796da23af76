import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UserError } from '../errors.js'

type Options = NonNullable<ParseArgsConfig['options']>

/** node:util parseArgs with errors turned into one-line UserErrors that name the command. */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`${reason}; run 'runnerkit ${command} --help' for usage`)
  }
}
