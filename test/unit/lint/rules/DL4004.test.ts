import { describe, expect, it } from '@jest/globals'
import { DL4004 } from '../../../../src/lint/rules/DL4004.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL4004 several ENTRYPOINT in a stage', () => {
  // prettier-ignore
  it.each([
    ['FROM busybox\n', []],
    ['FROM busybox\nENTRYPOINT ["bash"]\n', []],
    ['FROM busybox\nENTRYPOINT bash\nENTRYPOINT another\n', [3]],
    ['FROM busybox\nENTRYPOINT a\nRUN foo\nENTRYPOINT b\nENTRYPOINT c\n', [4, 5]],
    ['FROM debian AS distro1\nENTRYPOINT bash\nRUN foo\nFROM debian AS distro2\nENTRYPOINT another\n', []],
    ['FROM debian AS distro1\nENTRYPOINT bash\nRUN foo\nENTRYPOINT another\nFROM debian AS distro2\nENTRYPOINT another\n', [4]],
    ['FROM busybox\nENTRYPOINT a\nONBUILD ENTRYPOINT b\n', []],
    ['FROM busybox\nENTRYPOINT a\nCMD b\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL4004, dockerfile)).toEqual(lines)
  })
})
