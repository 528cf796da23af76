import { describe, expect, it } from '@jest/globals'
import { DL3030 } from '../../../../src/lint/rules/DL3030.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3030 yum install without -y', () => {
  // prettier-ignore
  it.each([
    ['RUN yum install httpd-2.4.24', [2]],
    ['RUN yum groupinstall "Development Tools"', [2]],
    ['RUN yum localinstall ./pkg-1.0.rpm', [2]],
    ['RUN yum makecache && yum install httpd-2.4.24', [2]],
    ['RUN yum install -y httpd-2.4.24', []],
    ['RUN yum -y install httpd-2.4.24', []],
    ['RUN yum install --assumeyes httpd-2.4.24', []],
    ['RUN yum install -qy httpd-2.4.24', []],
    ['RUN yum update', []],
    ['RUN dnf install httpd', []],
    ['RUN ["yum", "install", "httpd"]', [2]],
    ['RUN <<EOF\nyum install httpd\nEOF', [2]],
    ['ONBUILD RUN yum install httpd-2.4.24', [2]],
    ['ONBUILD RUN yum install -y httpd-2.4.24', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3030, `FROM centos:7\n${run}\n`)).toEqual(lines)
  })
})
