/** runnerkit's view of a Dockerfile: what the lint rules see. Lines and columns are 1-based. */

export interface Flag {
  /** Without the dashes: `--mount=type=cache,…` has name `mount`. */
  name: string
  /** The text after `=`, or null for a bare flag such as `--link`. */
  value: string | null
}

export interface Heredoc {
  /** The delimiter word, without quotes or dashes. */
  name: string
  /** The body, without the terminator line. */
  body: string
  /** Line of the body's first line. */
  bodyLine: number
  /** Whether the terminator was found; an unterminated heredoc is a parse error. */
  terminated: boolean
}

export interface KeyValue {
  key: string
  /** Unquoted, as Docker reads it; null for `ARG name` without a default. */
  value: string | null
}

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, COPY, … */
  keyword: string
  line: number
  endLine: number
  column: number
  flags: Flag[]
  /**
   * The arguments after the flags as one logical line: continuations joined and comment lines
   * inside them dropped, as Docker (and hadolint) read them. Heredoc bodies are not included.
   */
  text: string
  /** The arguments split on whitespace, quotes kept (dockerfile-ast's view). */
  words: string[]
  /**
   * The strings of a JSON-array instruction (RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK CMD,
   * COPY, ADD, VOLUME); undefined for shell form.
   */
  json: string[] | undefined
  heredocs: Heredoc[]
  /** ENV, LABEL and ARG: the pairs, in order. */
  pairs: KeyValue[]
  /** ONBUILD: the instruction it registers. */
  trigger?: Instruction
  /**
   * RUN (and ONBUILD RUN) in shell form: the script as the shell sees it, with the same line
   * structure as the Dockerfile so positions map back (line `line + row`, and for row 0 the
   * column is offset by `scriptColumn - 1`).
   */
  script?: string
  /** Column in the Dockerfile where the script's first line starts. */
  scriptColumn: number
  /** Line in the Dockerfile of the script's first line. */
  scriptLine: number
}

export interface Comment {
  line: number
  /** The text after `#`, untrimmed on the right. */
  text: string
}

export interface ParseError {
  line: number
  column: number
  message: string
}

export interface Dockerfile {
  file: string
  instructions: Instruction[]
  comments: Comment[]
  /** Parser directives at the top (`# syntax=…`, `# escape=…`), lower-cased names. */
  directives: Array<{ name: string; value: string; line: number }>
  escape: string
  /** Set when BuildKit would refuse the file; the linter reports it as DL1000. */
  error?: ParseError
}
