import { describe, expect, it } from '@jest/globals'
import { DL4001 } from '../../../../src/lint/rules/DL4001.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL4001 both curl and wget', () => {
  // prettier-ignore
  it.each([
    ['RUN wget my.xyz\nRUN curl localhost', [3]],
    ['RUN curl localhost && wget my.xyz', [2]],
    ['RUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello', [3]],
    ['RUN wget my.xyz\nRUN curl my.xyz\nRUN echo hello\nRUN wget x', [3, 5]],
    ['RUN curl a\nRUN curl b', []],
    ['RUN wget a\nRUN wget b', []],
    ['RUN apt-get install -y curl wget', []],
    ['RUN wget my.xyz\nFROM scratch\nRUN curl localhost', []],
    ['ONBUILD RUN wget my.xyz\nONBUILD RUN curl my.xyz', [3]],
    ['RUN wget my.xyz\nONBUILD RUN curl my.xyz', []]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL4001, `FROM node AS foo\n${instructions}\n`)).toEqual(lines)
  })
})
