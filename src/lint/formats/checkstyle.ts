import type { Finding } from '../finding.js'

function isXmlChar(point: number): boolean {
  return (
    point === 0x9 ||
    point === 0xa ||
    point === 0xd ||
    (point >= 0x20 && point <= 0xd7ff) ||
    (point >= 0xe000 && point <= 0xfffd) ||
    point >= 0x10000
  )
}

/**
 * hadolint's attribute escaping: letters, digits, space, '.' and '/' stay, everything else
 * becomes a character reference. Characters XML 1.0 cannot carry at all (control characters,
 * lone surrogates) become U+FFFD, so the report always parses.
 */
export function escapeXmlAttribute(text: string): string {
  let escaped = ''
  for (const char of text) {
    if (/^[A-Za-z0-9 ./]$/.test(char)) escaped += char
    else {
      const point = char.codePointAt(0) ?? 0xfffd
      escaped += `&#${isXmlChar(point) ? point : 0xfffd};`
    }
  }
  return escaped
}

const attribute = (name: string, value: string | number) =>
  `${name}='${escapeXmlAttribute(String(value))}' `

/**
 * Checkstyle 4.3 XML: one <file> per linted file, in the order given (clean files get an empty
 * element), then any file that has findings but was not listed.
 */
export function formatCheckstyle(findings: readonly Finding[], files: readonly string[]): string {
  const byFile = new Map<string, Finding[]>()
  for (const file of files) byFile.set(file, [])
  for (const finding of findings) {
    const list = byFile.get(finding.file) ?? []
    list.push(finding)
    byFile.set(finding.file, list)
  }
  let xml = "<?xml version='1.0' encoding='UTF-8'?><checkstyle version='4.3'>"
  for (const [file, list] of byFile) {
    xml += `<file ${attribute('name', file)}>`
    for (const { line, column, severity, message, code } of list) {
      xml +=
        '<error ' +
        attribute('line', line) +
        attribute('column', column) +
        attribute('severity', severity) +
        attribute('message', message) +
        attribute('source', code) +
        '/>'
    }
    xml += '</file>'
  }
  return `${xml}</checkstyle>\n`
}
