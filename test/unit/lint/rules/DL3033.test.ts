import { describe, expect, it } from '@jest/globals'
import { DL3033 } from '../../../../src/lint/rules/DL3033.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3033 pin yum package versions', () => {
  // prettier-ignore
  it.each([
    ['RUN yum install -y tomcat && yum clean all', [2]],
    ['RUN yum install -y tomcat-9.2 && yum clean all', []],
    ['RUN yum install -y openssl-1:1.1.1k', []],
    ['RUN yum install -y gcc-c++-4.8.5', []],
    ['RUN yum install -y rpm-sign', [2]],
    ['RUN yum install -y tomcat-9.2 rpm-sign', [2]],
    ['RUN yum install -y ./local-pkg-1.0-1.x86_64.rpm', []],
    ['RUN yum module install -y tomcat', [2]],
    ['RUN yum module install -y tomcat:9', []],
    ['RUN yum group install -y "Development Tools"', []],
    ['RUN yum update -y', []],
    ['RUN bash -c `# not even a yum command`', []],
    ['ONBUILD RUN yum install -y tomcat', [2]],
    ['ONBUILD RUN yum install -y tomcat-9.2', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3033, `FROM centos:7\n${run}\n`)).toEqual(lines)
  })

  // prettier-ignore
  it.each([
    ['a version in an ARG', 'FROM centos:7\nARG V=2.4\nRUN yum install -y httpd-${V}\n', []],
    ['a version in an ENV', 'FROM centos:7\nENV V=2.4\nRUN yum install -y "httpd-$V"\n', []],
    ['an undeclared variable', 'FROM centos:7\nRUN yum install -y httpd-${V}\n', [2]],
    ['a variable declared later', 'FROM centos:7\nRUN yum install -y httpd-${V}\nARG V=2.4\n', [2]],
    ['an ARG before the first FROM', 'ARG V=2.4\nFROM centos:7\nRUN yum install -y httpd-${V}\n', []],
    ['an ARG of another stage', 'FROM centos:7 AS a\nARG V=2.4\nFROM centos:7\nRUN yum install -y httpd-${V}\n', []],
    ['an ENV of another stage', 'FROM centos:7 AS a\nENV V=2.4\nFROM centos:7\nRUN yum install -y httpd-${V}\n', [4]],
    ['an ENV of the parent stage', 'FROM centos:7 AS a\nENV V=2.4\nFROM a\nRUN yum install -y httpd-${V}\n', []],
    ['ONBUILD ARG for ONBUILD RUN', 'FROM centos:7\nONBUILD ARG V\nONBUILD RUN yum install -y httpd-${V}\n', []],
    ['a plain ARG is not seen by ONBUILD RUN', 'FROM centos:7\nARG V\nONBUILD RUN yum install -y httpd-${V}\n', [3]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3033, dockerfile)).toEqual(lines)
  })
})
