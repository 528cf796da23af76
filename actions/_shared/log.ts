import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'

/**
 * Prints text that may hold values we do not control (repository descriptions, tag names,
 * file contents). The runner reads any stdout line starting with `::` as a workflow command,
 * so the text is printed between `::stop-commands::` markers with a token nobody can guess.
 */
export function logUntrusted(text: string): void {
  const token = `runnerkit-${randomUUID()}`
  core.info(`::stop-commands::${token}`)
  core.info(text)
  core.info(`::${token}::`)
}

/** A titled, collapsed group of untrusted text. */
export function logGroup(title: string, text: string): void {
  core.startGroup(title)
  logUntrusted(text)
  core.endGroup()
}
