import { UserError } from '../errors.js'

/**
 * The small part of Handlebars that metadata-action's tag and label inputs use:
 * `{{name}}`, `{{name 'arg' key='value'}}` (single or double quotes, any spacing),
 * `{{{name}}}`, `{{~name~}}` whitespace control, `{{! comment }}` and `\{{` escapes.
 * Everything else (blocks, partials, unknown names) is an error that names the expression,
 * where Handlebars would print an empty string. Output is not HTML-escaped: these are tag
 * names and label values, not HTML.
 */

export type TemplateArgument =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  /** A bare word: in Handlebars a variable lookup, which finds nothing in these templates. */
  | { kind: 'path'; name: string }

export interface TemplateExpression {
  name: string
  args: TemplateArgument[]
  hash: Record<string, TemplateArgument>
  /** The expression as written, e.g. `{{date 'YYYY' tz='UTC'}}`. */
  source: string
}

export type TemplateNode =
  { kind: 'text'; text: string } | { kind: 'expression'; expression: TemplateExpression }

/** Renders one expression; throw TemplateError for bad arguments. */
export type TemplateFunction = (expression: TemplateExpression) => string

/** A problem with one expression; renderTemplate prefixes where the template came from. */
export class TemplateError extends UserError {}

type Token =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'equals' }

// Handlebars identifiers: anything but whitespace and its punctuation (dots separate paths).
const wordPattern = /^[^\s!"#%&'()*+,/;<=>@[\\\]^`{|}~]+/
const numberPattern = /^-?\d+(?:\.\d+)?(?=$|[\s=~}])/

function tokenize(content: string, source: string): Token[] {
  const tokens: Token[] = []
  let rest = content
  while ((rest = rest.trimStart()) !== '') {
    const first = rest[0]!
    if (first === '=') {
      tokens.push({ kind: 'equals' })
      rest = rest.slice(1)
    } else if (first === "'" || first === '"') {
      let index = 1
      let value = ''
      while (index < rest.length && rest[index] !== first) {
        if (rest[index] === '\\' && rest[index + 1] === first) index++
        value += rest[index]
        index++
      }
      if (index >= rest.length) throw new TemplateError(`unterminated string in '${source}'`)
      tokens.push({ kind: 'string', value })
      rest = rest.slice(index + 1)
    } else {
      const number = numberPattern.exec(rest)
      if (number) {
        tokens.push({ kind: 'number', value: Number(number[0]) })
        rest = rest.slice(number[0].length)
        continue
      }
      const word = wordPattern.exec(rest)
      if (!word) throw new TemplateError(`unexpected '${first}' in '${source}'`)
      tokens.push({ kind: 'word', value: word[0] })
      rest = rest.slice(word[0].length)
    }
  }
  return tokens
}

function argumentOf(token: Token, source: string): TemplateArgument {
  switch (token.kind) {
    case 'string':
      return { kind: 'string', value: token.value }
    case 'number':
      return { kind: 'number', value: token.value }
    case 'word':
      if (token.value === 'true' || token.value === 'false') {
        return { kind: 'boolean', value: token.value === 'true' }
      }
      return { kind: 'path', name: token.value }
    default:
      throw new TemplateError(`unexpected '=' in '${source}'`)
  }
}

function parseExpression(content: string, source: string): TemplateExpression {
  const tokens = tokenize(content, source)
  const head = tokens[0]
  if (head?.kind !== 'word') throw new TemplateError(`'${source}' does not start with a name`)
  const expression: TemplateExpression = { name: head.value, args: [], hash: {}, source }
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]!
    const next = tokens[index + 1]
    if (token.kind === 'word' && next?.kind === 'equals') {
      const value = tokens[index + 2]
      if (value === undefined)
        throw new TemplateError(`'${token.value}=' has no value in '${source}'`)
      expression.hash[token.value] = argumentOf(value, source)
      index += 2
    } else if (Object.keys(expression.hash).length > 0) {
      throw new TemplateError(`positional argument after key=value in '${source}'`)
    } else {
      expression.args.push(argumentOf(token, source))
    }
  }
  return expression
}

/** Where `closing` ends the expression starting at `from`, skipping quoted strings; -1 if never. */
function findClosing(template: string, from: number, closing: string): number {
  let quote: string | undefined
  for (let index = from; index < template.length; index++) {
    const char = template[index]
    if (quote !== undefined) {
      if (char === '\\' && template[index + 1] === quote) index++
      else if (char === quote) quote = undefined
    } else if (char === "'" || char === '"') {
      quote = char
    } else if (template.startsWith(closing, index)) {
      return index
    }
  }
  if (quote !== undefined) {
    throw new TemplateError(`unterminated string in '${template.slice(from - 2)}'`)
  }
  return -1
}

/** Splits a template into text and expressions; throws TemplateError on bad syntax. */
export function parseTemplate(template: string): TemplateNode[] {
  const nodes: TemplateNode[] = []
  let text = ''
  let stripNextWhitespace = false
  let position = 0
  const pushText = (chunk: string) => {
    text += stripNextWhitespace ? chunk.trimStart() : chunk
    stripNextWhitespace = false
  }
  while (position < template.length) {
    const open = template.indexOf('{{', position)
    if (open < 0) {
      pushText(template.slice(position))
      break
    }
    const escaped = template[open - 1] === '\\' && template[open - 2] !== '\\'
    if (escaped) {
      // `\{{x}}` prints `{{x}}` as written.
      const close = template.indexOf('}}', open)
      const end = close < 0 ? template.length : close + 2
      pushText(template.slice(position, open - 1) + template.slice(open, end))
      position = end
      continue
    }
    pushText(template.slice(position, open))
    const triple = template.startsWith('{{{', open)
    const closing = triple ? '}}}' : '}}'
    let contentStart = open + (triple ? 3 : 2)
    if (template[contentStart] === '~') {
      text = text.trimEnd()
      contentStart++
    }
    if (template.startsWith('!--', contentStart)) {
      const close = template.indexOf('--}}', contentStart)
      if (close < 0) throw new TemplateError(`unclosed comment in '${template}'`)
      position = close + 4
      continue
    }
    const close = findClosing(template, contentStart, closing)
    if (close < 0) {
      throw new TemplateError(`'${template.slice(open)}' has no closing '${closing}'`)
    }
    let contentEnd = close
    if (template[contentEnd - 1] === '~' && contentEnd - 1 >= contentStart) {
      contentEnd--
      stripNextWhitespace = true
    }
    position = close + closing.length
    const source = template.slice(open, position)
    let content = template.slice(contentStart, contentEnd)
    if (content.startsWith('!')) continue
    if (content.startsWith('&') && !triple) content = content.slice(1)
    if (/^\s*[#/^>*]/.test(content) || /^\s*else\b/.test(content)) {
      throw new TemplateError(`'${source}': blocks and partials are not supported`)
    }
    if (text !== '') nodes.push({ kind: 'text', text })
    text = ''
    nodes.push({ kind: 'expression', expression: parseExpression(content, source) })
  }
  if (text !== '') nodes.push({ kind: 'text', text })
  return nodes
}

/**
 * Renders `template`, calling `functions[name]` for each expression. `where` names the input
 * the template came from, for error messages.
 */
export function renderTemplate(
  template: string,
  functions: Readonly<Record<string, TemplateFunction>>,
  where: string
): string {
  if (!template.includes('{{')) return template
  try {
    return parseTemplate(template)
      .map((node) => {
        if (node.kind === 'text') return node.text
        const render = Object.hasOwn(functions, node.expression.name)
          ? functions[node.expression.name]
          : undefined
        if (!render) {
          const known = Object.keys(functions)
            .map((name) => `{{${name}}}`)
            .join(', ')
          throw new TemplateError(`unknown expression '${node.expression.source}'; known: ${known}`)
        }
        return render(node.expression)
      })
      .join('')
  } catch (error) {
    if (error instanceof TemplateError) throw new UserError(`${where}: ${error.message}`)
    throw error
  }
}

/** True when the template is exactly one `{{name}}` expression (spacing allowed). */
export function isSingleExpression(template: string, name: string): boolean {
  try {
    const nodes = parseTemplate(template)
    const only = nodes[0]
    return nodes.length === 1 && only?.kind === 'expression' && only.expression.name === name
  } catch {
    return false
  }
}

/** Throws TemplateError unless the expression has no arguments. */
export function expectNoArguments(expression: TemplateExpression): void {
  if (expression.args.length > 0 || Object.keys(expression.hash).length > 0) {
    throw new TemplateError(`'${expression.source}' takes no arguments`)
  }
}
