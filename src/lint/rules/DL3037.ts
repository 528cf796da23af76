import { argumentsOf, commandsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

const installs = ['install', 'in']

/** `pkg=1.2`, `pkg>=1.2`, `pkg<2` (all contain one of these) or a local `.rpm` file. */
const isPinned = (pkg: string) =>
  pkg.includes('=') || pkg.includes('>') || pkg.includes('<') || pkg.endsWith('.rpm')

/** Unpinned zypper packages make the same Dockerfile build different images over time. */
export const DL3037 = simpleRule(
  {
    code: 'DL3037',
    severity: 'warning',
    message:
      'Pin zypper package versions (zypper install -y <package>=<version>) so rebuilds are reproducible'
  },
  (instruction) =>
    commandsOf(instruction)
      .filter((command) => hasArgs(command, 'zypper', installs))
      .every((command) =>
        argumentsOf(command)
          .filter((arg) => arg !== 'install' && arg !== 'in')
          .every(isPinned)
      ),
  { onbuild: true }
)
