import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { BuildLog } from '../../../actions/image-build/build-log.js'

// @actions/core's info, startGroup and endGroup all write to process.stdout.
let written: string[] = []
let restore: (() => void) | undefined

beforeEach(() => {
  written = []
  const spy = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    })
  restore = () => spy.mockRestore()
})

afterEach(() => {
  restore?.()
})

const lines = () => written.join('').split(/\r?\n/).slice(0, -1)

/** A clock that returns the given times, one per call. */
function clock(...times: number[]): () => number {
  return () => {
    const next = times.shift()
    if (next === undefined) throw new Error('the clock was read more often than expected')
    return next
  }
}

/** The stop-commands token of each group, in order, checked to be closed by `::TOKEN::`. */
function groups(output: string[]): Array<{ title: string; body: string[] }> {
  const result: Array<{ title: string; body: string[] }> = []
  for (let at = 0; at < output.length; at++) {
    const title = /^::group::(.*)$/.exec(output[at] ?? '')?.[1]
    if (title === undefined) continue
    const token = /^::stop-commands::(runnerkit-[0-9a-f-]{36})$/.exec(output[at + 1] ?? '')?.[1]
    expect(token).toBeDefined()
    const resume = output.indexOf(`::${token}::`, at + 2)
    expect(resume).toBeGreaterThan(at + 1)
    expect(output[resume + 1]).toBe('::endgroup::')
    result.push({ title, body: output.slice(at + 2, resume) })
    at = resume + 1
  }
  return result
}

describe('BuildLog', () => {
  it('prints nothing until something happens', () => {
    const log = new BuildLog(clock())
    log.close()
    expect(written).toEqual([])
    expect(log.timings()).toEqual([])
  })

  it('opens a group per phase and step, and closes each before the next', () => {
    const log = new BuildLog(clock(0, 5, 5, 7, 7, 20))
    log.phase('prepare')
    log.line('reading Dockerfile')
    log.step('Step 1/2: FROM alpine')
    log.line('pulling')
    log.step('Step 2/2: RUN make', 'linux/arm64')
    log.line('built')
    log.close()
    const output = lines()
    expect(output.filter((line) => line.startsWith('::group::'))).toHaveLength(3)
    expect(output.filter((line) => line === '::endgroup::')).toHaveLength(3)
    expect(groups(output)).toEqual([
      { title: 'prepare', body: ['reading Dockerfile'] },
      { title: 'Step 1/2: FROM alpine', body: ['pulling'] },
      { title: '[linux/arm64] Step 2/2: RUN make', body: ['built'] }
    ])
    expect(output.at(-1)).toBe('::endgroup::')
  })

  it('keeps a workflow command printed by the build between stop-commands and its token', () => {
    const log = new BuildLog(clock(0, 1))
    log.step('Step 1/1: RUN echo')
    log.line('::set-output name=x::y')
    log.line('::add-mask::nothing')
    log.close()
    const output = lines()
    const stop = output.findIndex((line) => line.startsWith('::stop-commands::'))
    const token = output[stop]?.slice('::stop-commands::'.length) ?? ''
    expect(token).toMatch(/^runnerkit-[0-9a-f-]{36}$/)
    const resume = output.indexOf(`::${token}::`)
    const command = output.indexOf('::set-output name=x::y')
    expect(stop).toBeGreaterThan(-1)
    expect(command).toBeGreaterThan(stop)
    expect(resume).toBeGreaterThan(command)
    expect(output.indexOf('::add-mask::nothing')).toBeLessThan(resume)
    // Commands are resumed before the group ends.
    expect(output[resume + 1]).toBe('::endgroup::')
  })

  it('uses a new token for every group', () => {
    const log = new BuildLog(clock(0, 1, 1, 2))
    log.phase('a')
    log.phase('b')
    log.close()
    const tokens = lines().filter((line) => line.startsWith('::stop-commands::'))
    expect(tokens).toHaveLength(2)
    expect(new Set(tokens).size).toBe(2)
  })

  it("opens a 'prepare' group for a line printed outside any group", () => {
    const log = new BuildLog(clock(10, 12))
    log.line('early output')
    log.close()
    expect(groups(lines())).toEqual([{ title: 'prepare', body: ['early output'] }])
    expect(log.timings()).toEqual([{ title: 'prepare', ms: 2 }])
  })

  it('times each group with the injected clock', () => {
    const log = new BuildLog(clock(100, 150, 150, 400, 400, 401))
    log.phase('pull base images')
    log.step('Step 1/1: RUN make')
    log.phase('push')
    expect(log.timings()).toEqual([
      { title: 'pull base images', ms: 50 },
      { title: 'Step 1/1: RUN make', ms: 250 }
    ])
    log.close()
    log.close()
    expect(log.timings()).toEqual([
      { title: 'pull base images', ms: 50 },
      { title: 'Step 1/1: RUN make', ms: 250 },
      { title: 'push', ms: 1 }
    ])
  })

  it('returns a copy of the timings', () => {
    const log = new BuildLog(clock(0, 3))
    log.phase('a')
    log.close()
    log.timings().pop()
    expect(log.timings()).toEqual([{ title: 'a', ms: 3 }])
  })
})
