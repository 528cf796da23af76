import { describe, expect, it } from '@jest/globals'
import { DL3032 } from '../../../../src/lint/rules/DL3032.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3032 yum clean all after yum install', () => {
  // prettier-ignore
  it.each([
    ['RUN yum install -y mariadb-10.4', [2]],
    ['RUN yum install -y mariadb-10.4 && yum clean all', []],
    ['RUN yum install -y mariadb-10.4 && rm -rf /var/cache/yum/*', []],
    ['RUN yum clean all && yum install -y mariadb-10.4', [2]],
    ['RUN yum -y update && yum clean all', []],
    ['RUN bash -c `# no yum here`', []],
    ['RUN dnf install -y mariadb-10.4', []],
    ['RUN yum install -y a-1 \\\n && yum clean all', []],
    ['ONBUILD RUN yum install -y mariadb-10.4', [2]],
    ['ONBUILD RUN yum install -y mariadb-10.4 && yum clean all', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3032, `FROM centos:7\n${run}\n`)).toEqual(lines)
  })
})
