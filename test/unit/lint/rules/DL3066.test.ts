import { describe, expect, it } from '@jest/globals'
import { DL3066 } from '../../../../src/lint/rules/DL3066.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3066 non-numeric USER', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nUSER 12345\n', []],
    ['FROM debian:12\nUSER 1234:5678\n', []],
    ['FROM debian:12\nUSER 1000:app\n', []],
    ['FROM debian:12\nUSER foobar\n', [2]],
    ['FROM debian:12\nUSER foobar:barfoo\n', [2]],
    ['FROM debian:12\nUSER root\n', [2]],
    ['FROM debian:12\nUSER ${APP_UID}\n', [2]],
    ['ARG APP_UID\nFROM debian:12\nUSER ${APP_UID}\n', []],
    ['FROM debian:12\nARG APP_UID=1000\nUSER $APP_UID\n', []],
    ['FROM debian:12\nARG APP_UID=1000\nUSER ${APP_UID}:${APP_UID}\n', []],
    ['FROM debian:12\nENV APP_UID=1000\nUSER ${APP_UID}\n', [3]],
    ['FROM debian:12\nUSER ${APP_UID}\nARG APP_UID\n', [2]],
    ['FROM debian:12\nONBUILD USER app\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3066, dockerfile)).toEqual(lines)
  })
})
