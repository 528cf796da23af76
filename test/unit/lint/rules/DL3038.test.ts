import { describe, expect, it } from '@jest/globals'
import { DL3038 } from '../../../../src/lint/rules/DL3038.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3038 dnf install without -y', () => {
  // prettier-ignore
  it.each([
    ['RUN dnf install httpd-2.4.24', [2]],
    ['RUN microdnf install httpd-2.4.24', [2]],
    ['RUN dnf groupinstall "Development Tools"', [2]],
    ['RUN dnf localinstall ./pkg-1.0.rpm', [2]],
    ['RUN dnf install -y httpd-2.4.24 && dnf clean all', []],
    ['RUN microdnf -y install httpd-2.4.24', []],
    ['RUN dnf install --assumeyes httpd-2.4.24', []],
    ['RUN notdnf install httpd', []],
    ['RUN yum install httpd', []],
    ['ONBUILD RUN dnf install httpd-2.4.24 && dnf clean all', [2]],
    ['ONBUILD RUN dnf install -y httpd-2.4.24', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3038, `FROM fedora:40\n${run}\n`)).toEqual(lines)
  })
})
