import { describe, expect, it } from '@jest/globals'
import { DL3047 } from '../../../../src/lint/rules/DL3047.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3047 wget without a progress setting', () => {
  // prettier-ignore
  it.each([
    ['RUN wget https://example.com/a.tgz', [2]],
    ['RUN wget -O /tmp/a.tgz https://example.com/a.tgz', [2]],
    ['RUN cd /tmp && wget https://example.com/a.tgz', [2]],
    ['RUN wget --progress=dot:giga https://example.com/a.tgz', []],
    ['RUN wget -q https://example.com/a.tgz', []],
    ['RUN wget -qO- https://example.com/a.tgz | tar xz', []],
    ['RUN wget --quiet https://example.com/a.tgz', []],
    ['RUN wget -nv https://example.com/a.tgz', []],
    ['RUN wget --no-verbose https://example.com/a.tgz', []],
    ['RUN wget -o /tmp/wget.log https://example.com/a.tgz', []],
    ['RUN wget --output-file=/tmp/wget.log https://example.com/a.tgz', []],
    ['RUN wget -a /tmp/wget.log https://example.com/a.tgz', []],
    ['RUN wget --append-output /tmp/wget.log https://example.com/a.tgz', []],
    ['RUN curl -fsSLO https://example.com/a.tgz', []],
    ['ONBUILD RUN wget https://example.com/a.tgz', [2]],
    ['ONBUILD RUN wget -nv https://example.com/a.tgz', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3047, `FROM debian:12 AS foo\n${run}\n`)).toEqual(lines)
  })
})
