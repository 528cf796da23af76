import { cpus, totalmem } from 'node:os'

/** One line naming the machine a benchmark ran on, for the README. */
export function machine(): string {
  const cpu = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU'
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

export function printTable(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`| ${'measure'.padEnd(width)} | value |`)
  console.log(`| ${'-'.repeat(width)} | --- |`)
  for (const [name, value] of rows) console.log(`| ${name.padEnd(width)} | ${value} |`)
}
