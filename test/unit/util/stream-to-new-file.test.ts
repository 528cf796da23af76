import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { streamToNewFile } from '../../../src/util/atomic-write.js'
import { scratchDir } from '../../helpers/scratch.js'

describe('streamToNewFile', () => {
  it('writes the stream into a new file with the given mode', async () => {
    const path = join(scratchDir('stream-file'), 'blob')
    await streamToNewFile(path, (sink) => pipeline(Readable.from([Buffer.from('hello')]), sink), {
      mode: 0o600
    })
    expect(readFileSync(path, 'utf8')).toBe('hello')
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('leaves no file behind when the source fails at once, before any byte is written', async () => {
    const path = join(scratchDir('stream-file'), 'blob')
    const failing = new Readable({
      read() {
        this.destroy(new Error('unexpected end of data'))
      }
    })
    await expect(streamToNewFile(path, (sink) => pipeline(failing, sink))).rejects.toThrow(
      'unexpected end of data'
    )
    // Let any lazily opened stream finish opening: nothing may appear afterwards.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(existsSync(path)).toBe(false)
  })

  it('refuses to overwrite an existing file', async () => {
    const path = join(scratchDir('stream-file'), 'blob')
    writeFileSync(path, 'mine')
    await expect(
      streamToNewFile(path, (sink) => pipeline(Readable.from(['x']), sink))
    ).rejects.toThrow(/EEXIST/)
    expect(readFileSync(path, 'utf8')).toBe('mine')
  })
})
