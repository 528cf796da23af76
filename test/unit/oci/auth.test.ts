import { describe, expect, it } from '@jest/globals'
import { parseWwwAuthenticate, repositoryScope } from '../../../src/oci/auth.js'
import { isImageManifest, isIndex, mediaTypes } from '../../../src/oci/media-types.js'
import { backoffDelay, parseRetryAfter, registryScheme } from '../../../src/oci/registry.js'

describe('parseWwwAuthenticate', () => {
  // prettier-ignore
  it.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/ubuntu:pull"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/ubuntu:pull' } }]
    ],
    ['Basic realm="Registry Realm"', [{ scheme: 'basic', params: { realm: 'Registry Realm' } }]],
    ['basic', [{ scheme: 'basic', params: {} }]],
    [
      'Bearer realm="https://ghcr.io/token", service="ghcr.io", scope="repository:a/b:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:a/b:pull,push' } }]
    ],
    ['Bearer realm=https://r.io/t,service=r.io', [{ scheme: 'bearer', params: { realm: 'https://r.io/t', service: 'r.io' } }]],
    ['Bearer realm="a \\"quoted\\" realm"', [{ scheme: 'bearer', params: { realm: 'a "quoted" realm' } }]],
    [
      'Basic realm="x", Bearer realm="https://t",service="s"',
      [{ scheme: 'basic', params: { realm: 'x' } }, { scheme: 'bearer', params: { realm: 'https://t', service: 's' } }]
    ],
    ['', []]
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected)
  })

  it('builds repository scopes', () => {
    expect(repositoryScope('a/b', ['pull', 'push'])).toBe('repository:a/b:pull,push')
  })
})

describe('registryScheme', () => {
  // prettier-ignore
  it.each([
    ['127.0.0.1:5000', [], 'http'],
    ['127.1.2.3', [], 'http'],
    ['localhost', [], 'http'],
    ['localhost:5000', [], 'http'],
    ['[::1]:5000', [], 'http'],
    ['ghcr.io', [], 'https'],
    ['128.0.0.1:5000', [], 'https'],
    ['registry.lan:5000', ['registry.lan:5000'], 'http'],
    ['registry.lan:5000', ['registry.lan'], 'http'],
    ['registry.lan:5000', ['http://registry.lan:5000/'], 'http'],
    ['registry.lan:5000', ['other.lan'], 'https']
  ])('%s with insecure %j → %s', (registry, insecure, scheme) => {
    expect(registryScheme(registry, insecure)).toBe(scheme)
  })
})

describe('retry policy', () => {
  it('backs off exponentially up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, 500, 4000))).toEqual([
      500, 1000, 2000, 4000, 4000
    ])
  })
  // prettier-ignore
  it.each([
    ['7', 7000],
    [' 0 ', 0],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 5000],
    ['soon', undefined],
    [undefined, undefined]
  ])('Retry-After %j → %j ms', (value, ms) => {
    expect(parseRetryAfter(value, 5000)).toBe(ms)
  })
})

describe('media types', () => {
  it('tells indexes from image manifests', () => {
    expect(isIndex(mediaTypes.ociIndex)).toBe(true)
    expect(isIndex(`${mediaTypes.dockerManifestList}; charset=utf-8`)).toBe(true)
    expect(isIndex(mediaTypes.ociManifest)).toBe(false)
    expect(isImageManifest(mediaTypes.dockerManifest)).toBe(true)
    expect(isImageManifest(mediaTypes.ociIndex)).toBe(false)
  })
})
