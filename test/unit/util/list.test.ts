import { describe, expect, it } from '@jest/globals'
import { parseList } from '../../../src/util/list.js'

describe('parseList', () => {
  // prettier-ignore
  it.each([
    ['', {}, []],
    ['a\nb\n\n c ', {}, ['a', 'b', 'c']],
    ['a,b\nc', {}, ['a', 'b', 'c']],
    ['"a,b",c', {}, ['a,b', 'c']],
    ['type=semver,pattern={{version}}\n# a comment\ntype=sha', { ignoreComma: true, comment: '#' }, ['type=semver,pattern={{version}}', 'type=sha']],
    ['a\r\nb', {}, ['a', 'b']],
    ['# x,y\nz', { comment: '#' }, ['z']]
  ])('%j with %j gives %j', (text, options, expected) => {
    expect(parseList(text, options)).toEqual(expected)
  })
})
