import type { Severity } from './severity.js'

/** One problem in one file. Columns are 1-based; rule failures without a column use 1. */
export interface Finding {
  file: string
  line: number
  column: number
  code: string
  severity: Severity
  message: string
}
