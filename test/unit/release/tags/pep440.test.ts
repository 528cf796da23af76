import { describe, expect, it } from '@jest/globals'
import { meta, tagNames } from '../support.js'

describe('type=pep440', () => {
  // prettier-ignore
  it.each([
    ['refs/tags/1.2.3', '{{version}}', ['1.2.3', 'latest']],
    ['refs/tags/v1.2.3', '{{major}}.{{minor}}', ['1.2', 'latest']],
    ['refs/tags/v1.2.3', '{{raw}}', ['v1.2.3', 'latest']],
    ['refs/tags/1.2', '{{major}}.{{minor}}.{{patch}}', ['1.2.0', 'latest']],
    // PEP 440 accepts what semver rejects.
    ['refs/tags/v1.6', '{{version}}', ['1.6', 'latest']],
    ['refs/tags/1!2.0', '{{version}}', ['1-2.0', 'latest']],
    // Pre-, post- and dev-releases: the normalised version (or {{raw}}), never latest.
    ['refs/tags/1.2.3rc2', '{{major}}', ['1.2.3rc2']],
    ['refs/tags/1.2.3.RC2', '{{version}}', ['1.2.3rc2']],
    ['refs/tags/1.2.3beta2', '{{version}}', ['1.2.3b2']],
    ['refs/tags/1.2post1', '{{major}}.{{minor}}', ['1.2.post1']],
    ['refs/tags/1.0-1', '{{version}}', ['1.0.post1']],
    ['refs/tags/1.0dev4', '{{version}}', ['1.0.dev4']],
    ['refs/tags/1.2.3rc2', '{{raw}}', ['1.2.3rc2']],
    ['refs/tags/1.2.3.RC2', '{{raw}}', ['1.2.3.RC2']],
    // Not PEP 440.
    ['refs/tags/release1', '{{version}}', []],
    ['refs/tags/1.2.3-beta.67', '{{version}}', ['1.2.3b67']],
    ['refs/tags/1.2.3-foo', '{{version}}', []],
    ['refs/heads/main', '{{version}}', []]
  ])('%s with pattern %s', (ref, pattern, expected) => {
    expect(tagNames(ref, [`type=pep440,pattern=${pattern}`])).toEqual(expected)
  })

  it('reads value= and match= like semver', () => {
    const entry = 'type=pep440,pattern={{version}},value=p1/v1.2.3,"match=v(\\d.\\d.\\d)$"'
    expect(tagNames('refs/heads/main', [entry])).toEqual(['1.2.3', 'latest'])
  })

  it('warns about a tag that is not a PEP 440 version', () => {
    const result = meta('refs/tags/release1', { tags: ['type=pep440,pattern={{version}}'] })
    expect(result.warnings[0]).toMatch(/'release1' does not conform to PEP 440/)
  })
})
