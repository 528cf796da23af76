import { describe, expect, it } from '@jest/globals'
import { DL3067 } from '../../../../src/lint/rules/DL3067.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3067 COPY of a whole stage filesystem', () => {
  // prettier-ignore
  it.each([
    ['COPY --from=build / /', [3]],
    ['COPY --from=build "/" "/"', [3]],
    ['COPY --from=build ["/", "/"]', [3]],
    ['COPY --from=build --chown=app / /', [3]],
    ['COPY --from=build /etc / /', [3]],
    ['COPY --from=build /app /', []],
    ['COPY --from=build / /app', []],
    ['COPY / /', []],
    ['ONBUILD COPY --from=build / /', []]
  ])('%j → lines %j', async (copy, lines) => {
    expect(await hitLines(DL3067, `FROM debian:12 AS build\nFROM debian:12\n${copy}\n`)).toEqual(lines)
  })
})
