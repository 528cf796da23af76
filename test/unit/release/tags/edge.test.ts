import { describe, expect, it } from '@jest/globals'
import { tagNames, meta } from '../support.js'

describe('type=edge', () => {
  // prettier-ignore
  it.each([
    ['refs/heads/main', 'type=edge', ['edge']],
    ['refs/heads/dev', 'type=edge', []],
    ['refs/heads/dev', 'type=edge,branch=dev', ['edge']],
    ['refs/heads/main', 'type=edge,branch=dev', []],
    ['refs/tags/v1.0.0', 'type=edge', []],
    ['refs/pull/15/merge', 'type=edge', []]
  ])('%s: %s', (ref, entry, expected) => {
    expect(tagNames(ref, [entry])).toEqual(expected)
  })

  it("follows the repository's default branch (from the API), not the payload's", () => {
    const result = meta(
      'refs/heads/master',
      { images: [], tags: ['type=edge'] },
      { repo: { defaultBranch: 'master' } }
    )
    expect(result.tagNames).toEqual(['edge'])
  })

  it('ranks above type=ref', () => {
    expect(tagNames('refs/heads/main', ['type=ref,event=branch', 'type=edge'])).toEqual([
      'edge',
      'main'
    ])
  })
})
