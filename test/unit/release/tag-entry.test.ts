import { describe, expect, it } from '@jest/globals'
import { parseTagEntries, parseTagEntry } from '../../../src/release/tag-entry.js'

describe('parseTagEntry', () => {
  // prettier-ignore
  it.each([
    ['foo', { type: 'raw', value: 'foo', priority: 200, enable: 'true' }],
    ['type=raw,value=foo', { type: 'raw', value: 'foo' }],
    ['TYPE=raw, VALUE = foo ', { type: 'raw', value: 'foo' }],
    ['type=raw,"value=a,b"', { type: 'raw', value: 'a,b' }],
    ['type=raw,value=a=b', { type: 'raw', value: 'a=b' }],
    ['type=schedule', { type: 'schedule', pattern: 'nightly', priority: 1000 }],
    ['type=semver,pattern={{version}}', { type: 'semver', pattern: '{{version}}', value: '', priority: 900 }],
    ['type=pep440,pattern={{version}},priority=5', { type: 'pep440', priority: 5 }],
    ['type=match,pattern=v(.*),group=1', { type: 'match', group: 1, priority: 800 }],
    ['type=edge', { type: 'edge', branch: '', priority: 700 }],
    ['type=ref,event=pr', { type: 'ref', event: 'pr', prefix: 'pr-', priority: 600 }],
    ['type=ref,event=pr,prefix=', { type: 'ref', event: 'pr', prefix: '' }],
    ['type=ref,event=tag', { type: 'ref', event: 'tag', prefix: undefined }],
    ['type=sha', { type: 'sha', format: 'short', prefix: 'sha-', priority: 100 }],
    ['type=sha,format=long,prefix=,suffix=-x', { type: 'sha', format: 'long', prefix: '', suffix: '-x' }],
    ['type=raw,value=x,enable={{is_default_branch}},priority=-1', { enable: '{{is_default_branch}}', priority: -1 }]
  ])('%s', (source, expected) => {
    expect(parseTagEntry(source)).toMatchObject({ source, ...expected })
  })

  it('compiles match patterns, /re/flags included', () => {
    const entry = parseTagEntry('type=match,"pattern=/^V(\\d+)$/i"')
    expect(entry.type === 'match' && entry.pattern.flags).toBe('i')
    expect(entry.type === 'match' && entry.pattern.source).toBe('^V(\\d+)$')
  })

  // prettier-ignore
  it.each([
    ['type=foo', /unknown type 'foo'/],
    ['type=Semver,pattern=x', /unknown type 'Semver'/],
    ['type=raw,value=x,enabled=false', /unknown attribute 'enabled'/],
    ['type=raw', /value= is required/],
    ['type=semver', /pattern= is required/],
    ['type=pep440,value=1.0', /pattern= is required/],
    ['type=match,value=x', /pattern= is required/],
    ['type=match,pattern=(', /pattern=\( is not a valid regular expression/],
    ['type=match,pattern=/a/q', /not a valid regular expression/],
    ['type=match,pattern=x,group=one', /group=one is not a group number/],
    ['type=semver,pattern={{version}},match=v\\d', /needs a capture group/],
    ['type=ref', /event= is required/],
    ['type=ref,event=release', /event=release is not branch, tag or pr/],
    ['type=sha,format=medium', /format=medium is not short or long/],
    ['type=raw,value=x,priority=high', /priority=high is not an integer/],
    ['type=raw,value=a"b', /tags entry 'type=raw,value=a"b': .*quote/]
  ])('rejects %s', (source, message) => {
    expect(() => parseTagEntry(source)).toThrow(message)
  })

  it('names the entry in errors', () => {
    expect(() => parseTagEntry('type=ref,event=x')).toThrow("tags entry 'type=ref,event=x': ")
  })
})

describe('parseTagEntries', () => {
  it('uses the default set when empty', () => {
    expect(parseTagEntries([]).map((entry) => entry.source)).toEqual([
      'type=schedule',
      'type=ref,event=branch',
      'type=ref,event=tag',
      'type=ref,event=pr'
    ])
  })

  it('orders by priority, keeping input order among equals', () => {
    const sources = [
      'type=sha',
      'b',
      'type=semver,pattern=x',
      'a',
      'type=raw,value=c,priority=2000'
    ]
    expect(parseTagEntries(sources).map((entry) => entry.source)).toEqual([
      'type=raw,value=c,priority=2000',
      'type=semver,pattern=x',
      'b',
      'a',
      'type=sha'
    ])
  })
})
