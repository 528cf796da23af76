import { describe, expect, it } from '@jest/globals'
import { DL4006 } from '../../../../src/lint/rules/DL4006.js'
import { hitLines } from '../../../helpers/lint.js'

const pipe = 'RUN wget -O - https://some.site | wc -l > /number'

describe('DL4006 pipefail before RUN with a pipe', () => {
  // prettier-ignore
  it.each([
    [pipe, [2]],
    ['RUN wget -O - https://some.site && wc -l file > /number', []],
    ['RUN false || true', []],
    ['RUN ["sh", "-c", "a | b"]', [2]],
    ['RUN <<EOF\nwget -O - https://some.site | wc -l\nEOF', [2]],
    [`SHELL ["/bin/bash", "-eo", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/bin/bash", "-e", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/bin/bash", "-o", "errexit", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/bin/ash", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/usr/bin/bash", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/usr/local/bin/zsh", "-o", "pipefail", "-c"]\n${pipe}`, []],
    [`SHELL ["/bin/sh", "-o", "pipefail", "-c"]\n${pipe}`, [3]],
    [`SHELL ["/bin/bash", "-c"]\n${pipe}`, [3]],
    [`SHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}\nSHELL ["/bin/sh", "-c"]\n${pipe}`, [5]],
    [`${pipe}\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n${pipe}`, [2]],
    [`SHELL [ "pwsh", "-c" ]\nRUN Get-Variable PSVersionTable | Select-Object -ExpandProperty Value`, []],
    [`SHELL [ "powershell.exe" ]\nRUN Get-Variable PSVersionTable | Select-Object Value`, []],
    [`SHELL [ "cmd.exe", "/c" ]\nRUN dir | more`, []],
    [`# hadolint shell=powershell\n${pipe}`, [3]],
    [`ONBUILD ${pipe}`, []]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL4006, `FROM debian:12\n${instructions}\n`)).toEqual(lines)
  })

  const bashPipefail = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]'
  // prettier-ignore
  it.each([
    ['a new stage starts with the default shell', `FROM debian:12 AS build\n${bashPipefail}\n${pipe}\nFROM debian:12 AS build2\n${pipe}\n`, [5]],
    ['a stage built FROM another keeps its SHELL', `FROM debian:12 AS base\n${bashPipefail}\nFROM base\n${pipe}\n`, []],
    ['a stage built FROM another keeps its last SHELL', `FROM debian:12 AS base\n${bashPipefail}\nSHELL ["/bin/sh", "-c"]\nFROM base\n${pipe}\n`, [5]],
    ['the same base image is not the stage', `FROM debian:12\n${bashPipefail}\nFROM debian:12\n${pipe}\n`, [4]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL4006, dockerfile)).toEqual(lines)
  })
})
