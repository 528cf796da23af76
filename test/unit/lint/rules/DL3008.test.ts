import { describe, expect, it } from '@jest/globals'
import { DL3008 } from '../../../../src/lint/rules/DL3008.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3008 pin apt package versions', () => {
  // prettier-ignore
  it.each([
    ['RUN apt-get install -y python', [2]],
    ['RUN apt-get install -y python=2.7 curl', [2]],
    ['RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10', []],
    ['RUN apt-get install -y ./local.deb', []],
    ['RUN apt-get install -y -t bookworm-backports curl=8.0', []],
    ['RUN apt-get install -y python/bookworm', []],
    ['RUN apt-get update', []],
    ['ONBUILD RUN apt-get install -y python', [2]],
    ['RUN ["apt-get", "install", "-y", "python"]', [2]],
    ['RUN bash <<EOF\napt-get install -y python\nEOF', [2]],
    ['RUN <<EOF\napt-get install -y python\nEOF', [2]]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3008, `FROM debian:12\n${run}\n`)).toEqual(lines)
  })
})
