import { describe, expect, it } from '@jest/globals'
import { DL3059 } from '../../../../src/lint/rules/DL3059.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3059 consecutive RUN instructions', () => {
  // prettier-ignore
  it.each([
    ['', []],
    ['RUN /foo.sh', []],
    ['RUN /foo.sh\nWORKDIR /\nRUN /bar.sh', []],
    ['RUN /foo.sh\nRUN /bar.sh', [3]],
    ['RUN /foo.sh\nRUN /bar.sh\nRUN /baz.sh', [3, 4]],
    ['RUN /foo.sh\n# a comment\nRUN /bar.sh', [4]],
    ['RUN /foo.sh\n# a comment\n# another comment\nRUN /bar.sh', [5]],
    ['# a comment\nRUN /foo.sh', []],
    ['RUN --mount=type=secret,id=foo /foo.sh\nRUN /bar.sh', []],
    ['RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=bar /bar.sh', []],
    ['RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=type=secret,id=foo /bar.sh', [3]],
    ['RUN --mount=type=secret,id=foo /foo.sh\nRUN --mount=id=foo,type=secret /bar.sh', [3]],
    ['RUN --network=none /foo.sh\nRUN --network=host /bar.sh', []],
    ['RUN foo && bar\nRUN foobar', []],
    ['RUN foo; bar\nRUN foobar', []],
    ['RUN foobar\nRUN foo && bar', []],
    ['RUN foo | bar\nRUN foobar', []],
    ['RUN foo && bar\nRUN foo\nRUN bar', [4]],
    ['RUN ["/foo.sh"]\nRUN ["/bar.sh"]', [3]],
    ['RUN /foo.sh\nONBUILD RUN /bar.sh\nRUN /baz.sh', []],
    ['RUN /foo.sh\nFROM debian:12\nRUN /bar.sh', []]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL3059, `FROM debian:12\n${instructions}\n`)).toEqual(lines)
  })
})
