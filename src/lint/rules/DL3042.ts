import { commandsOf } from '../helpers/commands.js'
import { hasCacheOrTmpfsMountWith } from '../helpers/mounts.js'
import { VariableScope } from '../helpers/variables.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import type { Rule } from '../rule.js'

/** Values pip reads as "on" for PIP_NO_CACHE_DIR. */
const truthy = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES']
const setting = 'PIP_NO_CACHE_DIR='

/** `python3 -m pip …`, `python -m pipx …`: the module run after `-m`. */
function moduleOf(command: ShellCommand): string | undefined {
  if (!command.name.startsWith('python')) return undefined
  const at = command.args.indexOf('-m')
  return at >= 0 ? command.args[at + 1] : undefined
}

/** `pip install`, `pip3 install`, `python3 -m pip install`; not the pipx and pipenv wrappers. */
function isPipInstall(command: ShellCommand): boolean {
  if (!command.args.includes('install')) return false
  const { name } = command
  if (name.startsWith('pip')) return !name.includes('pipx') && !name.includes('pipenv')
  return moduleOf(command) === 'pip'
}

const forgetsNoCacheDir = (command: ShellCommand) =>
  isPipInstall(command) && !command.args.includes('--no-cache-dir')

/** The RUN sets PIP_NO_CACHE_DIR to an "on" value itself (`PIP_NO_CACHE_DIR=1 pip …`). */
function setsNoCacheDir(script: string): boolean {
  const at = script.indexOf(setting)
  if (at < 0) return false
  const value = script.slice(at + setting.length)
  return truthy.some((word) => value.startsWith(word))
}

/**
 * pip keeps every downloaded wheel in ~/.cache/pip, which then ships in the layer. Exempt when
 * PIP_NO_CACHE_DIR is on (ENV of this or a parent stage, or in the RUN) or the cache is a mount.
 */
export const DL3042: Rule = {
  meta: {
    code: 'DL3042',
    severity: 'warning',
    message:
      "Add --no-cache-dir to pip install (pip install --no-cache-dir <package>) so pip's cache stays out of the image"
  },
  onbuild: true,
  create(context) {
    const scope = new VariableScope()
    return {
      check(instruction) {
        scope.check(instruction)
        if (instruction.keyword !== 'RUN') return
        if (!commandsOf(instruction).some(forgetsNoCacheDir)) return
        const fromEnv = scope.env.get('PIP_NO_CACHE_DIR')
        if (fromEnv != null && truthy.includes(fromEnv)) return
        if (setsNoCacheDir(instruction.script ?? instruction.text)) return
        if (hasCacheOrTmpfsMountWith(instruction, '.cache/pip')) return
        context.report(instruction.line)
      }
    }
  }
}
