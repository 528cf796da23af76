/**
 * Questions rules ask of shell commands, with hadolint's semantics: flags are read from every
 * argument (parsing does not stop at `--`), `-abc` is three flags, `--foo=bar` is flag `foo`,
 * and `-`/`--` are not flags.
 */
import type { ShellCommand } from '../../dockerfile/shell.js'
import type { LintInstruction } from '../rule.js'

/** The commands of a RUN (empty for other instructions). */
export function commandsOf(instruction: LintInstruction): readonly ShellCommand[] {
  return instruction.shell?.commands ?? []
}

export function isFlag(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-' && arg !== '--'
}

/** Every flag name in the arguments: `--yes` → `yes`, `-qy` → `q`, `y`, `--opt=v` → `opt`. */
export function flagsOf(command: ShellCommand): string[] {
  const flags: string[] = []
  for (const arg of command.args) {
    if (!isFlag(arg)) continue
    if (arg.startsWith('--')) flags.push(arg.slice(2).split('=')[0] ?? '')
    else flags.push(...arg.slice(1).split(''))
  }
  return flags
}

export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return flagsOf(command).some((flag) => names.includes(flag))
}

/** How many times a flag is given (`-q -q`, `-qq`). */
export function countFlag(command: ShellCommand, name: string): number {
  return flagsOf(command).filter((flag) => flag === name).length
}

/** The command is `name` and one of `args` appears anywhere among its arguments. */
export function hasArgs(
  command: ShellCommand,
  name: string | readonly string[],
  args: readonly string[]
): boolean {
  const names = typeof name === 'string' ? [name] : name
  return names.includes(command.name) && command.args.some((arg) => args.includes(arg))
}

/**
 * The arguments that are not flags, after dropping the value that follows each flag listed
 * in `flagsWithValue` (unless it was given as `--flag=value`).
 */
export function argumentsOf(
  command: ShellCommand,
  flagsWithValue: readonly string[] = []
): string[] {
  const result: string[] = []
  for (let index = 0; index < command.args.length; index++) {
    const arg = command.args[index] ?? ''
    if (isFlag(arg)) {
      const names = arg.startsWith('--') ? [arg.slice(2)] : arg.slice(1).split('')
      const takesValue = !arg.includes('=') && names.some((flag) => flagsWithValue.includes(flag))
      if (takesValue) index++
      continue
    }
    if (arg === '-' || arg === '--') continue
    result.push(arg)
  }
  return result
}
