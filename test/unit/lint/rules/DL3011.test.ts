import { describe, expect, it } from '@jest/globals'
import { DL3011 } from '../../../../src/lint/rules/DL3011.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3011 valid ports', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nEXPOSE 80000\n', [2]],
    ['FROM debian:12\nEXPOSE 80 65536/udp\n', [2]],
    ['FROM debian:12\nEXPOSE 8000-70000\n', [2]],
    ['FROM debian:12\nEXPOSE 70000-70001/tcp\n', [2]],
    ['FROM debian:12\nEXPOSE 65535\n', []],
    ['FROM debian:12\nEXPOSE 0 443/tcp 53/udp\n', []],
    ['FROM debian:12\nEXPOSE 30000-32767/tcp\n', []],
    ['FROM debian:12\nEXPOSE $PORT ${OTHER_PORT}\n', []],
    ['FROM debian:12\nONBUILD EXPOSE 80000\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3011, dockerfile)).toEqual(lines)
  })
})
