import { describe, expect, it } from '@jest/globals'
import { escapeXmlAttribute } from '../../../../src/lint/formats/checkstyle.js'
import { formatFindings } from '../../../../src/lint/formats/index.js'
import { error, info, options, parseError, special, warning } from './support.js'

const header = "<?xml version='1.0' encoding='UTF-8'?><checkstyle version='4.3'>"

describe('checkstyle', () => {
  it('groups findings per file, in the order of the linted files, clean files empty', () => {
    const xml = formatFindings('checkstyle', [warning, info], {
      ...options,
      files: ['Dockerfile', 'images/base/Dockerfile']
    })
    expect(xml).toBe(
      header +
        "<file name='Dockerfile' >" +
        "<error line='1' column='1' severity='warning' message='Always tag the version of an image explicitly' source='DL3006' />" +
        "<error line='3' column='1' severity='info' message='Pin versions in apt get install' source='DL3008' />" +
        '</file>' +
        "<file name='images/base/Dockerfile' ></file>" +
        '</checkstyle>\n'
    )
  })

  it('lists a file with findings that was not among the linted files', () => {
    const xml = formatFindings('checkstyle', [error, parseError], { ...options, files: [] })
    expect(xml).toBe(
      header +
        "<file name='images/base/Dockerfile' >" +
        "<error line='2' column='1' severity='error' message='Last USER should not be root' source='DL3002' />" +
        '</file>' +
        "<file name='broken/Dockerfile' >" +
        "<error line='2' column='5' severity='error' message='unexpected &#39;F&#39;&#10;expecting &#39;&#35;&#39;&#44; ADD&#44; ARG' source='DL1000' />" +
        '</file></checkstyle>\n'
    )
  })

  it('is an empty document with nothing linted', () => {
    expect(formatFindings('checkstyle', [], { ...options, files: [] })).toBe(
      `${header}</checkstyle>\n`
    )
  })

  // prettier-ignore
  it.each([
    ['plain text. a/b', 'plain text. a/b'],
    ["'", '&#39;'],
    ['"', '&#34;'],
    ['<>&', '&#60;&#62;&#38;'],
    ['a\tb\nc', 'a&#9;b&#10;c'],
    ['-_:', '&#45;&#95;&#58;'],
    ['ü—😀', '&#252;&#8212;&#128512;'],
    ['\u0001\u001b', '&#65533;&#65533;'], // not allowed in XML 1.0, even as references
    ['\ud800', '&#65533;'] // a lone surrogate
  ])('escapes %j as %j', (text, escaped) => {
    expect(escapeXmlAttribute(text)).toBe(escaped)
  })

  it('keeps special characters out of the markup', () => {
    const xml = formatFindings('checkstyle', [special], { ...options, files: [] })
    expect(xml).toContain(
      "<file name='dir with space/Dockerfile&#39;s' ><error line='7' column='1' severity='info' message='Label &#34;a&#60;b&#62;&#38;c&#34; isn&#39;t &#92; allowed&#9;tabbed &#8212; &#252; &#128512;' source='DL3050' />"
    )
    // Nothing but markup and references: no raw quote, angle bracket or ampersand in values.
    const values = [...xml.matchAll(/='([^']*)'/g)].map((match) => match[1])
    for (const value of values) expect(value).not.toMatch(/[<>"]|&(?!#\d+;)/)
  })
})
