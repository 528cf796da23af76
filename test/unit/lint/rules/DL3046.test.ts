import { describe, expect, it } from '@jest/globals'
import { DL3046 } from '../../../../src/lint/rules/DL3046.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3046 useradd with a high UID and without -l', () => {
  // prettier-ignore
  it.each([
    ['RUN useradd -u 123456 app', [2]],
    ['RUN useradd -m -u 1000000 app', [2]],
    ['RUN useradd -mu 123456 app', [2]],
    ['RUN useradd --uid 123456 app', [2]],
    ['RUN useradd --uid=123456 app', [2]],
    ['RUN useradd -u "123456" app', [2]],
    ['RUN useradd -u 12345 app', []],
    ['RUN useradd -l -u 123456 app', []],
    ['RUN useradd --no-log-init -u 123456 app', []],
    ['RUN useradd -lu 123456 app', []],
    ['RUN useradd -l app', []],
    ['RUN useradd app', []],
    ['RUN adduser -u 123456 app', []],
    ['ONBUILD RUN useradd -u 123456 app', [2]],
    ['ONBUILD RUN useradd -l -u 123456 app', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3046, `FROM debian:12\n${run}\n`)).toEqual(lines)
  })
})
