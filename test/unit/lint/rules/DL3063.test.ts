import { describe, expect, it } from '@jest/globals'
import { DL3063 } from '../../../../src/lint/rules/DL3063.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3063 reserved stage names', () => {
  // prettier-ignore
  it.each([
    ['FROM foo:bar AS context\n', [1]],
    ['FROM foo:bar AS scratch\n', [1]],
    ['FROM foo:bar as Scratch\n', [1]],
    ['FROM foo:bar AS foobar\n', []],
    ['FROM foo:bar AS scratchpad\n', []],
    ['FROM scratch\n', []],
    ['FROM scratch AS base\n', []],
    ['FROM foo:bar AS a\nFROM a AS context\n', [2]]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3063, dockerfile)).toEqual(lines)
  })
})
