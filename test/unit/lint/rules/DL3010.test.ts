import { describe, expect, it } from '@jest/globals'
import { DL3010 } from '../../../../src/lint/rules/DL3010.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3010 COPY then extract instead of ADD', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\nCOPY app.tar.gz /opt/\nRUN tar -xzf /opt/app.tar.gz -C /opt\n', [2]],
    ['FROM debian:12\nCOPY dist/app.tar /opt/app.tar\nRUN tar --extract --file /opt/app.tar\n', [2]],
    ['FROM debian:12\nCOPY site.tar.gz /tmp/bundle.tgz\nRUN tar -xf /tmp/bundle.tgz\n', [2]],
    ['FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n', [2]],
    ['FROM debian:12\nCOPY "src dir\\\\payload.tar.xz" "C:\\\\Program Files\\\\payload.tar.xz"\nRUN tar -xf payload.tar.xz\n', [2]],
    ['FROM debian:12\nCOPY app.tar.gz /opt/\nRUN tar -czf backup.tar.gz /etc\n', []],
    ['FROM debian:12\nCOPY app.tar.gz /opt/\nRUN tar -tzf /opt/app.tar.gz\n', []],
    ['FROM debian:12\nCOPY app.tar.gz /opt/\nRUN tar -xzf other.tar.gz\n', []],
    ['FROM debian:12\nCOPY app.zip /opt/\nRUN unzip /opt/app.zip\n', []],
    ['FROM debian:12\nCOPY --from=build /out/app.tar.gz /opt/\nRUN tar -xzf /opt/app.tar.gz\n', []],
    ['FROM debian:12\nCOPY app.tar.gz /opt/\nFROM debian:12\nRUN tar -xzf /opt/app.tar.gz\n', []],
    ['FROM debian:12 AS build\nCOPY app.tar.gz /opt/\nRUN tar -xzf /opt/app.tar.gz\nFROM debian:12\nRUN true\n', [2]],
    ['FROM debian:12\nRUN tar -xzf app.tar.gz\nCOPY app.tar.gz /opt/\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3010, dockerfile)).toEqual(lines)
  })
})
