import { describe, expect, it } from '@jest/globals'
import { DL3009 } from '../../../../src/lint/rules/DL3009.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3009 apt lists left in the layer', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', [2]],
    ['FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n', []],
    ['FROM debian:12\nRUN apt update && apt install -y curl\n', [2]],
    ['FROM debian:12\nRUN aptitude update && aptitude install -y curl && rm -rf /var/lib/apt/lists/*\n', []],
    ['FROM debian:12\nRUN apt-get update && rm -rf /tmp/*\n', [2]],
    ['FROM debian:12\nRUN apt-get install -y ./local.deb\n', []],
    ['FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n', []],
    ['FROM debian:12\nRUN --mount=type=tmpfs,target=/var/lib/apt/lists apt-get update\n', []],
    ['FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update\n', []],
    ['FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update\n', [2]],
    ['FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update\n', [2]],
    ['FROM debian:12\nRUN --mount=type=bind,target=/var/lib/apt/lists apt-get update\n', [2]],
    ['FROM debian:12 AS build\nRUN apt-get update\nFROM debian:12\nRUN true\n', []],
    ['FROM debian:12 AS build\nRUN true\nFROM debian:12\nRUN apt-get update\n', [4]],
    ['FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN true\n', [2]],
    ['FROM debian:12 AS base\nRUN apt-get update\nFROM debian:12\nCOPY --from=base /etc/os-release /\n', []],
    ['FROM debian:12\nONBUILD RUN apt-get update\n', [2]],
    ['FROM debian:12 AS build\nONBUILD RUN apt-get update\nFROM scratch\n', [2]],
    ['FROM debian:12\nONBUILD RUN apt-get update && rm -rf /var/lib/apt/lists/*\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3009, dockerfile)).toEqual(lines)
  })
})
