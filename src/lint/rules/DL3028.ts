import { commandsOf, hasArgs } from '../helpers/commands.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule, type Rule } from '../rule.js'

/** `-v 1.2`, `--version 1.2` or `--version=1.2` pins every gem of the command. */
const hasVersionOption = (command: ShellCommand) =>
  command.args.some((arg) => arg === '-v' || arg === '--version' || arg.startsWith('--version='))

/**
 * The gems of `gem install`: arguments before `--` (what follows goes to the gem's build),
 * skipping options and the value after an option given without `=`.
 */
function gemsOf(command: ShellCommand): string[] {
  const gems: string[] = []
  const { args } = command
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? ''
    if (arg === '--') break
    if (arg.startsWith('-')) {
      if (!arg.includes('=')) index++
      continue
    }
    if (arg !== 'install' && arg !== 'i') gems.push(arg)
  }
  return gems
}

/** Unpinned gems make the same Dockerfile build different images over time. */
export const DL3028: Rule = simpleRule(
  {
    code: 'DL3028',
    severity: 'warning',
    message: 'Pin gem versions (gem install <gem>:<version>) so rebuilds are reproducible'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) {
      if (
        command.name !== 'gem' ||
        !hasArgs(command, 'gem', ['install', 'i']) ||
        hasVersionOption(command)
      )
        continue
      for (const gem of gemsOf(command)) if (!gem.includes(':')) return false
    }
    return true
  },
  { onbuild: true }
)
