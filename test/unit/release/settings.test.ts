import { describe, expect, it } from '@jest/globals'
import { clockFromEnv, metaSettingsFromEnv, parseMetaInputs } from '../../../src/release/meta.js'

describe('parseMetaInputs', () => {
  it('splits lists by line only, dropping comments and blanks', () => {
    const parsed = parseMetaInputs({
      images: 'org/app\n# comment\nghcr.io/org/app,enable=false\n',
      tags: 'type=raw,value=foo#bar\n  type=sha  \n\n#type=edge',
      flavor: 'prefix=v#1\n#comment',
      labels: 'mylabel=foo#bar\n#comment\nanother=bar',
      annotations: 'org.opencontainers.image.url=https://example.com/path#readme'
    })
    expect(parsed.images).toEqual(['org/app', 'ghcr.io/org/app,enable=false'])
    expect(parsed.tags).toEqual(['type=raw,value=foo#bar', 'type=sha'])
    expect(parsed.flavor).toEqual(['prefix=v#1'])
    expect(parsed.labels).toEqual(['mylabel=foo#bar', 'another=bar'])
    expect(parsed.annotations).toEqual([
      'org.opencontainers.image.url=https://example.com/path#readme'
    ])
  })

  it('defaults separators to newline and keeps given ones as they are', () => {
    expect(parseMetaInputs({})).toMatchObject({
      sepTags: '\n',
      sepLabels: '\n',
      sepAnnotations: '\n',
      strict: false,
      stripTagPrefix: ''
    })
    expect(
      parseMetaInputs({ 'sep-tags': ' ', 'sep-labels': ',', 'sep-annotations': '' })
    ).toMatchObject({
      sepTags: ' ',
      sepLabels: ',',
      sepAnnotations: '\n'
    })
  })

  // prettier-ignore
  it.each([
    ['true', true], ['True', true], ['TRUE', true], ['false', false], ['', false]
  ])('strict=%j', (text, expected) => {
    expect(parseMetaInputs({ strict: text }).strict).toBe(expected)
  })

  it('rejects a strict value that is not a boolean', () => {
    expect(() => parseMetaInputs({ strict: 'yes' })).toThrow(
      /input 'strict': expected true or false, got 'yes'/
    )
  })

  it('reads strip-tag-prefix', () => {
    expect(parseMetaInputs({ 'strip-tag-prefix': ' v ' }).stripTagPrefix).toBe('v')
  })
})

describe('metaSettingsFromEnv', () => {
  it('has metadata-action defaults', () => {
    expect(metaSettingsFromEnv({})).toEqual({
      prHeadSha: false,
      shortShaLength: 7,
      annotationLevels: ['manifest']
    })
  })

  it('reads the variables', () => {
    expect(
      metaSettingsFromEnv({
        DOCKER_METADATA_PR_HEAD_SHA: 'TRUE',
        DOCKER_METADATA_SHORT_SHA_LENGTH: '12',
        DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest, index,index-descriptor,manifest[linux/amd64]'
      })
    ).toEqual({
      prHeadSha: true,
      shortShaLength: 12,
      annotationLevels: ['manifest', 'index', 'index-descriptor', 'manifest[linux/amd64]']
    })
  })

  // prettier-ignore
  it.each([
    [{ DOCKER_METADATA_PR_HEAD_SHA: 'yes' }, /DOCKER_METADATA_PR_HEAD_SHA='yes' is not a boolean/],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: 'seven' }, /DOCKER_METADATA_SHORT_SHA_LENGTH='seven'/],
    [{ DOCKER_METADATA_SHORT_SHA_LENGTH: '0' }, /DOCKER_METADATA_SHORT_SHA_LENGTH='0'/],
    [{ DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest,config' }, /DOCKER_METADATA_ANNOTATIONS_LEVELS: unknown level 'config'/]
  ])('rejects %j', (env, message) => {
    expect(() => metaSettingsFromEnv(env)).toThrow(message)
  })
})

describe('clockFromEnv', () => {
  it('reads SOURCE_DATE_EPOCH in seconds', () => {
    expect(clockFromEnv({ SOURCE_DATE_EPOCH: '1578616200' }).toISOString()).toBe(
      '2020-01-10T00:30:00.000Z'
    )
  })

  it('is the current time without it', () => {
    const before = Date.now()
    const clock = clockFromEnv({}).getTime()
    expect(clock).toBeGreaterThanOrEqual(before)
    expect(clock).toBeLessThanOrEqual(Date.now())
  })

  // prettier-ignore
  it.each([['yesterday'], ['-5'], ['1.5'], ['99999999999999999999']])('rejects %j', (text) => {
    expect(() => clockFromEnv({ SOURCE_DATE_EPOCH: text })).toThrow(`SOURCE_DATE_EPOCH='${text}'`)
  })
})
