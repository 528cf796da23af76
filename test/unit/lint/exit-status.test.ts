import { describe, expect, it } from '@jest/globals'
import { exitStatus, type ExitPolicy } from '../../../src/lint/exit-status.js'
import type { Finding } from '../../../src/lint/finding.js'
import type { Format } from '../../../src/lint/formats/names.js'
import type { Severity } from '../../../src/lint/severity.js'

const finding = (severity: Severity, code = 'DL3008'): Finding => ({
  file: 'Dockerfile',
  line: 1,
  column: 1,
  code,
  severity,
  message: 'm'
})
const parseError = finding('error', 'DL1000')

const policy = (
  failureThreshold: Severity = 'info',
  formats: Format[] = ['tty'],
  noFail = false
): ExitPolicy => ({ failureThreshold, formats, noFail })

describe('exitStatus', () => {
  // prettier-ignore
  it.each<[string, Finding[], ExitPolicy, 0 | 1]>([
    ['no findings', [], policy(), 0],
    ['default threshold info: style passes', [finding('style')], policy(), 0],
    ['default threshold info: info fails', [finding('info')], policy(), 1],
    ['default threshold info: error fails', [finding('error')], policy(), 1],
    ['threshold error: warning passes', [finding('warning')], policy('error'), 0],
    ['threshold error: error fails', [finding('warning'), finding('error')], policy('error'), 1],
    ['threshold warning: info passes', [finding('info')], policy('warning'), 0],
    ['threshold warning: warning fails', [finding('warning')], policy('warning'), 1],
    ['threshold style: style fails', [finding('style')], policy('style'), 1],
    ['threshold ignore (none): style fails', [finding('style')], policy('ignore'), 1],
    ['threshold ignore (none): nothing passes', [], policy('ignore'), 0],
    ['a parse error fails whatever the threshold', [parseError], policy('error'), 1],
    ['no-fail', [finding('error'), parseError], policy('info', ['tty'], true), 0],
    ['codeclimate always passes', [finding('error'), parseError], policy('info', ['codeclimate']), 0],
    ['codacy always passes', [finding('error')], policy('style', ['json', 'codacy']), 0],
    ['gitlab_codeclimate does not', [finding('error')], policy('info', ['gitlab_codeclimate']), 1],
    ['sarif does not', [finding('warning')], policy('info', ['sarif', 'tty']), 1]
  ])('%s → %i', (_name, findings, exitPolicy, expected) => {
    expect(exitStatus(findings, exitPolicy)).toBe(expected)
  })
})
