import { describe, expect, it } from '@jest/globals'
import { DL3034 } from '../../../../src/lint/rules/DL3034.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3034 zypper without a non-interactive switch', () => {
  // prettier-ignore
  it.each([
    ['RUN zypper install httpd=2.4.24', [2]],
    ['RUN zypper in httpd=2.4.24', [2]],
    ['RUN zypper remove httpd', [2]],
    ['RUN zypper rm httpd', [2]],
    ['RUN zypper source-install httpd', [2]],
    ['RUN zypper si httpd', [2]],
    ['RUN zypper patch', [2]],
    ['RUN zypper install -y httpd=2.4.24', []],
    ['RUN zypper install -n httpd=2.4.24', []],
    ['RUN zypper --non-interactive install httpd=2.4.24', []],
    ['RUN zypper install --no-confirm httpd=2.4.24', []],
    ['RUN zypper refresh', []],
    ['ONBUILD RUN zypper install httpd=2.4.24 && zypper clean', [2]],
    ['ONBUILD RUN zypper install -y httpd=2.4.24 && zypper clean', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3034, `FROM opensuse/leap:15\n${run}\n`)).toEqual(lines)
  })
})
