import { describe, expect, it } from '@jest/globals'
import { DL1001 } from '../../../../src/lint/rules/DL1001.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL1001 inline ignore pragmas', () => {
  // prettier-ignore
  it.each([
    ['# hadolint ignore=DL3008\nFROM debian:12\n', [1]],
    ['FROM debian:12\n#hadolint ignore=DL3008,DL3015\nRUN apt-get install -y curl\n', [2]],
    ['FROM debian:12\n# hadolint ignore=DL3008 # pinned upstream\nRUN true\n', [2]],
    ['# hadolint global ignore=DL3008\nFROM debian:12\n', []],
    ['# hadolint stage ignore=DL3008\nFROM debian:12\n', []],
    ['# hadolint shell=bash\nFROM debian:12\n', []],
    ['# hadolint ignore=dl3008\nFROM debian:12\n', []],
    ['# just a note about hadolint\nFROM debian:12\n', []],
    ['FROM debian:12\nRUN echo "# hadolint ignore=DL3008"\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL1001, dockerfile)).toEqual(lines)
  })
})
