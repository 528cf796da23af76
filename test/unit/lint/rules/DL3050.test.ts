import { describe, expect, it } from '@jest/globals'
import { DL3050 } from '../../../../src/lint/rules/DL3050.js'
import { hitLines, lintText } from '../../../helpers/lint.js'

const strict = { labelSchema: { required: 'text' as const }, strictLabels: true }

describe('DL3050 labels outside the schema', () => {
  // prettier-ignore
  it.each([
    ['FROM debian:12\n', strict, []],
    ['FROM debian:12\nLABEL required="foo"\n', strict, []],
    ['FROM debian:12\nLABEL required="foo" other="bar"\n', strict, [2]],
    ['FROM debian:12\nLABEL other="bar"\nLABEL required=x\nLABEL another=y\n', strict, [2, 4]],
    ['FROM debian:12\nLABEL other="bar" another=y\n', strict, [2]],
    ['FROM debian:12\nLABEL other="bar"\n', { labelSchema: {}, strictLabels: true }, [2]],
    ['FROM debian:12\nLABEL other="bar"\n', { labelSchema: { required: 'text' as const } }, []],
    ['FROM debian:12\nONBUILD LABEL other="bar"\n', strict, []]
  ])('%j with %j → lines %j', async (dockerfile, settings, lines) => {
    expect(await hitLines(DL3050, dockerfile, settings)).toEqual(lines)
  })

  it('names the labels that are not in the schema', async () => {
    const [finding] = await lintText('FROM debian:12\nLABEL a=1 required=2 b=3\n', [DL3050], strict)
    expect(finding?.message).toContain('`a`, `b`')
  })
})
