import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs'
import { join } from 'node:path'
import { pathCommand } from '../../../src/cli/path.js'
import { UserError } from '../../../src/errors.js'
import {
  computePath,
  mergeRunnerEnvFile,
  normalizeEntry,
  PathInputError,
  restoreRunnerEnvFile,
  runnerEnvBackupPath,
  writeRunnerEnvFile,
  type PathOptions,
  type PathResult
} from '../../../src/runner/path.js'
import { scratchDir } from '../../helpers/scratch.js'

const system = '/usr/local/bin:/usr/bin:/bin'
const home = '/home/runner'

describe('computePath', () => {
  // prettier-ignore
  const cases: Array<[string, PathOptions, PathResult]> = [
    ['adds ~/.local/bin and ~/bin after the current PATH', { currentPath: system, home },
      { entries: ['/usr/local/bin', '/usr/bin', '/bin', '/home/runner/.local/bin', '/home/runner/bin'],
        added: ['/home/runner/.local/bin', '/home/runner/bin'], dropped: [] }],
    ['prepend puts the added ones first, in their order', { currentPath: system, home, placement: 'prepend' },
      { entries: ['/home/runner/.local/bin', '/home/runner/bin', '/usr/local/bin', '/usr/bin', '/bin'],
        added: ['/home/runner/.local/bin', '/home/runner/bin'], dropped: [] }],
    ['nothing to add', { currentPath: '/home/runner/.local/bin:/home/runner/bin:/bin', home },
      { entries: ['/home/runner/.local/bin', '/home/runner/bin', '/bin'], added: [], dropped: [] }],
    ['image PATH dirs lost by a login shell come back, in image order', { currentPath: '/usr/bin:/bin', imagePath: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/x/bin' },
      { entries: ['/usr/bin', '/bin', '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/sbin', '/opt/x/bin'],
        added: ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/sbin', '/opt/x/bin'], dropped: [] }],
    ['image PATH given as a bare value', { currentPath: '/bin', imagePath: '/opt/y/bin:/bin' },
      { entries: ['/bin', '/opt/y/bin'], added: ['/opt/y/bin'], dropped: [] }],
    ['an empty current PATH (image without PATH in its config)', { currentPath: '', imagePath: system },
      { entries: ['/usr/local/bin', '/usr/bin', '/bin'], added: ['/usr/local/bin', '/usr/bin', '/bin'], dropped: [{ entry: '', reason: 'empty' }] }],
    ['duplicates in PATH dropped, trailing slashes normalised', { currentPath: '/usr/bin/:/bin:/usr/bin:/bin//' },
      { entries: ['/usr/bin', '/bin'], added: [], dropped: [{ entry: '/usr/bin', reason: 'duplicate' }, { entry: '/bin//', reason: 'duplicate' }] }],
    ['candidates already present are not reported', { currentPath: '/opt/a', extra: ['/opt/a/', '/opt/b', '/opt/b'] },
      { entries: ['/opt/a', '/opt/b'], added: ['/opt/b'], dropped: [] }],
    ['empty and relative entries dropped', { currentPath: ':.:bin:/bin::' },
      { entries: ['/bin'], added: [], dropped: [{ entry: '', reason: 'empty' }, { entry: '.', reason: 'relative' }, { entry: 'bin', reason: 'relative' }, { entry: '', reason: 'empty' }, { entry: '', reason: 'empty' }] }],
    ['extra comes last; ~ expanded', { currentPath: '/bin', home: '/home/runner/', extra: ['~/tools', '/opt/z/bin/', '~'] },
      { entries: ['/bin', '/home/runner/.local/bin', '/home/runner/bin', '/home/runner/tools', '/opt/z/bin', '/home/runner'],
        added: ['/home/runner/.local/bin', '/home/runner/bin', '/home/runner/tools', '/opt/z/bin', '/home/runner'], dropped: [] }],
    ['no HOME: no home dirs', { currentPath: '/bin', home: '' },
      { entries: ['/bin'], added: [], dropped: [] }],
    ['root as HOME', { currentPath: '/bin', home: '/' },
      { entries: ['/bin', '/.local/bin'], added: ['/.local/bin'], dropped: [] }],
    ['the tool cache root only when given in extra', { currentPath: '/bin', extra: ['/opt/hostedtoolcache/node/22.1.0/x64/bin'] },
      { entries: ['/bin', '/opt/hostedtoolcache/node/22.1.0/x64/bin'], added: ['/opt/hostedtoolcache/node/22.1.0/x64/bin'], dropped: [] }]
  ]
  it.each(cases)('%s', (_name, options, expected) => {
    expect(computePath(options)).toEqual(expected)
  })

  it('drops directories that do not exist, current and added alike', () => {
    const present = new Set(['/usr/bin', '/home/runner/bin', '/opt/a'])
    const result = computePath({
      currentPath: '/usr/bin:/gone',
      home,
      extra: ['/opt/a', '/opt/missing'],
      exists: (dir) => present.has(dir)
    })
    expect(result).toEqual({
      entries: ['/usr/bin', '/home/runner/bin', '/opt/a'],
      added: ['/home/runner/bin', '/opt/a'],
      dropped: [
        { entry: '/gone', reason: 'missing' },
        { entry: '/home/runner/.local/bin', reason: 'missing' },
        { entry: '/opt/missing', reason: 'missing' }
      ]
    })
  })

  it('asks exists() once per directory, normalised', () => {
    const asked: string[] = []
    computePath({
      currentPath: '/a/:/a',
      extra: ['/a//'],
      exists: (dir) => (asked.push(dir), true)
    })
    expect(asked).toEqual(['/a'])
  })

  // prettier-ignore
  const refused: Array<[string, PathOptions, string, RegExp]> = [
    ['newline in an extra entry', { extra: ['/x\n::set-env name=FOO::bar'] }, 'extra', /newline/],
    ['carriage return', { extra: ['/x\r'] }, 'extra', /carriage return/],
    ['NUL', { extra: ['/x\0/y'] }, 'extra', /NUL/],
    ['heredoc delimiter on its own line', { extra: ['/x\nghadelimiter_0190d4c6\nBASH_ENV=/tmp/evil'] }, 'extra', /newline/],
    ["':' inside an extra entry", { extra: ['/a:/b'] }, 'extra', /':'/],
    ['set-env command as an entry', { extra: ['::set-env name=FOO::bar'] }, 'extra', /':'/],
    ['relative extra entry', { extra: ['a'] }, 'extra', /not an absolute/],
    ['~ without HOME', { extra: ['~/bin'] }, 'extra', /not an absolute/],
    ['newline in image-path', { imagePath: '/usr/bin\nLD_PRELOAD=/tmp/x.so' }, 'image-path', /newline/],
    ['NUL in image-path', { imagePath: '/usr/bin\0' }, 'image-path', /NUL/],
    ['newline in the current PATH', { currentPath: '/bin\nFOO=bar' }, 'PATH', /newline/],
    ['newline in HOME', { home: '/home/x\nFOO=bar' }, 'HOME', /newline/],
    [': in HOME', { home: '/home/a:/tmp' }, 'HOME', /':'/]
  ]
  it.each(refused)('refuses %s', (_name, options, field, message) => {
    let caught: unknown
    try {
      computePath(options)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(PathInputError)
    expect(caught).toBeInstanceOf(UserError)
    expect((caught as PathInputError).field).toBe(field)
    expect((caught as Error).message).toMatch(message)
    expect((caught as Error).message).not.toMatch(/[\n\r\0]/)
  })
})

describe('normalizeEntry', () => {
  it.each([
    ['/usr/bin/', '/usr/bin'],
    ['/usr/bin///', '/usr/bin'],
    ['/', '/'],
    ['//', '/'],
    ['/usr//bin', '/usr//bin']
  ])('%j → %j', (entry, expected) => expect(normalizeEntry(entry)).toBe(expected))
})

describe('mergeRunnerEnvFile', () => {
  // prettier-ignore
  it.each([
    ['empty file', '', 'PATH=/a:/b\n'],
    ['no PATH line: appended', 'LANG=C.UTF-8\nJAVA_HOME=/opt/java', 'LANG=C.UTF-8\nJAVA_HOME=/opt/java\nPATH=/a:/b\n'],
    ['PATH replaced in place', 'LANG=C.UTF-8\nPATH=/usr/bin\nFOO=bar\n', 'LANG=C.UTF-8\nPATH=/a:/b\nFOO=bar\n'],
    ['later PATH lines removed (the last one would win)', 'PATH=/x\nA=1\nPATH=/y\n', 'PATH=/a:/b\nA=1\n'],
    ['comments, blanks and look-alikes kept', '# PATH=/old\n\nMYPATH=/z\n PATH=/q\nPATH_EXTRA=/w\n', '# PATH=/old\n\nMYPATH=/z\n PATH=/q\nPATH_EXTRA=/w\nPATH=/a:/b\n'],
    ['CRLF kept', 'A=1\r\nPATH=/x\r\n', 'A=1\r\nPATH=/a:/b\r\n']
  ])('%s', (_name, text, expected) => {
    expect(mergeRunnerEnvFile(text, '/a:/b')).toBe(expected)
  })

  it('refuses a value that would add lines', () => {
    expect(() => mergeRunnerEnvFile('', '/a\nBASH_ENV=/tmp/x')).toThrow(PathInputError)
  })
})

describe('runner .env write and restore', () => {
  it('keeps the original as a backup on the first write only, and restores it', async () => {
    const dir = scratchDir('path-env')
    const file = join(dir, '.env')
    const original = 'LANG=C.UTF-8\nPATH=/usr/bin:/bin\n'
    writeFileSync(file, original)
    chmodSync(file, 0o640)

    const first = await writeRunnerEnvFile(file, '/a:/usr/bin:/bin')
    expect(first).toEqual({ changed: true, backedUp: true, backup: runnerEnvBackupPath(file) })
    expect(readFileSync(file, 'utf8')).toBe('LANG=C.UTF-8\nPATH=/a:/usr/bin:/bin\n')
    expect(statSync(file).mode & 0o777).toBe(0o640)
    expect(readFileSync(`${file}.runnerkit-backup`, 'utf8')).toBe(original)

    const second = await writeRunnerEnvFile(file, '/b:/usr/bin:/bin')
    expect(second.backedUp).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe('LANG=C.UTF-8\nPATH=/b:/usr/bin:/bin\n')
    expect(readFileSync(`${file}.runnerkit-backup`, 'utf8')).toBe(original)

    const again = await writeRunnerEnvFile(file, '/b:/usr/bin:/bin')
    expect(again.changed).toBe(false)

    expect(await restoreRunnerEnvFile(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toBe(original)
    expect(existsSync(`${file}.runnerkit-backup`)).toBe(false)
    expect(await restoreRunnerEnvFile(file)).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe(original)
  })

  it('creates an absent .env, backed up as an empty one', async () => {
    const file = join(scratchDir('path-env'), '.env')
    await writeRunnerEnvFile(file, '/bin')
    expect(readFileSync(file, 'utf8')).toBe('PATH=/bin\n')
    expect(readFileSync(runnerEnvBackupPath(file), 'utf8')).toBe('')
  })

  it('names the input when the folder does not exist', async () => {
    const file = join(scratchDir('path-env'), 'no', '.env')
    await expect(writeRunnerEnvFile(file, '/bin')).rejects.toMatchObject({
      field: 'runner-env-file',
      message: expect.stringContaining('folder does not exist') as unknown as string
    })
  })
})

describe('runnerkit path', () => {
  async function run(args: string[], env: NodeJS.ProcessEnv) {
    let stdout = ''
    let stderr = ''
    const context = {
      env,
      cwd: '/',
      stdout: (text: string) => void (stdout += text),
      stderr: (text: string) => void (stderr += text)
    }
    const code = await pathCommand.run(args, context)
    return { code, stdout, stderr }
  }

  it('prints the PATH with the added directories first', async () => {
    const dir = scratchDir('path-cli')
    const result = await run(['--extra', `${dir}`, '--keep-missing'], {
      PATH: '/usr/bin:/bin',
      HOME: '/h'
    })
    expect(result).toEqual({
      code: 0,
      stdout: `/h/.local/bin:/h/bin:${dir}:/usr/bin:/bin\n`,
      stderr: ''
    })
  })

  it('--append keeps the current PATH first; missing directories dropped by default', async () => {
    const dir = scratchDir('path-cli')
    const result = await run(
      ['--extra', `${dir},/nonexistent/runnerkit`, '--append', '--format', 'json'],
      {
        PATH: '/usr/bin:/usr/bin',
        HOME: '/nonexistent/home'
      }
    )
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      path: `/usr/bin:${dir}`,
      entries: ['/usr/bin', dir],
      added: [dir],
      dropped: [
        { entry: '/usr/bin', reason: 'duplicate' },
        { entry: '/nonexistent/home/.local/bin', reason: 'missing' },
        { entry: '/nonexistent/home/bin', reason: 'missing' },
        { entry: '/nonexistent/runnerkit', reason: 'missing' }
      ]
    })
  })

  it('writes and restores the runner .env', async () => {
    const dir = scratchDir('path-cli')
    const file = join(dir, '.env')
    writeFileSync(file, 'A=1\n')
    const env = { PATH: '/usr/bin', HOME: '/h' }
    const written = await run(['--keep-missing', '--runner-env-file', file], env)
    expect(written.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('A=1\nPATH=/h/.local/bin:/h/bin:/usr/bin\n')
    expect(written.stderr).toContain('.runnerkit-backup')
    const restored = await run(['--restore', '--runner-env-file', file], env)
    expect(restored).toEqual({ code: 0, stdout: `restored ${file}\n`, stderr: '' })
    expect(readFileSync(file, 'utf8')).toBe('A=1\n')
  })

  it.each([
    [['--extra', 'a\nb'], '--extra'],
    [['--extra', '/x\0'], '--extra'],
    [['--image-path', '/bin\nFOO=1'], '--image-path'],
    [['--restore'], '--restore'],
    [['--format', 'yaml'], '--format'],
    [['stray'], 'unexpected argument']
  ])('%j is refused naming %s', async (args, name) => {
    await expect(run(args, { PATH: '/bin' })).rejects.toThrow(name)
  })
})
