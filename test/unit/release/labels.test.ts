import { describe, expect, it } from '@jest/globals'
import { labelsObject, mergeLabels, ociAnnotations } from '../../../src/release/labels.js'
import { repository } from './support.js'

describe('labels', () => {
  it('has the eight OCI keys', () => {
    expect(ociAnnotations(repository, '1.0', new Date(0), 'abc')).toEqual([
      'org.opencontainers.image.title=app',
      'org.opencontainers.image.description=An app',
      'org.opencontainers.image.url=https://github.com/acme/app',
      'org.opencontainers.image.source=https://github.com/acme/app',
      'org.opencontainers.image.version=1.0',
      'org.opencontainers.image.created=1970-01-01T00:00:00.000Z',
      'org.opencontainers.image.revision=abc',
      'org.opencontainers.image.licenses=MIT'
    ])
  })

  it('merges later entries over earlier ones, sorts by key and drops entries without =', () => {
    const merged = mergeLabels(['b=1', 'a=1', 'invalid', 'b=2', 'c=x=y', 'empty=', 'B=upper'])
    expect(merged.entries).toEqual(['a=1', 'b=2', 'B=upper', 'c=x=y', 'empty='])
    expect(merged.dropped).toEqual(['invalid'])
  })

  it('turns entries into an object', () => {
    expect(labelsObject(['a=1', 'b=x=y', 'c='])).toEqual({ a: '1', b: 'x=y', c: '' })
  })
})
