/**
 * Runs hadolint's own rule-spec cases (shared/corpus/hadolint-cases.jsonl) through runnerkit's
 * linter and prints agreement per rule.
 *
 *   tsx scripts/parity-hadolint.ts [--corpus FILE] [--rule PREFIX] [--verbose]
 *
 * A case agrees when the rule hits (or misses) as expected and, where the case gives a count,
 * exactly that many times. As in hadolint's spec helpers, the text gets a trailing newline,
 * inline pragmas apply, and rules that are off by default (DL1001, DL3057) are turned on.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parseDockerfile } from '../src/dockerfile/parse.js'
import { initShellParser } from '../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile, type LintSettings } from '../src/lint/engine.js'
import type { LabelType, Rule } from '../src/lint/rule.js'

interface Case {
  rule: string
  dockerfile: string
  expect: 'hit' | 'miss'
  count?: number
  onbuild?: boolean
  config?: Record<string, unknown>
  title?: string
  source?: string
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(root, '../shared/corpus/hadolint-cases.jsonl') },
    rule: { type: 'string' },
    verbose: { type: 'boolean', default: false }
  }
})

async function loadRules(): Promise<Rule[]> {
  const dir = join(root, 'src/lint/rules')
  const files = readdirSync(dir)
    .filter((file) => /^DL\d{4}\.ts$/.test(file))
    .sort()
  const rules: Rule[] = []
  for (const file of files) {
    const module = (await import(join(dir, file))) as Record<string, Rule>
    const rule = module[file.replace('.ts', '')]
    if (rule) rules.push(rule)
  }
  return rules
}

function settingsFor(config: Record<string, unknown> | undefined, rules: Rule[]): LintSettings {
  const overrides = new Map<string, 'info'>()
  for (const rule of rules)
    if (rule.meta.severity === 'ignore') overrides.set(rule.meta.code, 'info')
  return {
    ...defaultSettings,
    overrides,
    trustedRegistries: (config?.trustedRegistries as string[] | undefined) ?? [],
    labelSchema: (config?.['label-schema'] as Record<string, LabelType> | undefined) ?? {},
    strictLabels: (config?.['strict-labels'] as boolean | undefined) ?? false,
    ignored: new Set((config?.ignored as string[] | undefined) ?? [])
  }
}

await initShellParser()
const rules = await loadRules()
const implemented = new Set(rules.map((rule) => rule.meta.code))
const cases = readFileSync(values.corpus, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Case)
  .filter((item) => !values.rule || item.rule.startsWith(values.rule))

const perRule = new Map<string, { total: number; agreed: number; missing: boolean }>()
const disagreements: string[] = []
for (const item of cases) {
  const entry = perRule.get(item.rule) ?? { total: 0, agreed: 0, missing: false }
  perRule.set(item.rule, entry)
  entry.total++
  if (item.rule !== 'shellcheck' && !implemented.has(item.rule)) {
    entry.missing = true
    continue
  }
  if (item.rule === 'shellcheck') continue // counted once ShellCheck is wired in (see below)
  const findings = lintDockerfile(
    parseDockerfile(`${item.dockerfile}\n`),
    rules,
    settingsFor(item.config, rules)
  )
  const hits = findings.filter((finding) => finding.code === item.rule).length
  const agrees =
    item.expect === 'hit'
      ? hits > 0 && (item.count === undefined || hits === item.count)
      : hits === 0
  if (agrees) entry.agreed++
  else
    disagreements.push(
      `${item.rule} ${item.expect}${item.count !== undefined ? ` ×${item.count}` : ''} got ${hits} — ${item.title ?? ''} (${item.source ?? ''})\n    ${JSON.stringify(item.dockerfile)}${item.config ? `\n    config ${JSON.stringify(item.config)}` : ''}`
    )
}

let total = 0
let agreed = 0
console.log('| rule | cases | agreed |')
console.log('| --- | --- | --- |')
for (const [code, entry] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
  total += entry.total
  agreed += entry.agreed
  const note = entry.missing
    ? ' (not implemented)'
    : code === 'shellcheck'
      ? ' (ShellCheck not wired in yet)'
      : ''
  console.log(`| ${code} | ${entry.total} | ${entry.agreed}${note} |`)
}
if (values.verbose || disagreements.length <= 40)
  for (const line of disagreements) console.log(`  ✗ ${line}`)
else console.log(`  ${disagreements.length} disagreements; --verbose lists them`)
const agreement = total === 0 ? 0 : Math.round((agreed / total) * 1000) / 10
console.log(JSON.stringify({ corpus: 'hadolint', cases: total, agreed, agreement }))
process.exit(agreement >= 99 ? 0 : 1)
