import { describe, expect, it } from '@jest/globals'
import {
  isPep440Devrelease,
  isPep440Postrelease,
  isPep440Prerelease,
  normalizePep440,
  parsePep440,
  pep440Part
} from '../../../src/release/pep440.js'

function normalized(text: string): string | undefined {
  const version = parsePep440(text)
  return version && normalizePep440(version)
}

describe('PEP 440 normalisation', () => {
  // prettier-ignore
  it.each([
    ['1.0', '1.0'],
    ['v1.0', '1.0'],
    ['V1.0', '1.0'],
    ['01.002.0003', '1.2.3'],
    ['0!1.0', '1.0'],
    ['2!1.0', '2!1.0'],
    ['1.0a1', '1.0a1'],
    ['1.0alpha1', '1.0a1'],
    ['1.0-ALPHA-1', '1.0a1'],
    ['1.0.b2', '1.0b2'],
    ['1.0beta', '1.0b0'],
    ['1.0-beta-', '1.0b0'],
    ['1.0c1', '1.0rc1'],
    ['1.0pre1', '1.0rc1'],
    ['1.0preview_1', '1.0rc1'],
    ['1.0RC01', '1.0rc1'],
    ['1.0post1', '1.0.post1'],
    ['1.0-post', '1.0.post0'],
    ['1.0rev2', '1.0.post2'],
    ['1.0r3', '1.0.post3'],
    ['1.0-1', '1.0.post1'],
    ['1.0dev', '1.0.dev0'],
    ['1.0-dev_4', '1.0.dev4'],
    ['1.0a1.post2.dev3', '1.0a1.post2.dev3'],
    ['1.0+Ubuntu-1', '1.0+ubuntu.1'],
    ['1.0+abc_007.x', '1.0+abc.7.x']
  ])('%s → %s', (text, expected) => {
    expect(normalized(text)).toBe(expected)
  })

  // prettier-ignore
  it.each([
    [''], ['v'], ['1.'], ['.1'], ['1.0-'], ['1.0+'], ['1.0+a..b'], ['1.0gamma1'], ['1.0-beta-1-'], ['release1'], [' 1.0'], ['1.0 '], ['1.0-1-1']
  ])('rejects %j', (text) => {
    expect(parsePep440(text)).toBeUndefined()
  })

  // prettier-ignore
  it.each([
    ['1.0', false, false, false],
    ['1.0rc1', true, false, false],
    ['1.0.dev1', true, false, true],
    ['1.0.post1', false, true, false],
    ['1.0rc1.post1', true, true, false],
    ['1.0+local', false, false, false]
  ])('%s: pre-release %s, post-release %s, dev-release %s', (text, pre, post, dev) => {
    const version = parsePep440(text)!
    expect([isPep440Prerelease(version), isPep440Postrelease(version), isPep440Devrelease(version)]).toEqual([pre, post, dev])
  })

  it('gives release parts, missing ones as 0', () => {
    const version = parsePep440('v4.05')!
    expect([pep440Part(version, 0), pep440Part(version, 1), pep440Part(version, 2)]).toEqual([
      '4',
      '5',
      '0'
    ])
    expect(version.raw).toBe('v4.05')
  })
})
