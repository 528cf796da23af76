import { isUserError, messageOf } from '../errors.js'
import { version } from '../version.js'
import type { CliContext, Command } from './command.js'
import { commands } from './commands.js'

function overview(available: readonly Command[]): string {
  const width = Math.max(...available.map((command) => command.name.length))
  const lines = available.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`)
  return [
    'runnerkit: tools for self-hosted GitHub Actions runners on Kubernetes',
    '',
    'Usage: runnerkit <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help, -h     show help (also: runnerkit <command> --help)',
    '  --version, -V  print the runnerkit version',
    ''
  ].join('\n')
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(
  argv: string[],
  context: CliContext,
  available: readonly Command[] = commands
): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic =
      name === 'help' ? available.find((command) => command.name === rest[0]) : undefined
    context.stdout(topic ? topic.usage : overview(available))
    return name === undefined ? 1 : 0
  }
  if (name === '--version' || name === '-V') {
    context.stdout(`${version}\n`)
    return 0
  }
  const command = available.find((candidate) => candidate.name === name)
  if (!command) {
    context.stderr(
      `runnerkit: unknown command '${name}'; run 'runnerkit --help' for the list of commands\n`
    )
    return 1
  }
  const ownHelp = command.subcommandsWithHelp?.includes(rest[0] ?? '') === true
  if ((rest.includes('--help') || rest.includes('-h')) && !ownHelp) {
    context.stdout(command.usage)
    return 0
  }
  try {
    return await command.run(rest, context)
  } catch (error) {
    if (isUserError(error)) {
      context.stderr(`runnerkit ${command.name}: ${error.message}\n`)
      return 1
    }
    context.stderr(
      `runnerkit ${command.name}: internal error: ${error instanceof Error && error.stack ? error.stack : messageOf(error)}\n`
    )
    return 2
  }
}
