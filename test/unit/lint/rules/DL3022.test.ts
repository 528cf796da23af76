import { describe, expect, it } from '@jest/globals'
import { DL3022 } from '../../../../src/lint/rules/DL3022.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3022 COPY --from names an earlier stage', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nCOPY --from=build /out /opt\n', [2]],
    ['COPY --from=0 /out /opt\n', [1]],
    ['FROM debian:12\nCOPY --from=1 /out /opt\n', [2]],
    ['FROM debian:12\nCOPY --from=build /out /opt\nFROM debian:12 AS build\n', [2]],
    ['FROM debian:12 AS build\nRUN make\nFROM debian:12\nCOPY --from=build /out /opt\n', []],
    ['FROM debian:12 AS Build\nFROM debian:12\nCOPY --from=build /out /opt\n', []],
    ['FROM debian:12 AS build\nFROM debian:12\nCOPY --from=0 /out /opt\n', []],
    ['FROM debian:12\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n', []],
    ['FROM debian:12\nCOPY /src /opt\n', []],
    ['FROM debian:12\nONBUILD COPY --from=build /out /opt\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3022, dockerfile)).toEqual(lines)
  })
})
