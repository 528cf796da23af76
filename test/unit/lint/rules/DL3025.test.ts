import { describe, expect, it } from '@jest/globals'
import { DL3025 } from '../../../../src/lint/rules/DL3025.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3025 JSON form for CMD and ENTRYPOINT', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nCMD nginx -g "daemon off;"\n', [2]],
    ['FROM debian:12\nENTRYPOINT /entrypoint.sh\n', [2]],
    ['FROM debian:12\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/\n', [2]],
    ['FROM debian:12\nCMD [\'nginx\', \'-g\', \'daemon off;\']\n', [2]],
    ['FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n', []],
    ['FROM debian:12\nENTRYPOINT [ "/entrypoint.sh" ]\n', []],
    ['FROM debian:12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n', []],
    ['FROM debian:12\nHEALTHCHECK NONE\n', []],
    ['FROM debian:12\nRUN echo hello\n', []],
    ['FROM debian:12\nONBUILD CMD nginx\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3025, dockerfile)).toEqual(lines)
  })
})
