/**
 * An error caused by what the user gave us: a bad input, a missing file, a value that does
 * not parse. Front ends print its message as one line (no stack trace) and exit 1.
 * The message names the input, file or line at fault and says what to do.
 */
export class UserError extends Error {
  override readonly name = 'UserError'
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
