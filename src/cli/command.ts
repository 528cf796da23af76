/** What a subcommand sees of the world; tests pass their own. */
export interface CliContext {
  env: NodeJS.ProcessEnv
  cwd: string
  stdout: (text: string) => void
  stderr: (text: string) => void
  /** Whether standard output is a terminal (colours help there, and only there). */
  stdoutIsTerminal?: boolean
  /** Standard input, for commands that accept `-`. */
  readStdin?: () => Promise<string>
}

export interface Command {
  name: string
  /** One line for `runnerkit --help`. */
  summary: string
  /** The full text for `runnerkit <name> --help`. */
  usage: string
  /** Subcommands with a help text of their own: `runnerkit <name> <sub> --help` reaches it. */
  subcommandsWithHelp?: readonly string[]
  /** Returns the exit code. Throw UserError for bad input: the frame prints it as one line. */
  run(args: string[], context: CliContext): Promise<number>
}
