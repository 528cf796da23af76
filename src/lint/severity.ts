/** hadolint's severities, most severe first; `ignore` turns a rule off. */
export const severities = ['error', 'warning', 'info', 'style', 'ignore'] as const
export type Severity = (typeof severities)[number]

export function isSeverity(value: string): value is Severity {
  return (severities as readonly string[]).includes(value)
}

/** Whether `severity` is at least as severe as `threshold` (error is the most severe). */
export function reaches(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold)
}
