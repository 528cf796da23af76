/**
 * Text-level merges into XML configuration files (Maven settings.xml, NuGet.Config): one element
 * of ours is inserted or replaced inside a container, and every other byte — comments, other
 * entries, the declaration, the indentation — stays as it was. Comments, CDATA and processing
 * instructions are masked before tags are located, so the commented-out examples in Maven's
 * stock settings.xml are never mistaken for entries. Replacing an entry of ours writes exactly
 * the text the insertion wrote, so a second merge changes nothing.
 */
import { UserError } from '../../errors.js'

export interface XmlElement {
  name: string
  /** Offset of '<' of the start tag. */
  start: number
  /** Offset just after the start tag's '>'. */
  openEnd: number
  /** Offset of '<' of the end tag (equals openEnd for a self-closing element). */
  closeStart: number
  /** Offset just after the element. */
  end: number
  selfClosing: boolean
  /** The start tag's attribute text. */
  attributes: string
  children: XmlElement[]
}

export class XmlMergeError extends UserError {}

/** Comments, CDATA, processing instructions and DOCTYPE replaced by spaces (offsets kept). */
function mask(text: string): string {
  return text.replace(
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>/g,
    (m) => m.replace(/[^\n]/g, ' ')
  )
}

/** The element tree of a document (its root element); throws on unbalanced tags. */
export function parseXmlOutline(text: string, what = 'XML file'): XmlElement {
  const masked = mask(text)
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g
  const stack: XmlElement[] = []
  let root: XmlElement | undefined
  for (let match = tag.exec(masked); match !== null; match = tag.exec(masked)) {
    const [whole, closing, name, attributes, selfClose] = match as unknown as string[]
    const start = match.index
    const end = start + whole!.length
    if (closing === '/') {
      const open = stack.pop()
      if (open === undefined || open.name !== name)
        throw new XmlMergeError(`${what}: </${name}> does not match`)
      open.closeStart = start
      open.end = end
      continue
    }
    const element: XmlElement = {
      name: name!,
      start,
      openEnd: end,
      closeStart: end,
      end,
      selfClosing: selfClose === '/',
      attributes: attributes ?? '',
      children: []
    }
    const parent = stack.at(-1)
    if (parent !== undefined) parent.children.push(element)
    else if (root === undefined) root = element
    else throw new XmlMergeError(`${what}: more than one root element`)
    if (!element.selfClosing) stack.push(element)
  }
  if (root === undefined) throw new XmlMergeError(`${what}: no root element`)
  if (stack.length > 0) throw new XmlMergeError(`${what}: <${stack.at(-1)!.name}> is not closed`)
  return root
}

export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
}

/** The text inside an element (entities of the five predefined kinds decoded), trimmed. */
export function elementText(text: string, element: XmlElement): string {
  return text
    .slice(element.openEnd, element.closeStart)
    .trim()
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
}

export function attribute(element: XmlElement, name: string): string | undefined {
  const found = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(
    element.attributes
  )
  if (found === null) return undefined
  return (found[1] ?? found[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')
}

/** The child of `element` whose `<id>` (or a given child element) holds `value`. */
export function childWithText(
  text: string,
  element: XmlElement,
  name: string,
  key: string,
  value: string
): XmlElement | undefined {
  return element.children.find(
    (child) =>
      child.name === name &&
      child.children.some((inner) => inner.name === key && elementText(text, inner) === value)
  )
}

function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1
  const before = text.slice(lineStart, offset)
  return /^[ \t]*$/.test(before) ? before : ''
}

function indentUnit(text: string, element: XmlElement): string {
  const own = lineIndent(text, element.start)
  for (const child of element.children) {
    const indent = lineIndent(text, child.start)
    if (indent.length > own.length && indent.startsWith(own)) return indent.slice(own.length)
  }
  return '  '
}

function indentLines(entry: string, indent: string): string {
  return entry
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${indent}${line}`))
    .join('\n')
}

export interface UpsertOptions {
  /** The expected root element (settings, configuration). */
  root: string
  /** Path of container elements below the root, created when missing. */
  container: string[]
  /** Finds our entry among the container's children. */
  find: (text: string, container: XmlElement) => XmlElement | undefined
  /** The entry's XML, unindented; nested lines are indented relative to the first. */
  entry: string
  /** Insert as the container's first child (NuGet's <clear/>); default last. */
  first?: boolean
  what?: string
}

/** Inserts `entry` into the container, or replaces the entry `find` returns. */
export function upsertXmlEntry(text: string, options: UpsertOptions): string {
  const what = options.what ?? 'XML file'
  const root = parseXmlOutline(text, what)
  // Entries are written with two-space steps; the file's own step is used instead.
  const step = indentUnit(text, root)
  const entry = options.entry.replace(/^((?: {2})+)/gm, (spaces) => step.repeat(spaces.length / 2))
  if (root.name !== options.root)
    throw new XmlMergeError(`${what}: the root element is <${root.name}>, not <${options.root}>`)
  let parent = root
  for (let depth = 0; depth < options.container.length; depth++) {
    const name = options.container[depth]!
    const found = parent.children.find((child) => child.name === name)
    if (found === undefined) {
      const rest = options.container.slice(depth)
      return insertInto(text, parent, wrap(rest, entry, indentUnit(text, parent)), false)
    }
    parent = found
  }
  const existing = options.find(text, parent)
  const unit = indentUnit(text, parent)
  if (existing !== undefined) {
    const indent = lineIndent(text, existing.start) || lineIndent(text, parent.start) + unit
    return text.slice(0, existing.start) + indentLines(entry, indent) + text.slice(existing.end)
  }
  return insertInto(text, parent, entry, options.first === true)
}

/** `<a><b>entry</b></a>` for the missing part of a container path. */
function wrap(names: string[], entry: string, unit: string): string {
  let xml = entry
  for (const name of [...names].reverse()) {
    xml = `<${name}>\n${unit}${indentLines(xml, unit)}\n</${name}>`
  }
  return xml
}

function insertInto(text: string, parent: XmlElement, entry: string, first: boolean): string {
  const own = lineIndent(text, parent.start)
  const unit = indentUnit(text, parent)
  const indent = own + unit
  const body = indentLines(entry, indent)
  if (parent.selfClosing) {
    const name = parent.name
    const open = `<${name}${parent.attributes.replace(/\s*$/, '')}>`
    return `${text.slice(0, parent.start)}${open}\n${indent}${body}\n${own}</${name}>${text.slice(parent.end)}`
  }
  const last = parent.children.at(-1)
  if (first && parent.children.length > 0) {
    const firstChild = parent.children[0]!
    return `${text.slice(0, firstChild.start)}${body}\n${indent}${text.slice(firstChild.start)}`
  }
  if (last !== undefined)
    return `${text.slice(0, last.end)}\n${indent}${body}${text.slice(last.end)}`
  const closeLineStart = text.lastIndexOf('\n', parent.closeStart - 1) + 1
  if (
    closeLineStart > parent.openEnd &&
    /^[ \t]*$/.test(text.slice(closeLineStart, parent.closeStart))
  ) {
    return `${text.slice(0, closeLineStart)}${indent}${body}\n${text.slice(closeLineStart)}`
  }
  return `${text.slice(0, parent.closeStart)}\n${indent}${body}\n${own}${text.slice(parent.closeStart)}`
}
