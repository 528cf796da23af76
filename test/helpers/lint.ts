/** Lints Dockerfile text with chosen rules, for rule tables. */
import { parseDockerfile } from '../../src/dockerfile/parse.js'
import { initShellParser } from '../../src/dockerfile/shell.js'
import { defaultSettings, lintDockerfile, type LintSettings } from '../../src/lint/engine.js'
import type { Finding } from '../../src/lint/finding.js'
import type { Rule } from '../../src/lint/rule.js'

export async function lintText(
  text: string,
  rules: readonly Rule[],
  settings: Partial<LintSettings> = {}
): Promise<Finding[]> {
  await initShellParser()
  // Rules that are off by default (DL1001, DL3057) are still evaluated here, as in hadolint's
  // own rule specs: the severity override turns them on.
  const overrides = new Map(settings.overrides ?? [])
  for (const rule of rules)
    if (rule.meta.severity === 'ignore' && !overrides.has(rule.meta.code))
      overrides.set(rule.meta.code, 'info')
  return lintDockerfile(parseDockerfile(text), rules, {
    ...defaultSettings,
    ...settings,
    overrides
  })
}

/** The lines a single rule reports on. */
export async function hitLines(
  rule: Rule,
  text: string,
  settings: Partial<LintSettings> = {}
): Promise<number[]> {
  const findings = await lintText(text, [rule], settings)
  return findings
    .filter((finding) => finding.code === rule.meta.code)
    .map((finding) => finding.line)
}
