import * as core from '@actions/core'
import { isUserError, messageOf } from '../../src/errors.js'

/**
 * Runs an action's main function. A UserError becomes one `::error::` line naming what to fix;
 * anything else is a bug in runnerkit, reported with its stack in the debug log.
 * The process exits explicitly once output is flushed (see src/cli/index.ts for why).
 */
export async function runAction(main: () => Promise<void>): Promise<void> {
  try {
    await main()
  } catch (error) {
    if (isUserError(error)) {
      core.setFailed(error.message)
    } else {
      core.setFailed(`runnerkit internal error: ${messageOf(error)}`)
      if (error instanceof Error && error.stack) core.debug(error.stack)
    }
  }
  process.stdout.write('', () => process.exit(process.exitCode ?? 0))
}
