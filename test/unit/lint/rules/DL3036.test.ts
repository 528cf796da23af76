import { describe, expect, it } from '@jest/globals'
import { DL3036 } from '../../../../src/lint/rules/DL3036.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3036 zypper clean after zypper install', () => {
  // prettier-ignore
  it.each([
    ['RUN zypper install -y mariadb=10.4', [2]],
    ['RUN zypper in -y mariadb=10.4', [2]],
    ['RUN zypper install -y mariadb=10.4 && zypper clean', []],
    ['RUN zypper install -y mariadb=10.4 && zypper cc', []],
    ['RUN zypper clean && zypper install -y mariadb=10.4', [2]],
    ['RUN --mount=type=cache,target=/var/cache/zypp zypper install -y mariadb', []],
    ['RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb', []],
    ['RUN --mount=type=bind,target=/var/cache/zypp zypper install -y mariadb', [2]],
    ['RUN zypper refresh', []],
    ['ONBUILD RUN zypper install -y mariadb=10.4', [2]],
    ['ONBUILD RUN zypper install -y mariadb=10.4 && zypper clean', []],
    ['ONBUILD RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3036, `FROM opensuse/leap:15\n${run}\n`)).toEqual(lines)
  })
})
