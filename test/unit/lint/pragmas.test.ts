import { describe, expect, it } from '@jest/globals'
import { parseDockerfile } from '../../../src/dockerfile/parse.js'
import type { Rule } from '../../../src/lint/rule.js'
import {
  isInlineIgnorePragma,
  isSuppressed,
  parsePragmas,
  type Pragmas
} from '../../../src/lint/pragmas.js'
import { lintText } from '../../helpers/lint.js'

/** What one comment (the text after '#') reads as. */
function readComment(text: string): string {
  const pragmas = parsePragmas([{ line: 1, text }])
  const list = (codes: Set<string>) => [...codes].join(',')
  const inline = pragmas.inline.get(1)
  if (inline) return `ignore ${list(inline)}`
  if (pragmas.global.size > 0) return `global ${list(pragmas.global)}`
  const stage = pragmas.stage[0]
  if (stage) return `stage ${list(stage.codes)}`
  const shell = pragmas.shell[0]
  if (shell) return `shell ${shell.shell}`
  return 'comment'
}

describe('pragma grammar', () => {
  // prettier-ignore
  it.each([
    [' hadolint ignore=DL3006', 'ignore DL3006'],
    ['hadolint ignore=DL3006', 'ignore DL3006'], // #hadolint without a space
    ['\thadolint\tignore\t=\tDL3006', 'ignore DL3006'],
    [' hadolint ignore = DL3023 , DL3021', 'ignore DL3023,DL3021'],
    [' hadolint ignore=DL3023, DL3021', 'ignore DL3023,DL3021'],
    [' hadolint ignore=DL3002 ', 'ignore DL3002'], // trailing space
    [' hadolint ignore=DL3002 # the base image has no USER', 'ignore DL3002'],
    [' hadolint ignore=DL3002# no space before the reason', 'ignore DL3002'],
    [' hadolint ignore=DL3002 # reason, DL3008', 'ignore DL3002'], // the reason runs to the end
    [' hadolint ignore=SC2086,DL3008', 'ignore SC2086,DL3008'],
    [' hadolint global ignore=DL3059', 'global DL3059'],
    [' hadolint global ignore = DL3023 , DL3021', 'global DL3023,DL3021'],
    [' hadolint stage ignore=DL3006', 'stage DL3006'],
    [' hadolint   stage   ignore=DL3006 # why', 'stage DL3006'],
    [' hadolint shell=powershell', 'shell powershell'],
    [' hadolint shell = /bin/zsh # foobar', 'shell /bin/zsh'],
    [' hadolint shell=pwsh#core', 'shell pwsh#core'], // '#' belongs to the name without a space
    // Anything else is an ordinary comment.
    [' hadolint ignore=dl3006', 'comment'], // lower-case code
    [' hadolint ignore=crazy,DL3002', 'comment'], // one bad name spoils the list
    [' hadolint ignore=DL3002 because reasons', 'comment'], // reason without its own '#'
    [' hadolint ignore=DL3002,', 'comment'],
    [' hadolint ignore=', 'comment'],
    [' hadolint ignore DL3002', 'comment'],
    [' hadolintignore=DL3002', 'comment'],
    [' Hadolint ignore=DL3002', 'comment'],
    [' hadolint IGNORE=DL3002', 'comment'],
    [' hadolint globalignore=DL3002', 'comment'],
    [' hadolint stage=DL3002', 'comment'],
    [' hadolint shell=', 'comment'],
    [' x hadolint ignore=DL3002', 'comment'],
    [' hadolint ignore=DL 3002', 'comment']
  ])('%j → %s', (text, expected) => {
    expect(readComment(text)).toBe(expected)
  })

  // prettier-ignore
  it.each([
    [' hadolint ignore=DL3006', true],
    ['hadolint ignore=DL3006 # x', true],
    [' hadolint global ignore=DL3006', false],
    [' hadolint stage ignore=DL3006', false],
    [' hadolint ignore=dl3006', false],
    [' hadolint shell=bash', false]
  ])('isInlineIgnorePragma(%j) is %s', (text, expected) => {
    expect(isInlineIgnorePragma(text)).toBe(expected)
  })

  it('skips comments inside a continued instruction', () => {
    const dockerfile = parseDockerfile(
      'FROM debian\nRUN true \\\n# hadolint global ignore=DL3008\n  && false\n# hadolint global ignore=DL3009\nRUN true\n'
    )
    const pragmas = parsePragmas(dockerfile.comments, dockerfile.instructions)
    expect([...pragmas.global]).toEqual(['DL3009'])
  })
})

describe('pragma scope (isSuppressed)', () => {
  const codes = (...list: string[]) => new Set(list)
  const none: Pragmas = { inline: new Map(), global: new Set(), stage: [], shell: [] }

  it('inline: the line after the pragma only', () => {
    const pragmas: Pragmas = { ...none, inline: new Map([[2, codes('DL3002')]]) }
    expect([2, 3, 4].map((line) => isSuppressed(pragmas, [1], 'DL3002', line))).toEqual([
      false,
      true,
      false
    ])
    expect(isSuppressed(pragmas, [1], 'DL3008', 3)).toBe(false)
  })

  it('global: every line', () => {
    const pragmas: Pragmas = { ...none, global: codes('DL3002') }
    expect(isSuppressed(pragmas, [1], 'DL3002', 100)).toBe(true)
  })

  // Stage pragma on line 1 above FROM on line 2, next FROM on line 5.
  // prettier-ignore
  it.each([
    [2, false], // its own FROM line
    [3, true],
    [4, true],
    [5, true], // the next FROM line, as hadolint scopes it
    [6, false] // the next stage
  ])('stage pragma above FROM: line %i suppressed %s', (line, expected) => {
    const pragmas: Pragmas = { ...none, stage: [{ line: 1, codes: codes('DL3011') }] }
    expect(isSuppressed(pragmas, [2, 5], 'DL3011', line)).toBe(expected)
  })

  it('a stage pragma not directly above a FROM starts two lines below it', () => {
    const pragmas: Pragmas = { ...none, stage: [{ line: 3, codes: codes('DL3011') }] }
    const covered = [4, 5, 6, 7, 8].filter((line) => isSuppressed(pragmas, [1, 7], 'DL3011', line))
    expect(covered).toEqual([5, 6, 7])
  })

  it('a later stage pragma in the same stage replaces the earlier one', () => {
    const pragmas: Pragmas = {
      ...none,
      stage: [
        { line: 1, codes: codes('DL3011') },
        { line: 4, codes: codes('DL3002') }
      ]
    }
    expect(isSuppressed(pragmas, [2], 'DL3011', 4)).toBe(true)
    expect(isSuppressed(pragmas, [2], 'DL3011', 6)).toBe(false)
    expect(isSuppressed(pragmas, [2], 'DL3002', 6)).toBe(true)
  })
})

/** Reports every instruction (not comments) under the rule's code. */
function everyInstruction(code: string): Rule {
  return {
    meta: { code, severity: 'warning', message: `${code} test` },
    create: (context) => ({
      check(instruction) {
        if (instruction.keyword !== '#') context.report(instruction.line)
      }
    })
  }
}

async function remaining(text: string, code = 'DL3011'): Promise<number[]> {
  const findings = await lintText(text, [everyInstruction('DL3011'), everyInstruction('DL3002')])
  return findings.filter((finding) => finding.code === code).map((finding) => finding.line)
}

describe('pragmas through the lint engine', () => {
  // prettier-ignore
  it.each([
    // hadolint's PragmaSpec cases
    ['FROM ubuntu\n# hadolint ignore=DL3011\nEXPOSE 80\n', [1]],
    ['FROM ubuntu\n# hadolint ignore=DL3002,DL3011\nEXPOSE 80\n', [1]],
    ['FROM ubuntu\n# hadolint ignore=crazy,DL3011\nEXPOSE 80\n', [1, 3]],
    ['FROM ubuntu\n# hadolint ignore=DL3002, DL3011\nEXPOSE 80\n', [1]],
    ['FROM ubuntu\n# hadolint ignore=DL3011 \nEXPOSE 80\n', [1]],
    ['FROM ubuntu\n#hadolint ignore=DL3011\nEXPOSE 80\n', [1]],
    ['FROM ubuntu\n# hadolint ignore=DL3002\nEXPOSE 80\n', [1, 3]], // another code
    ['FROM ubuntu\n# hadolint ignore=dl3011\nEXPOSE 80\n', [1, 3]],
    ['FROM ubuntu\n# hadolint ignore=DL3011 why\nEXPOSE 80\n', [1, 3]],
    // Only directly above: a blank line or another comment in between undoes it.
    ['FROM ubuntu\n# hadolint ignore=DL3011\n\nEXPOSE 80\n', [1, 4]],
    ['FROM ubuntu\n# hadolint ignore=DL3011\n# why\nEXPOSE 80\n', [1, 4]],
    ['FROM ubuntu\n# hadolint ignore=DL3011\n# hadolint ignore=DL3002\nEXPOSE 80\n', [1, 4]],
    // A multi-line instruction is reported on its first line.
    ['FROM ubuntu\n# hadolint ignore=DL3011\nRUN true \\\n  && true\n', [1]],
    ['# hadolint global ignore=DL3011\nFROM ubuntu\nEXPOSE 80\n', []],
    ['FROM ubuntu\nEXPOSE 80\n# hadolint global ignore = DL3002 , DL3011\n', []],
    // Stage scope
    ['# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80\n', [2]],
    ['# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80\nFROM ubuntu\nEXPOSE 80\n', [2, 5]],
    ['FROM ubuntu\nEXPOSE 80\n# hadolint stage ignore=DL3011\nFROM ubuntu\nEXPOSE 80\n', [1, 2, 4]],
    ['# hadolint stage ignore=DL3002\nFROM ubuntu\nEXPOSE 80\n', [2, 3]]
  ])('%j → DL3011 on %j', async (text, lines) => {
    expect(await remaining(text)).toEqual(lines)
  })

  it('disable-ignore-pragma turns off inline, stage and global pragmas', async () => {
    const text =
      '# hadolint global ignore=DL3002\n# hadolint stage ignore=DL3011\nFROM ubuntu\n# hadolint ignore=DL3011\nEXPOSE 80\n'
    const findings = await lintText(
      text,
      [everyInstruction('DL3011'), everyInstruction('DL3002')],
      {
        disableIgnorePragma: true
      }
    )
    expect(findings.map((finding) => `${finding.code}:${finding.line}`)).toEqual([
      'DL3011:3',
      'DL3002:3',
      'DL3011:5',
      'DL3002:5'
    ])
  })

  it('no pragma removes a parse error (DL1000)', async () => {
    const findings = await lintText('# hadolint global ignore=DL1000\nFROM a\nFOO bar\n', [])
    expect(findings.map((finding) => finding.code)).toEqual(['DL1000'])
  })
})
