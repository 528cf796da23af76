import { describe, expect, it } from '@jest/globals'
import { DL3000 } from '../../../../src/lint/rules/DL3000.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3000 absolute WORKDIR', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nWORKDIR app\n', [2]],
    ['FROM debian:12\nWORKDIR ./app\n', [2]],
    ['FROM debian:12\nWORKDIR "app"\n', [2]],
    ['FROM debian:12\nWORKDIR /app\n', []],
    ['FROM debian:12\nWORKDIR "/app"\n', []],
    ['FROM debian:12\nWORKDIR $HOME/app\n', []],
    ['FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n', []],
    ['FROM debian:12\nONBUILD WORKDIR app\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3000, dockerfile)).toEqual(lines)
  })
})
