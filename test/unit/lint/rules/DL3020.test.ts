import { describe, expect, it } from '@jest/globals'
import { DL3020 } from '../../../../src/lint/rules/DL3020.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3020 COPY instead of ADD', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nADD app /opt/app\n', [2]],
    ['FROM debian:12\nADD app.zip /opt/\n', [2]],
    ['FROM debian:12\nADD app.tar.gz config.yml /opt/\n', [2]],
    ['FROM debian:12\nADD --chown=1000:1000 ["conf dir", "/etc/app/"]\n', [2]],
    ['FROM debian:12\nADD app.tar.gz /opt/\n', []],
    ['FROM debian:12\nADD app.tgz app.tar.xz app.tar.bz2 /opt/\n', []],
    ['FROM debian:12\nADD https://example.com/tool /usr/local/bin/tool\n', []],
    ['FROM debian:12\nADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 http://example.com/tool /usr/local/bin/\n', []],
    ['FROM debian:12\nADD ["app.tar.gz", "/opt/"]\n', []],
    ['FROM debian:12\nCOPY app /opt/app\n', []],
    ['FROM debian:12\nONBUILD ADD app /opt/app\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3020, dockerfile)).toEqual(lines)
  })
})
