import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { EventFixture } from './github-context.js'
import { repositoryRoot } from './run-action.js'

/** An event payload from test/fixtures/events/, shaped as GitHub sends it. */
export function eventFixture(name: string, file: string): EventFixture {
  const payload = JSON.parse(
    readFileSync(join(repositoryRoot, 'test/fixtures/events', file), 'utf8')
  ) as Record<string, unknown>
  return { name, payload }
}
