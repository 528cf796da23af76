import { describe, expect, it } from '@jest/globals'
import { meta, tagNames } from '../support.js'

describe('type=semver', () => {
  // prettier-ignore
  it.each([
    ['refs/tags/v1.2.3', '{{version}}', ['1.2.3', 'latest']],
    ['refs/tags/1.2.3', '{{version}}', ['1.2.3', 'latest']],
    ['refs/tags/v1.2.3', '{{major}}.{{minor}}', ['1.2', 'latest']],
    ['refs/tags/v1.2.3', '{{major}}', ['1', 'latest']],
    ['refs/tags/v1.2.3', '{{major}}.{{minor}}.{{patch}}', ['1.2.3', 'latest']],
    ['refs/tags/v1.2.3', '{{raw}}', ['v1.2.3', 'latest']],
    ['refs/tags/v1.2.3', 'v{{ major }}', ['v1', 'latest']],
    ['refs/tags/v1.2.3+build.5', '{{version}}', ['1.2.3', 'latest']],
    ['refs/tags/v1.2.3+build.5', '{{raw}}', ['v1.2.3-build.5', 'latest']],
    // Pre-releases ignore the pattern (unless it is exactly {{raw}}) and leave latest alone.
    ['refs/tags/v2.0.8-beta.67', '{{major}}.{{minor}}', ['2.0.8-beta.67']],
    ['refs/tags/v2.0.8-beta.67', 'v{{major}}', ['2.0.8-beta.67']],
    ['refs/tags/v2.0.8-beta.67', '{{raw}}', ['v2.0.8-beta.67']],
    ['refs/tags/v2.0.8-beta.67', '{{ raw }}', ['v2.0.8-beta.67']],
    // Not semver: no tag.
    ['refs/tags/v1.6', '{{version}}', []],
    ['refs/tags/release1', '{{version}}', []],
    // Not a tag and no value=: the entry does not apply.
    ['refs/heads/main', '{{version}}', []],
    ['refs/pull/15/merge', '{{version}}', []]
  ])('%s with pattern %s', (ref, pattern, expected) => {
    expect(tagNames(ref, [`type=semver,pattern=${pattern}`])).toEqual(expected)
  })

  // prettier-ignore
  it.each([
    ['type=semver,pattern={{version}},value=v3.1.0', ['3.1.0', 'latest']],
    ['type=semver,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"', ['1.2.3', 'latest']],
    ['type=semver,pattern={{major}},value={{branch}}', []]
  ])('value= works on any event: %s', (entry, expected) => {
    expect(tagNames('refs/heads/main', [entry])).toEqual(expected)
  })

  it('gives one tag for several patterns on a pre-release', () => {
    const tags = ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}']
    expect(tagNames('refs/tags/v2.0.0-rc.1', tags)).toEqual(['2.0.0-rc.1'])
    expect(tagNames('refs/tags/v2.0.0', tags)).toEqual(['2.0.0', '2.0', 'latest'])
  })

  it('warns about a tag that is not semver', () => {
    const result = meta('refs/tags/v1.6', { tags: ['type=semver,pattern={{version}}'] })
    expect(result.warnings[0]).toMatch(
      /'v1\.6' is not a valid semver version.*no tag from this entry/
    )
  })

  it('goes on with the whole value when match= does not match, with a warning', () => {
    const result = meta('refs/heads/main', {
      images: [],
      tags: ['type=semver,pattern={{version}},value=1.2.3,"match=^v(\\d.\\d.\\d)$"']
    })
    expect(result.tagNames).toEqual(['1.2.3', 'latest'])
    expect(result.warnings[0]).toMatch(/match=\^v.* does not match '1\.2\.3'/)
  })

  it('rejects unknown pattern variables', () => {
    expect(() => tagNames('refs/tags/v1.2.3', ['type=semver,pattern={{prerelease}}'])).toThrow(
      /unknown expression '\{\{prerelease\}\}'/
    )
  })
})
