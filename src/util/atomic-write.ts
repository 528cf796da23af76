import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'

export interface AtomicWriteOptions {
  /** File mode of the new file, e.g. 0o600 for credentials (applied before any byte is written). */
  mode?: number
}

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the bytes go to a temporary file beside the target, which is then renamed over it.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await fs.open(temporary, 'wx', options.mode ?? 0o644)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temporary, path)
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
}

/**
 * Streams into a file that must not exist yet (a temporary name), and removes it if the writing
 * fails. The file is opened before any byte flows and removed only once it is closed: with
 * createWriteStream's lazy open, a pipeline that failed early could create the file after the
 * removal had already run, leaving a stray temporary behind.
 */
export async function streamToNewFile(
  path: string,
  write: (sink: Writable) => Promise<unknown>,
  options: AtomicWriteOptions = {}
): Promise<void> {
  const handle = await fs.open(path, 'wx', options.mode ?? 0o644)
  const sink = handle.createWriteStream()
  try {
    await write(sink)
  } catch (error) {
    if (!sink.closed) {
      // The pipeline has destroyed the sink with its error; only the close is awaited here.
      await new Promise<void>((resolve) => {
        sink.on('error', () => undefined)
        sink.once('close', () => resolve())
        sink.destroy()
      })
    }
    await fs.rm(path, { force: true })
    throw error
  }
}
