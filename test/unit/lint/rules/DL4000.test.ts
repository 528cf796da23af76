import { describe, expect, it } from '@jest/globals'
import { DL4000 } from '../../../../src/lint/rules/DL4000.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL4000 MAINTAINER is deprecated', () => {
  // prettier-ignore
  it.each([
    ['FROM busybox\nMAINTAINER hudu@mail.com\n', [2]],
    ['FROM debian\nMAINTAINER Lukas\n', [2]],
    ['FROM debian\nLABEL maintainer="Lukas"\n', []],
    ['FROM debian\n# MAINTAINER Lukas\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL4000, dockerfile)).toEqual(lines)
  })
})
