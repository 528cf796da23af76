/**
 * Robustness: 10,000 random and mutated Dockerfiles through the parser and every rule.
 * Each must end in findings or a DL1000, never an exception or a hang, and linting must never
 * run anything the Dockerfile contains (the inputs try to create a marker file).
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseDockerfile } from '../../../src/dockerfile/parse.js'
import { initShellParser } from '../../../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile } from '../../../src/lint/engine.js'
import { allRules } from '../../../src/lint/rules/index.js'
import { generateDockerfile, random } from '../../helpers/dockerfiles.js'
import { scratchDir } from '../../helpers/scratch.js'

const total = 10_000
let marker: string

const seeds = [
  'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
  'FROM alpine AS a\nRUN <<EOF\napk add x\nEOF\nCOPY --from=a / /\n',
  'ONBUILD RUN sudo ls\nFROM x\nUSER root\n',
  'FROM a\nRUN bash <<\'S\' > /log\necho "$(id -u)"\nS\nCMD ["a"]\n',
  '# escape=`\nFROM w\nRUN dir `\n  c:\\\n',
  'FROM b\nLABEL a="1" \\\n  b=2\nENV X=1 Y=$X\nHEALTHCHECK CMD curl -f x\n'
]

function mutate(text: string, next: () => number): string {
  const chars = [...text]
  const edits = 1 + Math.floor(next() * 8)
  const alphabet = [
    '\\',
    '\n',
    '"',
    "'",
    '$',
    '(',
    ')',
    '`',
    '<<',
    'EOF',
    '#',
    '{',
    '}',
    '|',
    '&&',
    ';',
    '[',
    ']',
    ' ',
    '\t',
    '\u0000',
    '\uFFFD',
    'RUN ',
    'FROM ',
    '--mount=type=cache,target=/x ',
    '$(touch MARKER)'
  ]
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(next() * (chars.length + 1))
    const choice = next()
    if (choice < 0.4) chars.splice(at, 0, alphabet[Math.floor(next() * alphabet.length)] ?? '')
    else if (choice < 0.7) chars.splice(at, 1 + Math.floor(next() * 5))
    else
      chars.splice(
        at,
        0,
        ...chars.slice(Math.floor(next() * chars.length), Math.floor(next() * chars.length))
      )
  }
  return chars.join('')
}

function garbage(next: () => number): string {
  const bytes = new Uint8Array(1 + Math.floor(next() * 400))
  for (let index = 0; index < bytes.length; index++) bytes[index] = Math.floor(next() * 256)
  // Decoded as the linter decodes files: invalid UTF-8 becomes U+FFFD.
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

/** The hard cases the issue names, then random and mutated inputs up to `total`. */
function* inputs(): Generator<string> {
  yield `FROM a\nRUN echo ${'x'.repeat(1024 * 1024)}\n`
  yield `FROM a\nRUN true ${'\\\n'.repeat(5000)}&& echo done\n`
  yield `FROM a\n${'RUN echo \\\n  # c\n'.repeat(2000)}`
  yield 'FROM a\nRUN <<EOF\nnever terminated\n'
  yield 'FROM a\nCOPY <<A <<B /x\na\nA\n'
  yield `FROM a\nRUN ${'$('.repeat(2000)}\n`
  yield `FROM a\nRUN ${'"'.repeat(3001)}\n`
  yield new TextDecoder('utf-8', { fatal: false }).decode(
    Uint8Array.from([
      0x46, 0x52, 0x4f, 0x4d, 0x20, 0xc3, 0x28, 0xff, 0xfe, 0x0a, 0x52, 0x55, 0x4e, 0x20, 0xe2, 0x82
    ])
  )
  const next = random(20261127)
  for (let index = 8; index < total; index++) {
    const kind = index % 10
    if (kind === 0) yield garbage(next)
    else if (kind === 1) yield mutate(generateDockerfile(index, 20), next)
    else yield mutate(seeds[index % seeds.length] ?? '', next)
  }
}

beforeAll(async () => {
  await initShellParser()
  marker = join(scratchDir('fuzz'), 'MARKER')
})

describe('lint robustness', () => {
  it(`survives ${total} random and mutated Dockerfiles`, () => {
    let count = 0
    let parseErrors = 0
    for (const raw of inputs()) {
      const text = raw.replace(/MARKER/g, marker)
      const findings = lintDockerfile(
        parseDockerfile(text, `fuzz-${count}`),
        allRules,
        defaultSettings
      )
      expect(Array.isArray(findings)).toBe(true)
      for (const finding of findings) {
        expect(finding.line).toBeGreaterThanOrEqual(1)
        expect(typeof finding.message).toBe('string')
      }
      if (findings.some((finding) => finding.code === 'DL1000')) parseErrors++
      count++
    }
    expect(count).toBe(total)
    // Nothing from any Dockerfile ran: the marker file the inputs try to create does not exist.
    expect(existsSync(marker)).toBe(false)
    // The generator must exercise both paths: files that parse and files that do not.
    expect(parseErrors).toBeGreaterThan(100)
    expect(parseErrors).toBeLessThan(total - 100)
  })
})
