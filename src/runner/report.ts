/** What both targets share after checking: the verdict under fail-on, and the table. */
import { UserError } from '../errors.js'
import type { CheckResult } from './checks/check.js'

export type FailOn = 'error' | 'warning'

export function parseFailOn(text: string): FailOn {
  const value = text.trim() === '' ? 'error' : text.trim()
  if (value === 'error' || value === 'warning') return value
  throw new UserError(`fail-on: expected error or warning, got '${value}'`)
}

export function failed(results: readonly CheckResult[], failOn: FailOn): boolean {
  return results.some(
    (result) => result.status === 'fail' || (failOn === 'warning' && result.status === 'warn')
  )
}

export function counts(results: readonly CheckResult[]): Record<'pass' | 'warn' | 'fail', number> {
  const tally = { pass: 0, warn: 0, fail: 0 }
  for (const result of results) tally[result.status]++
  return tally
}

const marks = { pass: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const

/** Plain text, one result a line (and its fix indented below), for terminals and logs. */
export function formatTable(results: readonly CheckResult[]): string {
  const width = Math.max(...results.map((result) => result.id.length), 2)
  const lines: string[] = []
  for (const result of results) {
    lines.push(`${marks[result.status]}  ${result.id.padEnd(width)}  ${result.reason}`)
    if (result.fix !== undefined && result.status !== 'pass') {
      lines.push(`${' '.repeat(6 + width)}  fix: ${result.fix}`)
    }
  }
  const tally = counts(results)
  lines.push(`${tally.pass} passed, ${tally.warn} warnings, ${tally.fail} failed`)
  return `${lines.join('\n')}\n`
}
