import { UserError } from '../errors.js'
import type { CliContext } from './command.js'

/**
 * `--username USER --password-stdin`, as docker login takes them: the password never appears in
 * the process list or the shell history. Both or neither; undefined when neither is given.
 */
export async function readCredentialFlags(
  values: { username?: string; 'password-stdin'?: boolean },
  context: CliContext
): Promise<{ username: string; password: string } | undefined> {
  if (values['password-stdin'] !== true && values.username === undefined) return undefined
  if (values.username === undefined) throw new UserError('--password-stdin: give --username too')
  if (values['password-stdin'] !== true)
    throw new UserError('--username: give the password with --password-stdin')
  if (context.readStdin === undefined)
    throw new UserError('--password-stdin: standard input is not available')
  const password = (await context.readStdin()).replace(/\r?\n$/, '')
  return { username: values.username, password }
}
