import { describe, expect, it } from '@jest/globals'
import { DL3040 } from '../../../../src/lint/rules/DL3040.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3040 dnf clean all after dnf install', () => {
  // prettier-ignore
  it.each([
    ['RUN dnf install -y mariadb-10.4', [2]],
    ['RUN microdnf install -y mariadb-10.4', [2]],
    ['RUN dnf install -y mariadb-10.4 && dnf clean all', []],
    ['RUN microdnf install -y mariadb-10.4 && microdnf clean all', []],
    ['RUN dnf install -y mariadb-10.4 && microdnf clean all', [2]],
    ['RUN dnf install -y mariadb-10.4 && rm -rf /var/cache/libdnf5*', []],
    ['RUN microdnf clean all && microdnf install -y mariadb-10.4', [2]],
    ['RUN rm -rf /var/cache/libdnf5 && dnf install -y mariadb-10.4', [2]],
    ['RUN dnf -y upgrade', [2]],
    ['RUN dnf -y up && dnf clean all', []],
    ['RUN dnf -y upgrade-minimal', [2]],
    ['RUN dnf -y reinstall bash', [2]],
    ['RUN dnf -y rei bash && dnf clean all', []],
    ['RUN dnf in -y mariadb-10.4', [2]],
    ['RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', []],
    ['RUN --mount=type=tmpfs,target=/root/.cache/libdnf5 dnf install -y mariadb-10.4', []],
    ['RUN --mount=type=bind,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', [2]],
    ['RUN dnf repolist', []],
    ['RUN notdnf install mariadb', []],
    ['ONBUILD RUN dnf install -y mariadb-10.4', [2]],
    ['ONBUILD RUN dnf install -y mariadb-10.4 && dnf clean all', []],
    ['ONBUILD RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb-10.4', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3040, `FROM fedora:40\n${run}\n`)).toEqual(lines)
  })
})
