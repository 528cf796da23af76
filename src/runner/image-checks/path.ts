/**
 * path (image): PATH in the config's Env (a container job or Docker action sees only that), the
 * expected directories in it, and no world-writable directory on it.
 */
import type { ImageCheck } from './image-check.js'
import { checkResult } from '../checks/check.js'
import { relative } from './image-check.js'

export const imagePathCheck: ImageCheck = {
  id: 'path',
  title: 'PATH',
  check({ image, expected, user }) {
    const value = (image.config.Env ?? []).find((entry) => entry.startsWith('PATH='))?.slice(5)
    if (value === undefined) {
      return [
        checkResult(
          'path',
          'PATH',
          'fail',
          'the image config has no PATH: container jobs and GITHUB_PATH writes then lose it',
          'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin in the Dockerfile'
        )
      ]
    }
    const entries = value.split(':').filter((entry) => entry !== '')
    const home = user.home ?? ''
    const missing = expected.pathDirs
      .map((dir) => dir.replace(/^~(?=\/|$)/, home))
      .filter((dir) => !entries.includes(dir))
    const worldWritable = entries.filter((dir) => {
      const entry = image.entry(relative(dir))
      return entry !== undefined && (entry.mode & 0o002) !== 0 && (entry.mode & 0o1000) === 0
    })
    const details = { path: entries, missing, worldWritable }
    const results = []
    if (missing.length > 0)
      results.push(
        checkResult(
          'path',
          'PATH',
          'fail',
          `PATH lacks ${missing.join(', ')}`,
          `ENV PATH=${[...entries, ...missing].join(':')}`,
          details
        )
      )
    if (worldWritable.length > 0)
      results.push(
        checkResult(
          'path',
          'PATH',
          'fail',
          `world-writable on PATH: ${worldWritable.join(', ')}`,
          `chmod o-w ${worldWritable.join(' ')}`,
          details
        )
      )
    return results.length > 0
      ? results
      : [checkResult('path', 'PATH', 'pass', `PATH=${value}`, undefined, details)]
  }
}
