import { describe, expect, it } from '@jest/globals'
import {
  parseShellCheckOutput,
  severityOf,
  shellCheckArguments,
  toFailures
} from '../../../../src/lint/shellcheck/run.js'
import type { ShellCheckScript } from '../../../../src/lint/shellcheck/scripts.js'

const script: ShellCheckScript = {
  text: '',
  headerLines: 9,
  dialect: 'sh',
  line: 4,
  column: 5,
  endLine: 6,
  instructionLine: 4
}

describe('running ShellCheck', () => {
  it('reads stdin as json1, ignores rc files, and excludes what hadolint excludes', () => {
    expect(shellCheckArguments({ dialect: 'bash' })).toEqual([
      '--format=json1',
      '--norc',
      '--exclude=SC2187,SC1090,SC1091',
      '--shell=bash',
      '-'
    ])
    expect(shellCheckArguments({ dialect: undefined })).not.toContainEqual(
      expect.stringMatching(/^--shell/)
    )
  })

  // prettier-ignore
  it.each([
    ['error', 'error'],
    ['warning', 'warning'],
    ['info', 'info'],
    ['style', 'style'],
    ['something new', 'error']
  ])('level %s → severity %s', (level, severity) => {
    expect(severityOf(level)).toBe(severity)
  })

  it('turns json1 comments into failures on the Dockerfile lines', () => {
    const output = JSON.stringify({
      comments: [
        {
          file: '-',
          line: 10,
          endLine: 10,
          column: 6,
          endColumn: 8,
          level: 'info',
          code: 2086,
          message: 'Double quote.',
          fix: null
        },
        {
          file: '-',
          line: 12,
          endLine: 12,
          column: 3,
          endColumn: 8,
          level: 'warning',
          code: 3010,
          message: 'In POSIX sh, [[ ]] is undefined.',
          fix: null
        }
      ]
    })
    expect(toFailures(script, parseShellCheckOutput(output))).toEqual([
      { code: 'SC2086', line: 4, column: 10, message: 'Double quote.', severity: 'info' },
      {
        code: 'SC3010',
        line: 6,
        column: 3,
        message: 'In POSIX sh, [[ ]] is undefined.',
        severity: 'warning'
      }
    ])
  })

  it('refuses output that is not json1', () => {
    expect(() => parseShellCheckOutput('[]')).toThrow('no "comments" array')
    expect(() => parseShellCheckOutput('')).toThrow()
  })
})
