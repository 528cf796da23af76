import { UserError } from '../errors.js'

/**
 * A boolean input as GitHub's runner documents them (the YAML 1.2 core schema spellings);
 * '' gives the fallback. `name` is the input or flag named in the error.
 */
export function parseBoolean(name: string, text: string | undefined, fallback = false): boolean {
  const value = (text ?? '').trim()
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new UserError(`input '${name}': expected true or false, got '${value}'`)
}
