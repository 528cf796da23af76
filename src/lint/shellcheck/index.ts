/** ShellCheck's findings (SCxxxx) for the Dockerfile linter: the binary, the scripts, the run. */
export {
  cachedShellCheck,
  defaultShellCheckUrl,
  downloadShellCheck,
  findShellCheck,
  parseShellCheckSetting,
  ShellCheckChecksumError,
  shellCheckRelease,
  shellCheckUrlVariable,
  type ShellCheckLookup,
  type ShellCheckOptions,
  type ShellCheckRelease,
  type ShellCheckSetting,
  type ShellCheckSource
} from './binary.js'
export { shellcheckFailures } from './run.js'
export { dockerfilePosition, shellCheckScripts, type ShellCheckScript } from './scripts.js'
