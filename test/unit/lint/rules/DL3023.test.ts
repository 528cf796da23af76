import { describe, expect, it } from '@jest/globals'
import { DL3023 } from '../../../../src/lint/rules/DL3023.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3023 COPY --from its own stage', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12 AS build\nCOPY --from=build /out /opt\n', [2]],
    ['FROM debian:12 AS Build\nCOPY --from=build /out /opt\n', [2]],
    ['FROM debian:12 AS build\nRUN make\nFROM debian:12 AS final\nCOPY --from=final /out /opt\n', [4]],
    ['FROM debian:12 AS build\nFROM debian:12 AS final\nCOPY --from=build /out /opt\n', []],
    ['FROM debian:12\nCOPY --from=build /out /opt\n', []],
    ['FROM debian:12 AS build\nCOPY /src /opt\n', []],
    ['FROM debian:12 AS build\nONBUILD COPY --from=build /out /opt\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3023, dockerfile)).toEqual(lines)
  })
})
