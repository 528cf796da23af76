import { describe, expect, it } from '@jest/globals'
import { DL4005 } from '../../../../src/lint/rules/DL4005.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL4005 re-linking /bin/sh', () => {
  // prettier-ignore
  it.each([
    ['RUN ln -sfv /bin/bash /bin/sh', [2]],
    ['RUN ln -sf /bin/bash /bin/sh && echo done', [2]],
    ['RUN rm /bin/sh && ln -s /bin/bash /bin/sh', [2]],
    ['RUN ln -sf /bin/true /sbin/initctl', []],
    ['RUN ln -sf /bin/sh.distrib /usr/local/bin/sh', []],
    ['RUN echo /bin/sh', []],
    ['ONBUILD RUN ln -sfv /bin/bash /bin/sh', [2]],
    ['SHELL ["/bin/bash", "-c"]', []]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL4005, `FROM debian:12\n${instructions}\n`)).toEqual(lines)
  })
})
