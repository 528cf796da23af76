import { describe, expect, it } from '@jest/globals'
import { meta, tagNames } from '../support.js'

describe('type=ref', () => {
  // prettier-ignore
  it.each([
    ['refs/heads/main', 'type=ref,event=branch', ['main']],
    ['refs/heads/feature/login#12', 'type=ref,event=branch', ['feature-login-12']],
    ['refs/tags/v1.0.0', 'type=ref,event=branch', []],
    ['refs/tags/v1.0.0', 'type=ref,event=tag', ['v1.0.0', 'latest']],
    ['refs/tags/release1', 'type=ref,event=tag', ['release1', 'latest']],
    ['refs/heads/main', 'type=ref,event=tag', []],
    ['refs/pull/15/merge', 'type=ref,event=pr', ['pr-15']],
    ['refs/pull/15/merge', 'type=ref,event=pr,prefix=', ['15']],
    ['refs/pull/15/merge', 'type=ref,event=pr,prefix=pull-', ['pull-15']],
    ['refs/heads/main', 'type=ref,event=pr', []]
  ])('%s: %s', (ref, entry, expected) => {
    expect(tagNames(ref, [entry])).toEqual(expected)
  })

  // prettier-ignore
  it.each([
    ['refs/heads/main', ['main']],
    ['refs/tags/v1.2.3', ['v1.2.3', 'latest']],
    ['refs/pull/15/merge', ['pr-15']]
  ])('the default tags on %s', (ref, expected) => {
    expect(tagNames(ref, [])).toEqual(expected)
  })

  describe('strip-tag-prefix (opt-in)', () => {
    // prettier-ignore
    it.each([
      ['refs/tags/v1.2.3', 'v', ['1.2.3', 'latest']],
      ['refs/tags/release1', 'v', ['release1', 'latest']],
      ['refs/tags/v', 'v', ['v', 'latest']],
      ['refs/tags/release-2024', 'release-', ['2024', 'latest']],
      ['refs/tags/v1.2.3', '', ['v1.2.3', 'latest']]
    ])('%s with prefix %j', (ref, stripTagPrefix, expected) => {
      expect(meta(ref, { images: [], tags: ['type=ref,event=tag'], stripTagPrefix }).tagNames).toEqual(expected)
    })

    it('applies to the default tags on a release', () => {
      const result = meta(
        'refs/tags/v2.0.0',
        { images: [], stripTagPrefix: 'v' },
        { context: { eventName: 'release' } }
      )
      expect(result.tagNames).toEqual(['2.0.0', 'latest'])
      expect(result.version).toBe('2.0.0')
    })

    it('leaves branch tags and {{tag}} alone', () => {
      const result = meta('refs/tags/v2.0.0', {
        images: [],
        tags: ['type=raw,value={{tag}}'],
        stripTagPrefix: 'v'
      })
      expect(result.tagNames).toEqual(['v2.0.0'])
    })
  })
})
