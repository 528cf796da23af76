import { describe, expect, it } from '@jest/globals'
import { DL3037 } from '../../../../src/lint/rules/DL3037.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3037 pin zypper package versions', () => {
  // prettier-ignore
  it.each([
    ['RUN zypper install -y tomcat && zypper clean', [2]],
    ['RUN zypper in -y tomcat', [2]],
    ['RUN zypper install -y tomcat=9.0.39 && zypper clean', []],
    ['RUN zypper install -y tomcat\\>=9.0', []],
    ['RUN zypper install -y "tomcat>9.0"', []],
    ['RUN zypper install -y tomcat\\<9.0', []],
    ['RUN zypper install -y "tomcat<=9.0"', []],
    ['RUN zypper install -y tomcat-9.0.39-1.rpm', []],
    ['RUN zypper install -y tomcat=9.0.39 curl', [2]],
    ['RUN zypper refresh', []],
    ['ONBUILD RUN zypper install -y tomcat', [2]],
    ['ONBUILD RUN zypper install -y tomcat\\<=9.0', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3037, `FROM opensuse/leap:15\n${run}\n`)).toEqual(lines)
  })
})
