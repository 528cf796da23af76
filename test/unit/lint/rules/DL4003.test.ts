import { describe, expect, it } from '@jest/globals'
import { DL4003 } from '../../../../src/lint/rules/DL4003.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL4003 several CMD in a stage', () => {
  // prettier-ignore
  it.each([
    ['FROM busybox\n', []],
    ['FROM busybox\nCMD ["bash"]\n', []],
    ['FROM busybox\nCMD bash\nCMD another\n', [3]],
    ['FROM busybox\nCMD a\nRUN foo\nCMD b\nCMD c\n', [4, 5]],
    ['FROM debian AS distro1\nCMD bash\nRUN foo\nFROM debian AS distro2\nCMD another\n', []],
    ['FROM debian AS distro1\nCMD bash\nRUN foo\nCMD another\nFROM debian AS distro2\nCMD another\n', [4]],
    ['FROM busybox\nCMD a\nONBUILD CMD b\n', []],
    ['FROM busybox\nCMD a\nENTRYPOINT b\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL4003, dockerfile)).toEqual(lines)
  })
})
