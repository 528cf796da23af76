import { describe, expect, it } from '@jest/globals'
import { parseFlavor } from '../../../src/release/flavor.js'

const defaults = {
  latest: 'auto',
  prefix: '',
  prefixLatest: false,
  suffix: '',
  suffixLatest: false
}

describe('parseFlavor', () => {
  // prettier-ignore
  it.each([
    [[], {}],
    [['latest=true'], { latest: 'true' }],
    [['latest=false'], { latest: 'false' }],
    [['latest=auto'], { latest: 'auto' }],
    [['prefix=dev-'], { prefix: 'dev-' }],
    [['suffix=-alpine'], { suffix: '-alpine' }],
    [['prefix= '], { prefix: '' }],
    [['latest=false', 'prefix=dev-', 'suffix=-alpine'], { latest: 'false', prefix: 'dev-', suffix: '-alpine' }],
    [['prefix=dev-,onlatest=true'], { prefix: 'dev-', prefixLatest: true }],
    [['suffix=-alpine,onlatest=true'], { suffix: '-alpine', suffixLatest: true }],
    [['prefix=a-,onlatest=true', 'suffix=-b,onlatest=false'], { prefix: 'a-', prefixLatest: true, suffix: '-b' }],
    [['Latest=true'], { latest: 'true' }]
  ])('%j', (entries, expected) => {
    expect(parseFlavor(entries)).toEqual({ ...defaults, ...expected })
  })

  // prettier-ignore
  it.each([
    [['randomstr'], /flavor entry 'randomstr': 'randomstr' is not key=value/],
    [['latest'], /'latest' is not key=value/],
    [['latest=foo'], /latest=foo is not auto, true or false/],
    [['unknown=foo'], /unknown key 'unknown'/],
    [['prefix=a,onlatest=yes'], /onlatest=yes is not 'true' or 'false'/],
    [['onlatest=true'], /onlatest= must follow prefix= or suffix=/]
  ])('rejects %j', (entries, message) => {
    expect(() => parseFlavor(entries)).toThrow(message)
  })
})
