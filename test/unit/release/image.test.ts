import { describe, expect, it } from '@jest/globals'
import { parseImages } from '../../../src/release/image.js'

describe('parseImages', () => {
  // prettier-ignore
  it.each([
    [['name/foo'], [{ name: 'name/foo', enable: true }]],
    [['name/foo,name/bar'], [{ name: 'name/foo', enable: true }, { name: 'name/bar', enable: true }]],
    [['name/foo', 'name/bar'], [{ name: 'name/foo', enable: true }, { name: 'name/bar', enable: true }]],
    [['name=name/bar'], [{ name: 'name/bar', enable: true }]],
    [['name/foo,enable=false'], [{ name: 'name/foo', enable: false }]],
    [['name=ghcr.io/UserName/Foo,enable=true'], [{ name: 'ghcr.io/username/foo', enable: true }]],
    [['localhost:5000/app'], [{ name: 'localhost:5000/app', enable: true }]],
    [['registry.example.com/a/b/c__d-e.f'], [{ name: 'registry.example.com/a/b/c__d-e.f', enable: true }]],
    [['app'], [{ name: 'app', enable: true }]],
    [[], []]
  ])('%j', (entries, expected) => {
    expect(parseImages(entries)).toEqual(expected)
  })

  // prettier-ignore
  it.each([
    [['value=name/foo'], /unknown attribute 'value'/],
    [['name/foo,enable=bar'], /enable=bar is not 'true' or 'false'/],
    [['name/foo,bar=baz'], /unknown attribute 'bar'/],
    [['name=,enable=true'], /the image name is empty/],
    [['name/foo,name=name/bar,enable=true'], /more than one name/],
    [['name/app:1.0'], /includes a tag or digest/],
    [['name/app@sha256:abc'], /includes a tag or digest/],
    [['name//app'], /not a valid image name/],
    [['-app'], /not a valid image name/],
    [['has space'], /not a valid image name/]
  ])('rejects %j', (entries, message) => {
    expect(() => parseImages(entries)).toThrow(message)
  })
})
