import { describe, expect, it } from '@jest/globals'
import { meta, tagNames } from '../support.js'

describe('type=match', () => {
  // prettier-ignore
  it.each([
    ['refs/tags/v1.2.3', 'type=match,pattern=\\d.\\d.\\d', ['1.2.3', 'latest']],
    ['refs/tags/v1.2.3', 'type=match,pattern=v(.*),group=1', ['1.2.3', 'latest']],
    ['refs/tags/v2.0.8-beta.67', 'type=match,"pattern=v(.*)-beta.(.*)",group=2', ['67', 'latest']],
    ['refs/tags/20200110-RC2', 'type=match,pattern=\\d{8}', ['20200110', 'latest']],
    ['refs/tags/V1.2', 'type=match,"pattern=/^v(\\d+)/i",group=1', ['1', 'latest']],
    ['refs/tags/p1/v1.0.0', 'type=match,pattern=\\d.\\d', ['1.0', 'latest']],
    // With the g flag, "groups" are the successive whole matches (String.prototype.match).
    ['refs/tags/a1b2', 'type=match,"pattern=/\\d/g",group=1', ['2', 'latest']],
    // No match or no such group: no tag.
    ['refs/tags/p1/v1.0.0', 'type=match,"pattern=/^v(\\d.\\d.\\d)$/",group=1', []],
    ['refs/tags/v1.2.3', 'type=match,pattern=v(.*),group=2', []],
    // Not a tag and no value=.
    ['refs/heads/main', 'type=match,pattern=.*', []],
    ['refs/heads/main', 'type=match,pattern=v(.*),group=1,value=v9.9', ['9.9', 'latest']]
  ])('%s: %s', (ref, entry, expected) => {
    expect(tagNames(ref, [entry])).toEqual(expected)
  })

  it('respects latest=false', () => {
    expect(
      tagNames('refs/tags/v1.2.3', ['type=match,pattern=\\d.\\d'], { flavor: ['latest=false'] })
    ).toEqual(['1.2'])
  })

  it('warns when the pattern does not match or the group is missing', () => {
    const result = meta('refs/tags/v1.2.3', {
      tags: ['type=match,pattern=^x', 'type=match,pattern=v(.*),group=3']
    })
    expect(result.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/pattern \/\^x\/ does not match 'v1\.2\.3'/),
        expect.stringMatching(/group 3 does not exist/)
      ])
    )
  })
})
