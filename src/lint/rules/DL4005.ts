import { commandsOf, hasArgs } from '../helpers/commands.js'
import { simpleRule } from '../rule.js'

/**
 * Re-linking /bin/sh changes the shell for everything in the image, not just the build;
 * SHELL changes it for the Dockerfile's own RUN, CMD and ENTRYPOINT only.
 */
export const DL4005 = simpleRule(
  {
    code: 'DL4005',
    severity: 'warning',
    message: 'Use the SHELL instruction to change the default shell instead of re-linking /bin/sh'
  },
  (instruction) => !commandsOf(instruction).some((command) => hasArgs(command, 'ln', ['/bin/sh'])),
  { onbuild: true }
)
