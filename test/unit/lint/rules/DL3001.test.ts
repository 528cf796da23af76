import { describe, expect, it } from '@jest/globals'
import { DL3001 } from '../../../../src/lint/rules/DL3001.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3001 commands pointless in a build', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN ps aux\n', [2]],
    ['FROM debian:12\nRUN apt-get update && service nginx start\n', [2]],
    ['FROM debian:12\nRUN echo ok\nRUN ssh host uptime\n', [3]],
    ['FROM debian:12\nRUN if true; then top -b; fi\n', [2]],
    ['FROM debian:12\nONBUILD RUN vim /etc/hosts\n', [2]],
    ['FROM debian:12\nRUN ifconfig\n', []],
    ['FROM debian:12\nRUN apt-get install -y procps vim\n', []],
    ['FROM debian:12\nRUN echo kill\n', []],
    ['FROM debian:12\nCMD ["top"]\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3001, dockerfile)).toEqual(lines)
  })
})
