import { describe, expect, it } from '@jest/globals'
import { DL3043 } from '../../../../src/lint/rules/DL3043.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3043 ONBUILD triggering ONBUILD, FROM or MAINTAINER', () => {
  // prettier-ignore
  it.each([
    ['ONBUILD ONBUILD RUN make', [2]],
    ['ONBUILD FROM debian:12', [2]],
    ['ONBUILD MAINTAINER someone', [2]],
    ['ONBUILD RUN make', []],
    ['ONBUILD USER app', []],
    ['ONBUILD CMD ["app"]', []],
    ['ONBUILD EXPOSE 69', []],
    ['ONBUILD HEALTHCHECK NONE', []],
    ['FROM debian:12', []]
  ])('%j → lines %j', async (instruction, lines) => {
    expect(await hitLines(DL3043, `FROM debian:12\n${instruction}\n`)).toEqual(lines)
  })
})
