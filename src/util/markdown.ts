/** Markdown helpers for job summaries; values are escaped so they render as text. */

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>&]/g, (char) => `&#${char.charCodeAt(0)};`)
}

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map((row) => line(row))].join('\n')
}
