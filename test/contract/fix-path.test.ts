/**
 * fix-path's committed bundle, run the way the runner runs it: what it writes to GITHUB_PATH
 * and GITHUB_ENV, the runner .env it keeps, and the values it refuses before writing anything.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction, type ActionRun } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'

/** A HOME with ~/.local/bin and ~/bin, as pip --user and the rootless Docker installer leave. */
function makeHome(): string {
  const home = scratchDir('fix-path-home')
  mkdirSync(join(home, '.local', 'bin'), { recursive: true })
  mkdirSync(join(home, 'bin'))
  return home
}

/** The PATH the runner gives the next host step: GITHUB_PATH lines newest first, then PATH. */
function nextStepPath(run: ActionRun, startPath: string): string[] {
  const prepend = [...run.path].reverse()
  const base = (run.env.PATH ?? startPath).split(':')
  const seen = new Set<string>()
  return [...prepend, ...base].filter((entry) => !seen.has(entry) && Boolean(seen.add(entry)))
}

function expectCleanSuccess(run: ActionRun) {
  expect(run.errors).toEqual([])
  expect(run.stderr).toBe('')
  expect(run.exitCode).toBe(0)
}

describe('fix-path puts lost directories back', () => {
  it('adds ~/.local/bin and ~/bin through GITHUB_PATH and GITHUB_ENV, in the same order', async () => {
    const home = makeHome()
    const run = await runAction('fix-path', { env: { HOME: home, PATH: '/usr/bin:/bin' } })
    expectCleanSuccess(run)
    const added = [`${home}/.local/bin`, `${home}/bin`]
    const full = [...added, '/usr/bin', '/bin'].join(':')
    expect(run.outputs).toEqual({ path: full, added: added.join('\n') })
    // Newest GITHUB_PATH line first: written last to first, they keep their order.
    expect(run.path).toEqual([`${home}/bin`, `${home}/.local/bin`])
    expect(run.env).toEqual({ PATH: full })
    expect(nextStepPath(run, '/usr/bin:/bin').join(':')).toBe(full)
    expect(run.summary).toContain('### fix-path')
    expect(run.summary).toContain('added')
  })

  it('adds the image PATH and extra directories, dropping those that do not exist', async () => {
    const home = makeHome()
    const tools = scratchDir('fix-path-tools')
    const run = await runAction('fix-path', {
      env: { HOME: home, PATH: `/usr/bin:/bin:/usr/bin:${home}/bin` },
      inputs: {
        'image-path':
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/nonexistent/opt/bin',
        extra: `# the team's tools\n${tools}/, /nonexistent/extra`
      }
    })
    expectCleanSuccess(run)
    const added = [
      '/usr/local/sbin',
      '/usr/local/bin',
      '/usr/sbin',
      '/sbin',
      `${home}/.local/bin`,
      tools
    ].filter((dir) => dir.startsWith(home) || dir === tools || existsSync(dir))
    const full = [...added, '/usr/bin', '/bin', `${home}/bin`].join(':')
    expect(run.outputs.path).toBe(full)
    expect(run.outputs.added).toBe(added.join('\n'))
    expect(run.env).toEqual({ PATH: full })
    expect(nextStepPath(run, '').join(':')).toBe(full)
    expect(run.summary).toContain('dropped: duplicate')
    expect(run.summary).toContain('dropped: missing')
    expect(run.summary).toContain('/nonexistent/extra')
  })

  it('keeps missing directories with drop-missing: false', async () => {
    const run = await runAction('fix-path', {
      env: { HOME: '/nonexistent/home', PATH: '/bin' },
      inputs: { 'drop-missing': 'false', extra: '/nonexistent/later' }
    })
    expectCleanSuccess(run)
    expect(run.outputs.path).toBe(
      '/nonexistent/home/.local/bin:/nonexistent/home/bin:/nonexistent/later:/bin'
    )
  })

  it('writes nothing to GITHUB_PATH or GITHUB_ENV when PATH is already complete', async () => {
    const home = makeHome()
    const path = `${home}/.local/bin:${home}/bin:/usr/bin:/bin`
    const run = await runAction('fix-path', { env: { HOME: home, PATH: path } })
    expectCleanSuccess(run)
    expect(run.outputs).toEqual({ path, added: '' })
    expect(run.path).toEqual([])
    expect(run.env).toEqual({})
    expect(run.summary).toContain('PATH already complete')
  })

  it('fails naming extra when no directory is left', async () => {
    const run = await runAction('fix-path', {
      env: { HOME: undefined, PATH: '/nonexistent/a' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain("input 'extra'")
    expect(run.env).toEqual({})
    expect(run.path).toEqual([])
  })
})

describe('fix-path and the runner .env', () => {
  it('merges PATH into the .env, keeps the original as a backup, and restores it', async () => {
    const home = makeHome()
    const root = scratchDir('fix-path-runner')
    const file = join(root, '.env')
    const original = 'LANG=C.UTF-8\nPATH=/usr/bin:/bin\nJAVA_HOME=/opt/java\n'
    writeFileSync(file, original)
    const env = { HOME: home, PATH: '/usr/bin:/bin' }

    const run = await runAction('fix-path', { env, inputs: { 'runner-env-file': file } })
    expectCleanSuccess(run)
    expect(readFileSync(file, 'utf8')).toBe(
      `LANG=C.UTF-8\nPATH=${run.outputs.path}\nJAVA_HOME=/opt/java\n`
    )
    expect(readFileSync(`${file}.runnerkit-backup`, 'utf8')).toBe(original)

    // A second run (the next job on a persistent runner) keeps the first backup.
    const again = await runAction('fix-path', {
      env,
      inputs: { 'runner-env-file': file, extra: home }
    })
    expectCleanSuccess(again)
    expect(readFileSync(file, 'utf8')).toContain(`PATH=${again.outputs.path}\n`)
    expect(readFileSync(`${file}.runnerkit-backup`, 'utf8')).toBe(original)

    const restore = await runAction('fix-path', {
      env,
      inputs: { 'runner-env-file': file, restore: 'true' }
    })
    expectCleanSuccess(restore)
    expect(readFileSync(file, 'utf8')).toBe(original)
    expect(existsSync(`${file}.runnerkit-backup`)).toBe(false)
    expect(restore.outputs).toEqual({})
    expect(restore.env).toEqual({})
    expect(restore.path).toEqual([])
  })

  it.each([
    ['restore without a file', { restore: 'true' }, "input 'runner-env-file'"],
    [
      'a folder that does not exist',
      { 'runner-env-file': '/nonexistent/runner/.env' },
      "input 'runner-env-file'"
    ],
    ['restore: maybe', { restore: 'maybe' }, "input 'restore'"],
    ['drop-missing: yes', { 'drop-missing': 'yes' }, "input 'drop-missing'"]
  ])('%s fails naming the input, writing nothing', async (_name, inputs, expected) => {
    const run = await runAction('fix-path', { env: { PATH: '/usr/bin:/bin' }, inputs })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(expected)
    expect(run.env).toEqual({})
    expect(run.path).toEqual([])
  })
})

describe('fix-path refuses injections before writing anything', () => {
  it.each([
    ['a newline between entries', { extra: 'a\nb' }, "input 'extra'"],
    [
      'a workflow command on a second line',
      { extra: '/x\n::set-env name=FOO::bar' },
      "input 'extra'"
    ],
    [
      'a heredoc delimiter on its own line',
      { extra: '/x\nghadelimiter_0190d4c6-7c1a-7000-8000-000000000000\nBASH_ENV=/tmp/evil' },
      "input 'extra'"
    ],
    ['a carriage return', { extra: '/x\rLD_PRELOAD=/tmp/evil.so' }, "input 'extra'"],
    ['a colon inside an entry', { extra: '/usr/bin:/tmp/evil' }, "input 'extra'"],
    [
      'a newline in image-path',
      { 'image-path': '/usr/bin\nghadelimiter_x\nLD_PRELOAD=/tmp/evil.so' },
      "input 'image-path'"
    ]
  ])('%s', async (_name, inputs, expected) => {
    const root = scratchDir('fix-path-runner')
    const file = join(root, '.env')
    writeFileSync(file, 'A=1\n')
    const run = await runAction('fix-path', {
      env: { PATH: '/usr/bin:/bin' },
      inputs: { ...inputs, 'runner-env-file': file }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(expected)
    expect(run.errors[0]?.message).not.toMatch(/[\n\r]/)
    expect(run.env).toEqual({})
    expect(run.path).toEqual([])
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
    expect(run.stderr).toBe('')
    expect(readFileSync(file, 'utf8')).toBe('A=1\n')
    expect(existsSync(`${file}.runnerkit-backup`)).toBe(false)
  })

  it('a NUL cannot reach the action through an input', async () => {
    // An input cannot carry a NUL: the environment is a list of C strings and Node refuses to
    // spawn with one (the unit tests feed computePath a NUL directly). PATH is checked alike.
    await expect(runAction('fix-path', { inputs: { extra: '/x\0/y' } })).rejects.toThrow(
      /null bytes/
    )
  })

  it('a newline in the current PATH fails naming PATH', async () => {
    const run = await runAction('fix-path', { env: { PATH: '/usr/bin\nBASH_ENV=/tmp/evil' } })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain("environment variable 'PATH'")
    expect(run.env).toEqual({})
    expect(run.path).toEqual([])
  })
})
