import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../../../src/errors.js'
import {
  formatNames,
  isFormat,
  parseFormat,
  parseFormatList
} from '../../../../src/lint/formats/names.js'

describe('format names', () => {
  it('are hadolint’s, junit aside', () => {
    expect(formatNames).toEqual([
      'tty',
      'json',
      'checkstyle',
      'codeclimate',
      'gitlab_codeclimate',
      'gnu',
      'codacy',
      'sonarqube',
      'sarif'
    ])
    expect(isFormat('sarif')).toBe(true)
    expect(isFormat('SARIF')).toBe(false)
  })

  // prettier-ignore
  it.each([
    ['tty', 'tty'],
    [' SARIF ', 'sarif'],
    ['Gitlab_CodeClimate', 'gitlab_codeclimate']
  ])('parseFormat(%j) → %s', (text, format) => {
    expect(parseFormat(text, '--format')).toBe(format)
  })

  it('an unknown name is a UserError naming the source and the choices', () => {
    expect(() => parseFormat('junit', '--format')).toThrow(UserError)
    expect(() => parseFormat('junit', '--format')).toThrow(
      "--format: unknown output format 'junit'; use one of tty, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif"
    )
  })

  it('parseFormatList splits on commas and skips blanks', () => {
    expect(parseFormatList('json, sarif,,', 'HADOLINT_FORMAT')).toEqual(['json', 'sarif'])
    expect(parseFormatList('', 'HADOLINT_FORMAT')).toEqual([])
  })
})
