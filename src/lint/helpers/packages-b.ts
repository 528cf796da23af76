/**
 * Questions the yum, dnf and zypper rules share (DL3032–DL3041): which arguments of an install
 * command are packages, whether an rpm package names a version, and whether a clean-up follows
 * the install in the same RUN.
 */
import type { ShellCommand } from '../../dockerfile/shell.js'
import { argumentsOf, hasArgs } from './commands.js'

/** Characters rpm allows in a version or release (`1:1.1.1k`, `2.4~rc1`, `9^20240101`). */
const versionCharacters = /^[0-9A-Za-z.~^_:+]*$/
/** Arguments spell every expansion as `${NAME}` (see ShellCommand.args). */
const variableReference = /\$\{([^}]*)\}/g
const installs = ['install']

/** The names an argument expands (`git-${GIT_VERSION}` → `GIT_VERSION`). */
export function referencedVariables(arg: string): string[] {
  const names: string[] = []
  variableReference.lastIndex = 0
  for (let match = variableReference.exec(arg); match; match = variableReference.exec(arg))
    names.push(match[1] ?? '')
  return names
}

/**
 * An rpm package argument names a version: `name-<version>[-<release>]` where some part after
 * the first dash starts with a digit and all of them are version characters (so `rpm-sign` is
 * unpinned but `gcc-c++-12.1` is pinned), an `.rpm` file, or an argument whose variables the
 * Dockerfile declares (`git-core-${GIT_VERSION}`: the version is kept in an ARG or ENV).
 */
export function isRpmPinned(pkg: string, isDeclared: (name: string) => boolean): boolean {
  if (pkg.includes('$')) {
    const names = referencedVariables(pkg)
    if (names.length > 0 && names.every(isDeclared)) return true
  }
  const parts = pkg.split('-')
  if (parts.length <= 1) return false
  if (pkg.endsWith('.rpm')) return true
  const version = parts.slice(1)
  return (
    version.every((part) => versionCharacters.test(part)) &&
    version.some((part) => part.charCodeAt(0) >= 48 && part.charCodeAt(0) <= 57)
  )
}

/**
 * Whether every package of a `yum|dnf|microdnf install` command is pinned. `… module install`
 * takes `name:stream` modules; `… group install` takes group names, which have no version.
 */
export function rpmInstallPinned(
  command: ShellCommand,
  managers: readonly string[],
  isDeclared: (name: string) => boolean
): boolean {
  if (!hasArgs(command, managers, installs)) return true
  const packages = argumentsOf(command).filter((arg) => arg !== 'install' && arg !== 'module')
  if (command.args.includes('module')) return packages.every((pkg) => pkg.includes(':'))
  if (command.args.includes('group')) return true
  return packages.every((pkg) => isRpmPinned(pkg, isDeclared))
}

/**
 * A RUN that installs also cleans up after itself: the first install command comes before the
 * first clean-up command. A clean-up that only comes first leaves the new cache behind.
 */
export function cleansAfterInstall(
  commands: readonly ShellCommand[],
  isInstall: (command: ShellCommand) => boolean,
  isClean: (command: ShellCommand) => boolean
): boolean {
  const install = commands.findIndex(isInstall)
  if (install < 0) return true
  return commands.findIndex(isClean) > install
}
