/** entrypoint (image): reports ENTRYPOINT and CMD, and warns when there is neither. */
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'

export const imageEntrypointCheck: ImageCheck = {
  id: 'entrypoint',
  title: 'Entrypoint and command',
  check({ image }) {
    const entrypoint = image.config.Entrypoint ?? []
    const cmd = image.config.Cmd ?? []
    const details = { entrypoint, cmd }
    if (entrypoint.length === 0 && cmd.length === 0) {
      return [
        checkResult(
          'entrypoint',
          'Entrypoint and command',
          'warn',
          'no ENTRYPOINT and no CMD',
          'ENTRYPOINT ["/usr/bin/tini", "--"] with CMD ["/home/runner/run.sh"], or what starts your runner',
          details
        )
      ]
    }
    return [
      checkResult(
        'entrypoint',
        'Entrypoint and command',
        'pass',
        `ENTRYPOINT ${JSON.stringify(entrypoint)} CMD ${JSON.stringify(cmd)}`,
        undefined,
        details
      )
    ]
  }
}
