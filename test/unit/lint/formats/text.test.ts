import { describe, expect, it } from '@jest/globals'
import { formatFindings } from '../../../../src/lint/formats/index.js'
import { error, info, options, parseError, special, style, warning } from './support.js'

describe('tty', () => {
  it('prints file:line code severity: message, a parse error as file:line:col message', () => {
    expect(formatFindings('tty', [warning, info, parseError], options)).toBe(
      'Dockerfile:1 DL3006 warning: Always tag the version of an image explicitly\n' +
        'Dockerfile:3 DL3008 info: Pin versions in apt get install\n' +
        "broken/Dockerfile:2:5 unexpected 'F' expecting '#', ADD, ARG\n"
    )
  })

  it('prints nothing for no findings', () => {
    expect(formatFindings('tty', [], options)).toBe('')
  })

  // prettier-ignore
  it.each([
    [error, 'images/base/Dockerfile:2 DL3002 \x1b[1m\x1b[91merror\x1b[0m: Last USER should not be root\n'],
    [warning, 'Dockerfile:1 DL3006 \x1b[1m\x1b[93mwarning\x1b[0m: Always tag the version of an image explicitly\n'],
    [info, 'Dockerfile:3 DL3008 \x1b[92minfo\x1b[0m: Pin versions in apt get install\n'],
    [style, 'images/base/Dockerfile:4 SC2086 \x1b[96mstyle\x1b[0m: Double quote to prevent globbing and word splitting.\n'],
    [parseError, "broken/Dockerfile:2:5 unexpected 'F' expecting '#', ADD, ARG\n"]
  ])('colours the severity of %j', (finding, line) => {
    expect(formatFindings('tty', [finding], { ...options, color: true })).toBe(line)
  })
})

describe('gnu', () => {
  it('prints hadolint:file:line: code severity: message', () => {
    expect(formatFindings('gnu', [warning, style, parseError], options)).toBe(
      'hadolint:Dockerfile:1: DL3006 warning: Always tag the version of an image explicitly\n' +
        'hadolint:images/base/Dockerfile:4: SC2086 style: Double quote to prevent globbing and word splitting.\n' +
        "hadolint:broken/Dockerfile:2:5: unexpected 'F' expecting '#', ADD, ARG\n"
    )
    expect(formatFindings('gnu', [], options)).toBe('')
  })
})

describe('json', () => {
  it('prints one array with hadolint keys in order', () => {
    expect(formatFindings('json', [warning, parseError], options)).toBe(
      '[{"code":"DL3006","column":1,"file":"Dockerfile","level":"warning","line":1,"message":"Always tag the version of an image explicitly"},' +
        '{"code":"DL1000","column":5,"file":"broken/Dockerfile","level":"error","line":2,"message":"unexpected \'F\'\\nexpecting \'#\', ADD, ARG"}]\n'
    )
    expect(formatFindings('json', [], options)).toBe('[]\n')
  })

  it('escapes JSON special characters and round-trips', () => {
    const text = formatFindings('json', [special], options)
    expect(text).toContain('"message":"Label \\"a<b>&c\\" isn\'t \\\\ allowed\\ttabbed — ü 😀"')
    expect(text).toContain('"file":"dir with space/Dockerfile\'s"')
    expect(JSON.parse(text)).toEqual([
      {
        code: 'DL3050',
        column: 1,
        file: special.file,
        level: 'info',
        line: 7,
        message: special.message
      }
    ])
  })
})

describe('codacy', () => {
  it('prints one object per line', () => {
    expect(formatFindings('codacy', [warning, special], options)).toBe(
      '{"filename":"Dockerfile","line":1,"message":"Always tag the version of an image explicitly","patternId":"DL3006"}\n' +
        `${JSON.stringify({ filename: special.file, line: 7, message: special.message, patternId: 'DL3050' })}\n`
    )
  })
})

describe('sonarqube', () => {
  it('prints external issues', () => {
    const report = JSON.parse(
      formatFindings('sonarqube', [error, warning, info, style, parseError], options)
    ) as {
      issues: Array<{ ruleId: string; severity: string; type: string; primaryLocation: unknown }>
    }
    expect(report.issues.map(({ ruleId, severity, type }) => [ruleId, severity, type])).toEqual([
      ['DL3002', 'CRITICAL', 'BUG'],
      ['DL3006', 'MAJOR', 'CODE_SMELL'],
      ['DL3008', 'MINOR', 'CODE_SMELL'],
      ['SC2086', 'INFO', 'CODE_SMELL'],
      ['DL1000', 'BLOCKER', 'BUG']
    ])
    expect(report.issues[0]).toEqual({
      engineId: 'Hadolint',
      ruleId: 'DL3002',
      severity: 'CRITICAL',
      type: 'BUG',
      primaryLocation: {
        message: 'Last USER should not be root',
        filePath: 'images/base/Dockerfile',
        textRange: { startLine: 2, endLine: 2, startColumn: 0, endColumn: 1 }
      }
    })
    expect(report.issues[4]?.primaryLocation).toMatchObject({
      textRange: { startLine: 2, endLine: 2, startColumn: 5, endColumn: 5 }
    })
    expect(formatFindings('sonarqube', [], options)).toBe('{"issues":[]}\n')
  })
})
