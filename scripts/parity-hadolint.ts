/**
 * Runs hadolint's own rule-spec cases (shared/corpus/hadolint-cases.jsonl) through
 * `runnerkit lint` (the committed CLI bundle) and prints agreement per rule.
 *
 *   tsx scripts/parity-hadolint.ts [--corpus FILE] [--rule PREFIX] [--verbose] [--in-process]
 *
 * A case agrees when the rule hits (or misses) as expected and, where the case gives a count,
 * exactly that many times. As in hadolint's spec helpers, the text gets a trailing newline,
 * inline pragmas apply, and the rules that are off by default (DL1001, DL3057) are turned on.
 * Cases that share a configuration go through one CLI run: each case is a file, the config a
 * .hadolint.yaml given with -c, and findings come back as JSON. `--in-process` calls the
 * engine directly instead (faster while developing a rule; no ShellCheck cases).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { stringify } from 'yaml'
import { parseDockerfile } from '../src/dockerfile/parse.js'
import { initShellParser } from '../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile } from '../src/lint/engine.js'
import type { LabelType } from '../src/lint/rule.js'
import { allRules } from '../src/lint/rules/index.js'

interface Case {
  rule: string
  dockerfile: string
  expect: 'hit' | 'miss'
  count?: number
  config?: Record<string, unknown>
  title?: string
  source?: string
}

interface JsonFinding {
  file: string
  code: string
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, '../shared/corpus/hadolint-cases.jsonl') },
    rule: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false }
  }
})

const cases = readFileSync(values.corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case)
  .filter((item) => !values.rule || item.rule.startsWith(values.rule))

const offByDefault = allRules
  .filter((rule) => rule.meta.severity === 'ignore')
  .map((rule) => rule.meta.code)

/** Codes found per case, through the CLI bundle. */
function hitsThroughCli(): string[][] {
  const scratch = mkdtempSync(join(tmpdir(), 'runnerkit-parity-'))
  const found: string[][] = cases.map(() => [])
  const groups = new Map<string, number[]>()
  cases.forEach((item, index) => {
    const key = JSON.stringify([item.rule === 'shellcheck', item.config ?? {}])
    groups.set(key, [...(groups.get(key) ?? []), index])
  })
  try {
    for (const [key, indexes] of groups) {
      const [withShellCheck, config] = JSON.parse(key) as [boolean, Record<string, unknown>]
      const configPath = join(scratch, `config-${indexes[0]}.yaml`)
      writeFileSync(configPath, Object.keys(config).length > 0 ? stringify(config) : '{}\n')
      const files = indexes.map((index) => {
        const path = join(scratch, `case-${index}`)
        writeFileSync(path, `${cases[index]?.dockerfile ?? ''}\n`)
        return path
      })
      const args = [
        join(root, 'bin/runnerkit.js'),
        'lint',
        '-f',
        'json',
        '--no-fail',
        '-c',
        configPath
      ]
      for (const code of offByDefault) args.push('--info', code)
      args.push('--shellcheck', withShellCheck ? 'auto' : 'off', ...files)
      const result = spawnSync(process.execPath, args, {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
      })
      if (result.status !== 0) throw new Error(`runnerkit lint failed: ${result.stderr}`)
      for (const finding of JSON.parse(result.stdout) as JsonFinding[]) {
        const index = Number(finding.file.replace(/^.*case-/, ''))
        found[index]?.push(finding.code)
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return found
}

/** Codes found per case, calling the engine directly (ShellCheck cases get none). */
async function hitsInProcess(): Promise<string[][]> {
  await initShellParser()
  return cases.map((item) => {
    const config = item.config
    const settings = {
      ...defaultSettings,
      overrides: new Map(offByDefault.map((code) => [code, 'info' as const])),
      trustedRegistries: (config?.trustedRegistries as string[] | undefined) ?? [],
      labelSchema: (config?.['label-schema'] as Record<string, LabelType> | undefined) ?? {},
      strictLabels: (config?.['strict-labels'] as boolean | undefined) ?? false,
      ignored: new Set((config?.ignored as string[] | undefined) ?? [])
    }
    return lintDockerfile(parseDockerfile(`${item.dockerfile}\n`), allRules, settings).map(
      (finding) => finding.code
    )
  })
}

const found = values['in-process'] ? await hitsInProcess() : hitsThroughCli()
const perRule = new Map<string, { total: number; agreed: number }>()
const disagreements: string[] = []
cases.forEach((item, index) => {
  const entry = perRule.get(item.rule) ?? { total: 0, agreed: 0 }
  perRule.set(item.rule, entry)
  entry.total++
  const codes = found[index] ?? []
  const hits = codes.filter((code) =>
    item.rule === 'shellcheck' ? code.startsWith('SC') : code === item.rule
  ).length
  const agrees =
    item.expect === 'hit'
      ? hits > 0 && (item.count === undefined || hits === item.count)
      : hits === 0
  if (agrees) entry.agreed++
  else {
    disagreements.push(
      `${item.rule} ${item.expect}${item.count !== undefined ? ` ×${item.count}` : ''} got ${hits} — ${item.title ?? ''} (${item.source ?? ''})\n    ${JSON.stringify(item.dockerfile)}${item.config ? `\n    config ${JSON.stringify(item.config)}` : ''}`
    )
  }
})

let total = 0
let agreed = 0
console.log(
  `hadolint parity (${values['in-process'] ? 'in-process engine' : 'runnerkit lint, CLI bundle'}, ${values.corpus})`
)
console.log('| rule | cases | agreed |')
console.log('| --- | --- | --- |')
for (const [code, entry] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
  total += entry.total
  agreed += entry.agreed
  console.log(`| ${code} | ${entry.total} | ${entry.agreed} |`)
}
if (values.verbose || disagreements.length <= 40)
  for (const line of disagreements) console.log(`  ✗ ${line}`)
else console.log(`  ${disagreements.length} disagreements; --verbose lists them`)
const agreement = total === 0 ? 0 : Math.round((agreed / total) * 1000) / 10
console.log(`${agreed} of ${total} cases agree: ${agreement}%`)
console.log(JSON.stringify({ corpus: 'hadolint', cases: total, agreed, agreement }))
process.exit(agreement >= 99 ? 0 : 1)
