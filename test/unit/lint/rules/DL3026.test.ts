import { describe, expect, it } from '@jest/globals'
import { DL3026 } from '../../../../src/lint/rules/DL3026.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3026 trusted registries', () => {
  // prettier-ignore
  it.each([
    // No trustedRegistries: the rule is off.
    [[], 'FROM evil.example.com/app:1\n', []],
    [['ghcr.io'], 'FROM evil.example.com/app:1\n', [1]],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\n', []],
    [['ghcr.io'], 'FROM debian:12\n', [1]],
    [['ghcr.io'], 'FROM library/debian:12\n', [1]],
    [['ghcr.io'], 'FROM docker.io/library/debian:12\n', [1]],
    [['docker.io'], 'FROM debian:12\n', []],
    [['hub.docker.com'], 'FROM org/app:1\n', []],
    [['docker.io'], 'FROM docker.io/library/debian:12\n', []],
    [['ghcr.io'], 'FROM scratch\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1 AS build\nFROM build AS test\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1 AS build\nFROM quay.io/org/app:1\n', [2]],
    [['localhost:5000'], 'FROM localhost:5000/app:1\n', []],
    [['registry.example.com:5000'], 'FROM registry.example.com:5000/app:1\n', []],
    // Wildcards.
    [['*'], 'FROM anything.example.org/app:1\n', []],
    [['*.example.com'], 'FROM registry.example.com/app:1\n', []],
    [['*.example.com'], 'FROM example.org/app:1\n', [1]],
    [['registry.example.*'], 'FROM registry.example.net/app:1\n', []],
    [['registry.example.*'], 'FROM mirror.example.net/app:1\n', [1]],
    [['*docker.io'], 'FROM debian:12\n', []],
    // Images pulled by COPY --from and RUN --mount.
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nCOPY --from=quay.io/org/tools:1 /bin/tool /bin/\n', [2]],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nCOPY --from=ghcr.io/org/tools:1 /bin/tool /bin/\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1 AS build\nFROM ghcr.io/org/app:1\nCOPY --from=build /out /opt\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1 AS build\nFROM ghcr.io/org/app:1\nCOPY --from=0 /out /opt\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nRUN --mount=type=bind,from=quay.io/org/src:1,target=/src make\n', [2]],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nRUN --mount=type=cache,from=quay.io/org/cache:1,target=/c make\n', [2]],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nRUN --mount=type=bind,from=ghcr.io/org/src:1,target=/src make\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nRUN --mount=type=cache,target=/root/.cache make\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1 AS src\nFROM ghcr.io/org/app:1\nRUN --mount=type=bind,from=src,target=/src make\n', []],
    [['ghcr.io'], 'FROM ghcr.io/org/app:1\nONBUILD COPY --from=quay.io/org/tools:1 /bin/tool /bin/\n', []]
  ])('trusted %j: %j → lines %j', async (trustedRegistries, dockerfile, lines) => {
    expect(await hitLines(DL3026, dockerfile, { trustedRegistries })).toEqual(lines)
  })
})
