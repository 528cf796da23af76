import { UserError } from '../../errors.js'

/**
 * hadolint's output format names. `junit` is not here: its report stamps the run's time, so it is
 * left out until someone needs it.
 */
export const formatNames = [
  'tty',
  'json',
  'checkstyle',
  'codeclimate',
  'gitlab_codeclimate',
  'gnu',
  'codacy',
  'sonarqube',
  'sarif'
] as const
export type Format = (typeof formatNames)[number]

export function isFormat(value: string): value is Format {
  return (formatNames as readonly string[]).includes(value)
}

/**
 * One format name, case-insensitive. `source` names where it came from (a flag, an environment
 * variable, a config file position) for the error.
 */
export function parseFormat(text: string, source: string): Format {
  const name = text.trim().toLowerCase()
  if (isFormat(name)) return name
  throw new UserError(
    `${source}: unknown output format '${text.trim()}'; use one of ${formatNames.join(', ')}`
  )
}

/** A comma-separated list of format names (HADOLINT_FORMAT); blank entries are skipped. */
export function parseFormatList(text: string, source: string): Format[] {
  return text
    .split(',')
    .filter((entry) => entry.trim() !== '')
    .map((entry) => parseFormat(entry, source))
}
