import { describe, expect, it } from '@jest/globals'
import { DL3041 } from '../../../../src/lint/rules/DL3041.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3041 pin dnf package versions', () => {
  // prettier-ignore
  it.each([
    ['RUN dnf install -y tomcat && dnf clean all', [2]],
    ['RUN microdnf install -y tomcat', [2]],
    ['RUN dnf install -y rpm-sign', [2]],
    ['RUN dnf install -y tomcat-9.0.1 && dnf clean all', []],
    ['RUN microdnf install -y rpm-sign-4.16.1.3', []],
    ['RUN dnf install -y gcc-c++-1.1.1', []],
    ['RUN dnf install -y openssl-1:1.1.1k', []],
    ['RUN dnf install -y tomcat-9.0.1 curl', [2]],
    ['RUN dnf install -y https://example.com/epel-release-9.noarch.rpm', []],
    ['RUN dnf module install -y tomcat', [2]],
    ['RUN dnf module install -y tomcat:9', []],
    ['RUN microdnf module install -y tomcat:9', []],
    ['RUN dnf -y group install "Development Tools"', []],
    ['RUN notdnf install tomcat', []],
    ['RUN yum install -y tomcat', []],
    ['ONBUILD RUN dnf install -y tomcat', [2]],
    ['ONBUILD RUN dnf module install -y tomcat', [2]],
    ['ONBUILD RUN microdnf install -y gcc-c++-1.1.1', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3041, `FROM fedora:40\n${run}\n`)).toEqual(lines)
  })

  // prettier-ignore
  it.each([
    ['a version in an ARG', 'FROM fedora:40\nARG GIT_VER=2.51.0-2.fc42\nRUN dnf install -y "git-core-${GIT_VER}"\n', []],
    ['a version in an ENV', 'FROM fedora:40\nENV GIT_VER=2.51.0\nRUN dnf install -y git-core-$GIT_VER\n', []],
    ['an undeclared variable', 'FROM fedora:40\nRUN dnf install -y git-core-${GIT_VER}\n', [2]],
    ['one of two variables undeclared', 'FROM fedora:40\nARG A=1\nRUN dnf install -y git-${A}-${B}\n', [3]],
    ['an ARG before the first FROM', 'ARG V=2.51.0\nFROM fedora:40\nRUN dnf install -y git-${V}\n', []],
    ['an ARG of another stage', 'FROM fedora:40 AS build\nARG V=2.51.0\nFROM fedora:40\nRUN dnf -y install git-${V}\n', []],
    ['an ENV of an unrelated stage', 'FROM fedora:40 AS build\nENV V=2.51.0\nFROM fedora:40\nRUN dnf -y install git-${V}\n', [4]],
    ['an ENV of the parent stage', 'FROM fedora:40 AS build\nENV V=2.51.0\nFROM build AS next\nFROM next\nRUN dnf -y install git-${V}\n', []],
    ['ENV of the same image name', 'FROM fedora:40\nENV V=2.51.0\nFROM fedora:40\nRUN dnf -y install git-${V}\n', [4]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3041, dockerfile)).toEqual(lines)
  })
})
