/** Markdown helpers for job summaries, shared with src/ (the pipeline summary renders there). */
export { escapeMarkdown, markdownTable } from '../../src/util/markdown.js'
