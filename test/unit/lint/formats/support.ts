import type { Finding } from '../../../../src/lint/finding.js'
import type { FormatOptions } from '../../../../src/lint/formats/types.js'

export const warning: Finding = {
  file: 'Dockerfile',
  line: 1,
  column: 1,
  code: 'DL3006',
  severity: 'warning',
  message: 'Always tag the version of an image explicitly'
}

export const info: Finding = {
  file: 'Dockerfile',
  line: 3,
  column: 1,
  code: 'DL3008',
  severity: 'info',
  message: 'Pin versions in apt get install'
}

export const error: Finding = {
  file: 'images/base/Dockerfile',
  line: 2,
  column: 1,
  code: 'DL3002',
  severity: 'error',
  message: 'Last USER should not be root'
}

export const style: Finding = {
  file: 'images/base/Dockerfile',
  line: 4,
  column: 1,
  code: 'SC2086',
  severity: 'style',
  message: 'Double quote to prevent globbing and word splitting.'
}

export const parseError: Finding = {
  file: 'broken/Dockerfile',
  line: 2,
  column: 5,
  code: 'DL1000',
  severity: 'error',
  message: "unexpected 'F'\nexpecting '#', ADD, ARG"
}

/** Quotes, angle brackets, ampersands, backslashes, control and non-ASCII characters. */
export const special: Finding = {
  file: "dir with space/Dockerfile's",
  line: 7,
  column: 1,
  code: 'DL3050',
  severity: 'info',
  message: 'Label "a<b>&c" isn\'t \\ allowed\ttabbed — ü 😀'
}

export const options: FormatOptions = {
  color: false,
  workspace: '/work/repo',
  describe: () => undefined,
  files: ['Dockerfile', 'images/base/Dockerfile']
}
