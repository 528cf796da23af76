import { describe, expect, it } from '@jest/globals'
import { headSha, sha, tagNames } from '../support.js'

describe('type=sha', () => {
  // prettier-ignore
  it.each([
    ['type=sha', ['sha-860c190']],
    ['type=sha,format=short', ['sha-860c190']],
    ['type=sha,format=long', [`sha-${sha}`]],
    ['type=sha,prefix=', ['860c190']],
    ['type=sha,prefix=git-,suffix=-x', ['git-860c190-x']]
  ])('%s', (entry, expected) => {
    expect(tagNames('refs/heads/main', [entry])).toEqual(expected)
  })

  it('honours DOCKER_METADATA_SHORT_SHA_LENGTH', () => {
    expect(tagNames('refs/heads/main', ['type=sha'], { settings: { shortShaLength: 12 } })).toEqual(
      ['sha-860c1904a1ce']
    )
    expect(tagNames('refs/heads/main', ['type=sha'], { settings: { shortShaLength: 99 } })).toEqual(
      [`sha-${sha}`]
    )
  })

  it('gives nothing without a sha', () => {
    expect(tagNames('refs/heads/main', ['type=sha'], { context: { sha: '' } })).toEqual([])
  })

  it('uses the PR head commit with DOCKER_METADATA_PR_HEAD_SHA', () => {
    const context = {
      eventName: 'pull_request_target',
      payload: { pull_request: { head: { sha: headSha } } }
    }
    expect(tagNames('refs/pull/15/merge', ['type=sha'], { context })).toEqual(['sha-860c190'])
    expect(
      tagNames('refs/pull/15/merge', ['type=sha'], { context, settings: { prHeadSha: true } })
    ).toEqual(['sha-3370e22'])
    // Not a pull request: the option changes nothing.
    expect(
      tagNames('refs/heads/main', ['type=sha'], {
        context: { payload: context.payload },
        settings: { prHeadSha: true }
      })
    ).toEqual(['sha-860c190'])
  })
})
