/**
 * Reading action inputs. Every input an action reads goes through one of these functions with
 * a literal name: `npm run check` scans for them to prove that action.yml declares exactly the
 * inputs the code reads.
 */
import * as core from '@actions/core'
import { parseBoolean } from '../../src/util/boolean.js'
import { parseList, type ListOptions } from '../../src/util/list.js'

/** The input's text, trimmed; '' when not given. */
export function input(name: string): string {
  return core.getInput(name)
}

/** The input's text exactly as given (separators may be whitespace, e.g. sep-tags). */
export function rawInput(name: string): string {
  return core.getInput(name, { trimWhitespace: false })
}

/** A list input: newline-separated, or comma-separated unless `ignoreComma`. */
export function listInput(name: string, options: ListOptions = {}): string[] {
  return parseList(core.getInput(name), options)
}

/** true/false (YAML 1.2 core schema spellings); '' gives the fallback. */
export function booleanInput(name: string, fallback = false): boolean {
  return parseBoolean(name, core.getInput(name), fallback)
}
