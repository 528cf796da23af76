import { argumentsOf, commandsOf, hasFlag } from '../helpers/commands.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import { simpleRule, type Rule } from '../rule.js'

/** Options of pip install whose value is not a requirement. */
const valueFlags = [
  'abi',
  'b',
  'build',
  'e',
  'editable',
  'extra-index-url',
  'f',
  'find-links',
  'i',
  'index-url',
  'implementation',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python',
  'python-version',
  'root',
  'root-user-action',
  'src',
  't',
  'target',
  'trusted-host',
  'upgrade-strategy'
]

/** pip's version-control schemes (`git+https://…@v1.2`). */
const vcsSchemes = [
  'git+file',
  'git+https',
  'git+ssh',
  'git+http',
  'git+git',
  'git',
  'hg+file',
  'hg+http',
  'hg+https',
  'hg+ssh',
  'hg+static-http',
  'svn',
  'svn+svn',
  'svn+http',
  'svn+https',
  'svn+ssh',
  'bzr+http',
  'bzr+https',
  'bzr+ssh',
  'bzr+sftp',
  'bzr+ftp',
  'bzr+lp'
]

const specifiers = ['==', '>=', '<=', '>', '<', '!=', '~=', '===']

/**
 * Pinned: a version specifier, a VCS URL with `@ref`, a local wheel or sdist, or a path that
 * is not a VCS URL (`./pkg`, `/src/pkg`).
 */
function isPinned(requirement: string): boolean {
  if (specifiers.some((specifier) => requirement.includes(specifier))) return true
  if (requirement.endsWith('.whl') || requirement.endsWith('.tar.gz')) return true
  const vcs = vcsSchemes.some((scheme) => requirement.startsWith(scheme))
  return vcs ? requirement.includes('@') : requirement.includes('/')
}

/** `pip install`, `pip3 install`, `pipx install`, `python3 -m pip install`. */
function isPipInstall(command: ShellCommand): boolean {
  const { name, args } = command
  if (name.startsWith('pip')) return args.includes('install')
  if (!name.startsWith('python')) return false
  for (let index = 0; index + 2 < args.length; index++)
    if (args[index] === '-m' && args[index + 1] === 'pip' && args[index + 2] === 'install')
      return true
  return false
}

/** Requirements files, constraints and the local project (`.`) are pinned elsewhere. */
const pinnedElsewhere = (command: ShellCommand) =>
  command.args.includes('-r') ||
  command.args.includes('--requirement') ||
  command.args.includes('.') ||
  hasFlag(command, 'c', 'constraint')

/** The requirements after `install`. */
function requirementsOf(command: ShellCommand): string[] {
  const args = argumentsOf(command, valueFlags)
  let start = args.indexOf('install')
  if (start < 0) return []
  while (args[start] === 'install') start++
  return args.slice(start)
}

/** Unpinned pip packages make the same Dockerfile build different images over time. */
export const DL3013: Rule = simpleRule(
  {
    code: 'DL3013',
    severity: 'warning',
    message:
      'Pin pip package versions (pip install <package>==<version>) or install from a requirements file (pip install -r <file>)'
  },
  (instruction) => {
    for (const command of commandsOf(instruction)) {
      if (!isPipInstall(command) || pinnedElsewhere(command)) continue
      if (!requirementsOf(command).every(isPinned)) return false
    }
    return true
  },
  { onbuild: true }
)
