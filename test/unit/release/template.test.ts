import { describe, expect, it } from '@jest/globals'
import {
  isSingleExpression,
  parseTemplate,
  renderTemplate,
  type TemplateFunction
} from '../../../src/release/template.js'

// Echoes what the renderer parsed, so tests see arguments and hash values.
const echo: TemplateFunction = (expression) => {
  const args = expression.args.map((arg) =>
    arg.kind === 'path' ? `path:${arg.name}` : `${arg.kind}:${String(arg.value)}`
  )
  const hash = Object.entries(expression.hash).map(
    ([key, arg]) => `${key}=${arg.kind === 'path' ? arg.name : String(arg.value)}`
  )
  return `<${[expression.name, ...args, ...hash].join(' ')}>`
}
const functions = { branch: () => 'main', echo }

describe('renderTemplate', () => {
  // prettier-ignore
  it.each([
    ['plain text', 'plain text'],
    ['{{branch}}', 'main'],
    ['{{ branch }}', 'main'],
    ['{{{branch}}}', 'main'],
    ['{{&branch}}', 'main'],
    ['a-{{branch}}-b', 'a-main-b'],
    ['{{branch}}{{branch}}', 'mainmain'],
    ["{{echo 'fmt' tz='Asia/Tokyo'}}", '<echo string:fmt tz=Asia/Tokyo>'],
    ['{{echo "fmt"  tz = "UTC"}}', '<echo string:fmt tz=UTC>'],
    ["{{echo 'it\\'s'}}", "<echo string:it's>"],
    ['{{echo YYYY-MM-DD}}', '<echo path:YYYY-MM-DD>'],
    ['{{echo 42 true}}', '<echo number:42 boolean:true>'],
    ["{{echo 'a}}b'}}", '<echo string:a}}b>'],
    ['a {{~branch~}} b', 'amainb'],
    ['x{{! a comment }}y', 'xy'],
    ['x{{!-- a }} comment --}}y', 'xy'],
    ['\\{{branch}}', '{{branch}}'],
    ['single } and { braces', 'single } and { braces'],
    ['}}', '}}']
  ])('%s → %s', (template, expected) => {
    expect(renderTemplate(template, functions, 'test')).toBe(expected)
  })

  // prettier-ignore
  it.each([
    ['{{nope}}', /^where: unknown expression '\{\{nope\}\}'; known: \{\{branch\}\}, \{\{echo\}\}$/],
    ['{{branch', /has no closing '\}\}'/],
    ["{{echo 'open}}", /unterminated string/],
    ['{{#if branch}}x{{/if}}', /blocks and partials are not supported/],
    ['{{> partial}}', /blocks and partials/],
    ['{{}}', /does not start with a name/],
    ["{{echo tz='x' 'late'}}", /positional argument after key=value/],
    ['{{echo tz=}}', /has no value/],
    ['{{echo (sub)}}', /unexpected '\('/]
  ])('rejects %s', (template, message) => {
    expect(() => renderTemplate(template, functions, 'where')).toThrow(message)
  })
})

describe('isSingleExpression', () => {
  // prettier-ignore
  it.each([
    ['{{raw}}', true],
    ['{{ raw }}', true],
    ['{{ raw}}', true],
    ['{{ raw }}.{{ version }}', false],
    ['v{{raw}}', false],
    ['{{ version }},{{raw }.', false],
    ['{{version}}', false]
  ])('%s → %s', (template, expected) => {
    expect(isSingleExpression(template, 'raw')).toBe(expected)
  })
})

it('parseTemplate keeps text and expressions apart', () => {
  expect(parseTemplate('a{{b}}c')).toEqual([
    { kind: 'text', text: 'a' },
    { kind: 'expression', expression: { name: 'b', args: [], hash: {}, source: '{{b}}' } },
    { kind: 'text', text: 'c' }
  ])
})
