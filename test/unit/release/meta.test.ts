import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../../src/errors.js'
import { computeMeta, metaOutputs } from '../../../src/release/meta.js'
import { context, headSha, inputs, meta, repository, settings, sha, tagNames } from './support.js'

describe('computeMeta: version, latest and order', () => {
  it('makes the highest-priority value the version and decides latest from it', () => {
    const result = meta('refs/tags/v1.2.3', {
      images: [],
      tags: ['type=sha', 'type=semver,pattern={{major}}', 'type=semver,pattern={{version}}']
    })
    expect(result.version).toBe('1')
    expect(result.tagNames).toEqual(['1', '1.2.3', 'sha-860c190', 'latest'])
    expect(result.latest).toBe(true)
  })

  // prettier-ignore
  it.each([
    ['a raw entry first disables automatic latest', ['type=raw,value=foo,priority=1000', 'type=semver,pattern={{version}}'], [], ['foo', '1.2.3']],
    ['a sha entry first too', ['type=sha,priority=2000', 'type=ref,event=tag'], [], ['sha-860c190', 'v1.2.3']],
    ['latest=false removes it', ['type=semver,pattern={{version}}'], ['latest=false'], ['1.2.3']],
    ['latest=true forces it', ['type=raw,value=foo'], ['latest=true'], ['foo', 'latest']],
    ['a value equal to the version is not repeated', ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}.{{patch}}'], [], ['1.2.3', 'latest']],
    ['latest is not repeated when given as raw', ['type=semver,pattern={{version}}', 'type=raw,value=latest'], [], ['1.2.3', 'latest']]
  ])('%s', (_name, tags, flavor, expected) => {
    expect(tagNames('refs/tags/v1.2.3', tags, { flavor })).toEqual(expected)
  })

  it('gives no latest on default-branch pushes unless asked', () => {
    expect(tagNames('refs/heads/main', [])).toEqual(['main'])
    expect(
      tagNames('refs/heads/main', [
        'type=ref,event=branch',
        'type=raw,value=latest,enable={{is_default_branch}}'
      ])
    ).toEqual(['main', 'latest'])
  })

  it('crosses images (outer) with tags (inner), lower-cases images and skips disabled ones', () => {
    const result = meta('refs/tags/v1.0.0', {
      images: ['org/app', 'ghcr.io/MyUser/MyApp', 'name=docker.io/off/app,enable=false'],
      tags: ['type=ref,event=tag', 'type=sha']
    })
    expect(result.tags).toEqual([
      'org/app:v1.0.0',
      'org/app:sha-860c190',
      'org/app:latest',
      'ghcr.io/myuser/myapp:v1.0.0',
      'ghcr.io/myuser/myapp:sha-860c190',
      'ghcr.io/myuser/myapp:latest'
    ])
    expect(result.tagNames).toEqual(['v1.0.0', 'sha-860c190', 'latest'])
  })

  it('gives bare tags without images and nothing without a version', () => {
    expect(meta('refs/heads/dev', { images: [] }).tags).toEqual(['dev'])
    const none = meta('', { images: ['org/app'] }, { context: { eventName: '' } })
    expect(none.tags).toEqual([])
    expect(none.version).toBe('')
    expect(none.latest).toBe(false)
    expect(none.warnings).toContain('no image version was generated; check the tags input')
  })

  it('sanitises values into tags', () => {
    expect(tagNames('refs/heads/my/feature#1245', ['type=ref,event=branch'])).toEqual([
      'my-feature-1245'
    ])
  })
})

describe('computeMeta: prefixes and suffixes', () => {
  // prettier-ignore
  it.each([
    ['flavor applies to entries without their own', 'refs/tags/v1.2.3', ['type=semver,pattern={{version}}'], ['prefix=foo-', 'suffix=-dev'], ['foo-1.2.3-dev', 'latest']],
    ['onlatest decorates latest', 'refs/tags/v1.2.3', ['type=semver,pattern={{version}}'], ['prefix=foo-,onlatest=true', 'suffix=-dev,onlatest=true'], ['foo-1.2.3-dev', 'foo-latest-dev']],
    ['an own empty prefix wins', 'refs/tags/v1.2.3', ['type=semver,pattern={{version}},prefix='], ['prefix=foo-'], ['1.2.3', 'latest']],
    ['pr- is the entry\'s own prefix', 'refs/pull/15/merge', ['type=ref,event=pr'], ['prefix=glo-', 'suffix=-bal'], ['pr-15-bal']],
    ['sha- likewise', 'refs/heads/main', ['type=sha'], ['prefix=glo-'], ['sha-860c190']],
    ['prefixes take expressions', 'refs/heads/main', ['type=sha,prefix={{branch}}-,suffix=-{{date \'YYYY\'}}'], [], ['main-860c190-2020']],
    ['flavor prefixes take expressions, on latest too', 'refs/tags/v1.0.0', ['type=ref,event=tag'], ['prefix={{sha}}-,onlatest=true'], ['860c190-v1.0.0', '860c190-latest']]
  ])('%s', (_name, ref, tags, flavor, expected) => {
    expect(tagNames(ref, tags, { flavor })).toEqual(expected)
  })
})

describe('computeMeta: labels and annotations', () => {
  it('builds the OCI labels from the repository, version, clock and sha', () => {
    expect(meta('refs/heads/dev', {}).labels).toEqual([
      'org.opencontainers.image.created=2020-01-10T00:30:00.000Z',
      'org.opencontainers.image.description=An app',
      'org.opencontainers.image.licenses=MIT',
      `org.opencontainers.image.revision=${sha}`,
      'org.opencontainers.image.source=https://github.com/acme/app',
      'org.opencontainers.image.title=app',
      'org.opencontainers.image.url=https://github.com/acme/app',
      'org.opencontainers.image.version=dev'
    ])
  })

  it('merges custom labels and annotations separately, with expressions', () => {
    const result = meta('refs/heads/dev', {
      labels: ['maintainer=me', 'org.opencontainers.image.title=Custom={{branch}}', 'invalid'],
      annotations: ['org.opencontainers.image.description=annotated']
    })
    expect(result.labels).toContain('org.opencontainers.image.title=Custom=dev')
    expect(result.labels[0]).toBe('maintainer=me')
    expect(result.json.labels['org.opencontainers.image.title']).toBe('Custom=dev')
    expect(result.annotations).toContain('manifest:org.opencontainers.image.description=annotated')
    expect(result.annotations).toContain('manifest:org.opencontainers.image.title=app')
    expect(result.warnings).toContain("labels entry 'invalid' has no '='; ignored")
  })

  it('repeats annotations for each level', () => {
    const result = meta(
      'refs/heads/dev',
      {},
      { settings: { annotationLevels: ['manifest', 'index'] } }
    )
    expect(result.annotations).toHaveLength(16)
    expect(result.annotations[0]).toMatch(/^manifest:org\.opencontainers\.image\.created=/)
    expect(result.annotations[8]).toMatch(/^index:org\.opencontainers\.image\.created=/)
    expect(result.json.annotations).toEqual(result.annotations)
  })

  it('describes the PR head commit when asked', () => {
    const result = meta(
      'refs/pull/15/merge',
      { tags: ['type=raw,value={{sha}}'] },
      {
        context: { payload: { pull_request: { head: { sha: headSha } } } },
        settings: { prHeadSha: true }
      }
    )
    expect(result.version).toBe('3370e22')
    expect(result.labels).toContain(`org.opencontainers.image.revision=${headSha}`)
  })
})

describe('computeMeta: strict mode and warnings', () => {
  // prettier-ignore
  it.each([
    ['refs/tags/release1', ['type=semver,pattern={{version}}'], [], /'release1' is not a valid semver version/],
    ['refs/tags/release1', ['type=pep440,pattern={{version}}'], [], /does not conform to PEP 440/],
    ['refs/tags/v1', ['type=match,pattern=\\d\\.\\d'], [], /does not match 'v1'/],
    ['refs/heads/main', ['type=raw,value=.hidden'], [], /tag '\.hidden' starts with '\.'/],
    ['refs/heads/main', [`type=raw,value=${'x'.repeat(129)}`], [], /is 129 characters long/],
    ['refs/heads/main', ['type=raw,value={{commit_date YYYY}}'], [], /the format is not quoted/],
    ['refs/heads/main', ['type=raw,value=x'], ['nolabel'], /labels entry 'nolabel' has no '='/]
  ])('%s %j: a warning, or an error in strict mode', (ref, tags, labels, message) => {
    const loose = meta(ref, { tags, labels })
    expect(loose.warnings.join('\n')).toMatch(message)
    expect(() => meta(ref, { tags, labels, strict: true })).toThrow(message)
    expect(() => meta(ref, { tags, labels, strict: true })).toThrow(UserError)
  })

  it('keeps an invalid OCI tag outside strict mode, as metadata-action does', () => {
    expect(tagNames('refs/heads/main', ['type=raw,value=-dash'])).toEqual(['-dash'])
  })

  it('reads an unquoted date format as no format, as metadata-action does', () => {
    expect(tagNames('refs/heads/main', ['type=raw,value={{commit_date YYYY-MM-DD}}'])).toEqual([
      '2020-01-10T00-30-00Z'
    ])
  })

  it('does not complain about entries that do not apply', () => {
    const result = meta('refs/heads/main', {
      tags: ['type=semver,pattern={{version}}', 'type=ref,event=branch'],
      strict: true
    })
    expect(result.warnings).toEqual([])
  })

  // prettier-ignore
  it.each([
    [{ tags: ['type=raw,value=x,enable=yes'] }, /enable= gave 'yes'/],
    [{ tags: ['type=raw,value=x,enable={{branch}}'] }, /enable= gave 'main'/],
    [{ tags: ['type=raw,value={{unknown}}'] }, /tags entry 'type=raw,value=\{\{unknown\}\}': unknown expression/],
    [{ labels: ['a={{nope}}'] }, /labels entry 'a=\{\{nope\}\}': unknown expression/],
    [{ flavor: ['latest=yes'] }, /latest=yes/],
    [{ images: ['Bad Image'] }, /not a valid image name/],
    [{ tags: ["type=raw,value={{date 'YYYY' tz='Nowhere/City'}}"] }, /unknown time zone/]
  ])('rejects bad input %j', (given, message) => {
    expect(() => meta('refs/heads/main', given)).toThrow(message)
  })
})

describe('metaOutputs', () => {
  it('joins outputs with the separators', () => {
    const given = inputs({
      images: ['a/b'],
      tags: ['type=raw,value=x', 'type=raw,value=y'],
      sepTags: ',',
      sepLabels: ';'
    })
    const result = computeMeta(given, context('refs/heads/main'), repository, settings, new Date(0))
    const outputs = metaOutputs(result, given)
    expect(outputs.tags).toBe('a/b:x,a/b:y')
    expect(outputs['tag-names']).toBe('x,y')
    expect(outputs.labels.split(';')).toHaveLength(8)
    expect(outputs.version).toBe('x')
    expect(JSON.parse(outputs.json)).toEqual(result.json)
  })
})
