/**
 * path: PATH holds the directories the admin expects, each entry exists, and none is
 * world-writable (anyone could plant a binary there). Steps run `bash --noprofile --norc`, so
 * what ~/.profile adds (~/.local/bin, ~/bin) is missing unless the image or fix-path puts it in.
 */
import type { CheckResult, LiveCheck } from './check.js'

export const pathCheck: LiveCheck = {
  id: 'path',
  title: 'PATH',
  async check(context) {
    const home = context.env.HOME ?? ''
    const entries = (context.env.PATH ?? '').split(':').filter((entry) => entry !== '')
    const expanded = context.expected.pathDirs.map((dir) => dir.replace(/^~(?=\/|$)/, home))
    const results: CheckResult[] = []
    const missing = expanded.filter((dir) => !entries.includes(dir))
    if (missing.length > 0) {
      results.push({
        id: 'path',
        title: 'PATH',
        status: 'fail',
        reason: `PATH lacks ${missing.join(', ')}`,
        fix: `add them with the fix-path action (or ENV PATH in the image and PATH= in the runner's .env)`,
        details: { path: entries, missing }
      })
    }
    const absent: string[] = []
    const worldWritable: string[] = []
    for (const entry of entries) {
      const stat = await context.stat(entry)
      if (stat === undefined) absent.push(entry)
      else if ((stat.mode & 0o002) !== 0 && (stat.mode & 0o1000) === 0) worldWritable.push(entry)
    }
    if (worldWritable.length > 0) {
      results.push({
        id: 'path',
        title: 'PATH',
        status: 'fail',
        reason: `world-writable on PATH: ${worldWritable.join(', ')}`,
        fix: `chmod o-w ${worldWritable.join(' ')}, or drop them from PATH`,
        details: { worldWritable }
      })
    }
    if (absent.length > 0) {
      results.push({
        id: 'path',
        title: 'PATH',
        status: 'warn',
        reason: `PATH entries that do not exist: ${absent.join(', ')}`,
        fix: 'create them or drop them (fix-path drops missing entries)',
        details: { absent }
      })
    }
    return results.length > 0
      ? results
      : [
          {
            id: 'path',
            title: 'PATH',
            status: 'pass',
            reason: `${entries.length} entries, all present`,
            details: { path: entries }
          }
        ]
  }
}
