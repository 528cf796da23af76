import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../../src/errors.js'
import { engineAuth, removeEngineAuth } from '../../../src/image/engine-auth.js'
import {
  insecureRegistriesEnv,
  insecureRegistryEntries
} from '../../../src/image/registries-conf.js'
import { materialiseSecrets, parseSecret, type SecretSpec } from '../../../src/image/secrets.js'
import { scratchDir } from '../../helpers/scratch.js'

const modeOf = (path: string) => statSync(path).mode & 0o777

function thrownBy(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`not an Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected an error')
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`not an Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected a rejection')
}

describe('parseSecret', () => {
  it.each<[string, SecretSpec]>([
    ['id=npmrc,src=/home/u/.npmrc', { id: 'npmrc', kind: 'file', path: '/home/u/.npmrc' }],
    ['id=npmrc,source=/home/u/.npmrc', { id: 'npmrc', kind: 'file', path: '/home/u/.npmrc' }],
    ['type=file,id=f,src=/x', { id: 'f', kind: 'file', path: '/x' }],
    ['id=token,env=NPM_TOKEN', { id: 'token', kind: 'env', variable: 'NPM_TOKEN' }],
    ['type=env,id=token,env=NPM_TOKEN', { id: 'token', kind: 'env', variable: 'NPM_TOKEN' }],
    ['  id=t.k-1_x,env=V  ', { id: 't.k-1_x', kind: 'env', variable: 'V' }],
    ['TOKEN=value', { id: 'TOKEN', kind: 'value', value: 'value' }],
    ['TOKEN=a=b,c', { id: 'TOKEN', kind: 'value', value: 'a=b,c' }],
    ['GITHUB_TOKEN=', { id: 'GITHUB_TOKEN', kind: 'value', value: '' }],
    ['id_rsa=-----BEGIN', { id: 'id_rsa', kind: 'value', value: '-----BEGIN' }],
    // Docker's attribute form in any order, spaces after commas, and id alone (an env variable).
    ['src=/a,id=npmrc', { id: 'npmrc', kind: 'file', path: '/a' }],
    ['id=npmrc, src=/home/u/.npmrc', { id: 'npmrc', kind: 'file', path: '/home/u/.npmrc' }],
    ['env=NPM_TOKEN,id=npm', { id: 'npm', kind: 'env', variable: 'NPM_TOKEN' }],
    ['id=GIT_AUTH_TOKEN', { id: 'GIT_AUTH_TOKEN', kind: 'env', variable: 'GIT_AUTH_TOKEN' }],
    [
      'type=env,id=GIT_AUTH_TOKEN',
      { id: 'GIT_AUTH_TOKEN', kind: 'env', variable: 'GIT_AUTH_TOKEN' }
    ]
  ])('%j', (entry, expected) => {
    expect(parseSecret(entry)).toEqual(expected)
  })

  it.each([
    ['id=bad id!,src=/x', 'give an id of letters'],
    ['type=file,src=/x', 'give an id of letters'],
    ['id=,env=Y', 'give an id of letters'],
    ['id=x,src=/a,oops', "'oops' is not one of id=, type=, src= or env="],
    ['type=file,id=x,env=V', "secret 'x': give src=FILE"],
    ['type=env,id=x,src=/a', "secret 'x': type=env takes env=VARIABLE, not src="],
    ['type=ssh,id=x', "secret 'x': type must be file or env"],
    ['id=..,src=/a', 'give an id of letters'],
    ['id=.,env=V', 'give an id of letters']
  ])('refuses the key=value form %j', (entry, message) => {
    const error = thrownBy(() => parseSecret(entry))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(message)
  })

  it.each(['=hunter2-secret', 'no equals hunter2-secret', 'bad id=hunter2-secret', ''])(
    'refuses %j without showing the value',
    (entry) => {
      const error = thrownBy(() => parseSecret(entry))
      expect(error).toBeInstanceOf(UserError)
      expect(error.message).toContain('the entry is not shown')
      expect(error.message).not.toContain('hunter2')
    }
  )
})

describe('materialiseSecrets', () => {
  it('writes inline and environment values to 0600 files in a 0700 directory', async () => {
    const root = scratchDir('secrets')
    const directory = join(root, 'nested', 'secrets')
    const result = await materialiseSecrets(
      [
        { id: 'token', kind: 'value', value: 's3cret-inline' },
        { id: 'npm', kind: 'env', variable: 'NPM_TOKEN' }
      ],
      directory,
      { NPM_TOKEN: 's3cret-env' }
    )
    expect(result.directory).toBe(directory)
    expect(result.files).toEqual([
      { id: 'token', file: join(directory, 'token') },
      { id: 'npm', file: join(directory, 'npm') }
    ])
    expect(result.values).toEqual(['s3cret-inline', 's3cret-env'])
    expect(modeOf(directory)).toBe(0o700)
    for (const { file } of result.files) expect(modeOf(file)).toBe(0o600)
    expect(readFileSync(join(directory, 'token'), 'utf8')).toBe('s3cret-inline')
    expect(readFileSync(join(directory, 'npm'), 'utf8')).toBe('s3cret-env')
    // No temporary files are left beside them.
    expect(readdirSync(directory).sort()).toEqual(['npm', 'token'])
  })

  it('tightens an existing directory to 0700', async () => {
    const directory = join(scratchDir('secrets'), 'open')
    mkdirSync(directory, { mode: 0o755 })
    await materialiseSecrets([{ id: 'a', kind: 'value', value: 'v' }], directory, {})
    expect(modeOf(directory)).toBe(0o700)
  })

  it('passes a file through without copying it or creating the directory', async () => {
    const root = scratchDir('secrets')
    const source = join(root, 'npmrc')
    writeFileSync(source, '//registry/:_authToken=x')
    const directory = join(root, 'secrets')
    const result = await materialiseSecrets(
      [{ id: 'npmrc', kind: 'file', path: source }],
      directory,
      {}
    )
    expect(result.files).toEqual([{ id: 'npmrc', file: source }])
    expect(result.values).toEqual([])
    expect(existsSync(directory)).toBe(false)
  })

  it('writes an empty value to a file but does not list it for masking', async () => {
    const directory = join(scratchDir('secrets'), 's')
    const result = await materialiseSecrets(
      [{ id: 'e', kind: 'env', variable: 'EMPTY' }],
      directory,
      {
        EMPTY: ''
      }
    )
    expect(result.values).toEqual([])
    expect(readFileSync(join(directory, 'e'), 'utf8')).toBe('')
    expect(modeOf(join(directory, 'e'))).toBe(0o600)
  })

  it.each<[string, SecretSpec[], NodeJS.ProcessEnv, string]>([
    [
      'a missing file',
      [{ id: 'f', kind: 'file', path: '/nonexistent/runnerkit/secret' }],
      {},
      "secret 'f': /nonexistent/runnerkit/secret is not a readable file"
    ],
    [
      'an unset variable',
      [{ id: 'tok', kind: 'env', variable: 'RUNNERKIT_UNSET_VARIABLE' }],
      {},
      "secret 'tok': environment variable RUNNERKIT_UNSET_VARIABLE is not set"
    ],
    [
      'a duplicate id',
      [
        { id: 'dup', kind: 'value', value: 'hunter2-first' },
        { id: 'dup', kind: 'env', variable: 'V' }
      ],
      { V: 'hunter2-second' },
      "secret 'dup' is given twice"
    ]
  ])('refuses %s without showing a value', async (_name, specs, env, message) => {
    const error = await rejectionOf(
      materialiseSecrets(specs, join(scratchDir('secrets'), 's'), env)
    )
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toBe(message)
    expect(error.message).not.toContain('hunter2')
  })
})

describe('engineAuth', () => {
  const decode = (auth: unknown) =>
    Buffer.from((auth as { auth: string }).auth, 'base64').toString('utf8')

  it('returns no environment and writes nothing without credentials or a file', async () => {
    const directory = join(scratchDir('auth'), 'auth')
    expect(await engineAuth({}, undefined, directory)).toEqual({ env: {} })
    expect(existsSync(directory)).toBe(false)
  })

  it.each([
    ['/etc/runner/docker/config.json', { DOCKER_CONFIG: '/etc/runner/docker' }],
    ['/etc/runner/auth.json', {}]
  ])('passes the existing file %s through as it is', async (file, extra) => {
    const directory = join(scratchDir('auth'), 'auth')
    expect(await engineAuth({}, file, directory)).toEqual({
      env: { REGISTRY_AUTH_FILE: file, ...extra }
    })
    expect(existsSync(directory)).toBe(false)
  })

  it('writes credentials to config.json 0600 in a 0700 directory', async () => {
    const directory = join(scratchDir('auth'), 'auth')
    const auth = await engineAuth(
      { 'ghcr.io': { username: 'bot', password: 'p:ss' } },
      undefined,
      directory
    )
    const file = join(directory, 'config.json')
    expect(auth).toEqual({
      env: { REGISTRY_AUTH_FILE: file, DOCKER_CONFIG: directory },
      directory
    })
    expect(modeOf(directory)).toBe(0o700)
    expect(modeOf(file)).toBe(0o600)
    const written = JSON.parse(readFileSync(file, 'utf8')) as { auths: Record<string, unknown> }
    expect(Object.keys(written.auths)).toEqual(['ghcr.io'])
    expect(decode(written.auths['ghcr.io'])).toBe('bot:p:ss')
    expect(readdirSync(directory)).toEqual(['config.json'])
  })

  it("merges an existing file's entries, the given credentials winning", async () => {
    const root = scratchDir('auth')
    const existing = join(root, 'auth.json')
    const kept = { auth: Buffer.from('old:keep').toString('base64') }
    writeFileSync(
      existing,
      JSON.stringify({
        auths: {
          'registry.example.com': kept,
          'ghcr.io': { auth: Buffer.from('old:replaced').toString('base64') }
        }
      })
    )
    const directory = join(root, 'auth')
    const auth = await engineAuth(
      { 'ghcr.io': { username: 'new', password: 'secret' } },
      existing,
      directory
    )
    const written = JSON.parse(readFileSync(join(directory, 'config.json'), 'utf8')) as {
      auths: Record<string, unknown>
    }
    expect(written.auths['registry.example.com']).toEqual(kept)
    expect(decode(written.auths['ghcr.io'])).toBe('new:secret')
    expect(auth.env.REGISTRY_AUTH_FILE).toBe(join(directory, 'config.json'))
    // The given file itself is untouched.
    expect(
      (JSON.parse(readFileSync(existing, 'utf8')) as { auths: Record<string, unknown> }).auths[
        'ghcr.io'
      ]
    ).toEqual({ auth: Buffer.from('old:replaced').toString('base64') })
  })

  it.each(['not json', '{"credsStore":"desktop"}', ''])(
    'ignores an existing file that holds %j',
    async (text) => {
      const root = scratchDir('auth')
      const existing = join(root, 'auth.json')
      writeFileSync(existing, text)
      const directory = join(root, 'auth')
      await engineAuth({ 'ghcr.io': { username: 'u', password: 'p' } }, existing, directory)
      const written = JSON.parse(readFileSync(join(directory, 'config.json'), 'utf8')) as {
        auths: Record<string, unknown>
      }
      expect(Object.keys(written.auths)).toEqual(['ghcr.io'])
    }
  )

  it('removeEngineAuth removes the written directory, and nothing when none was written', async () => {
    const root = scratchDir('auth')
    const directory = join(root, 'auth')
    const auth = await engineAuth({ r: { username: 'u', password: 'p' } }, undefined, directory)
    await removeEngineAuth(auth)
    expect(existsSync(directory)).toBe(false)

    const existing = join(root, 'config.json')
    writeFileSync(existing, '{}')
    await removeEngineAuth(await engineAuth({}, existing, directory))
    expect(existsSync(existing)).toBe(true)
  })
})

describe('insecureRegistryEntries', () => {
  const entry = (host: string) => `[[registry]]\nlocation = "${host}"\ninsecure = true\n`

  it.each<[string, string, string[], string]>([
    ['no hosts', '', [], ''],
    ['one host', '', ['localhost:5000'], entry('localhost:5000')],
    [
      'two hosts, a duplicate dropped',
      '',
      ['127.0.0.1:5000', 'reg.local', '127.0.0.1:5000'],
      `${entry('127.0.0.1:5000')}\n${entry('reg.local')}`
    ],
    [
      'a host the base already has (double quotes)',
      '[[registry]]\nlocation = "localhost:5000"\ninsecure = true\n',
      ['localhost:5000', 'reg.local'],
      entry('reg.local')
    ],
    [
      'a host the base already has (single quotes, indented)',
      "[[registry]]\n  location='reg.local'\n",
      ['reg.local'],
      ''
    ],
    [
      'a host only mentioned as a prefix of another location',
      '[[registry]]\nlocation = "localhost:5000/team"\n',
      ['localhost:5000'],
      entry('localhost:5000')
    ],
    [
      'regex characters in the host are literal',
      '[[registry]]\nlocation = "10a0b0c1:5000"\n',
      ['10.0.0.1:5000'],
      entry('10.0.0.1:5000')
    ],
    [
      'a host mentioned only in a comment or mirror',
      '# location = "reg.local"\n[[registry.mirror]]\n url = "reg.local"\n',
      ['reg.local'],
      entry('reg.local')
    ]
  ])('%s', (_name, base, hosts, expected) => {
    expect(insecureRegistryEntries(base, hosts)).toBe(expected)
  })
})

describe('insecureRegistriesEnv', () => {
  it('returns nothing and writes nothing without hosts', async () => {
    const directory = scratchDir('regconf')
    expect(await insecureRegistriesEnv([], directory, { HOME: directory })).toEqual({})
    expect(readdirSync(directory)).toEqual([])
  })

  it('copies the file CONTAINERS_REGISTRIES_CONF names and adds the hosts', async () => {
    const root = scratchDir('regconf')
    const base = join(root, 'base.conf')
    writeFileSync(base, 'unqualified-search-registries = ["docker.io"]\n\n\n')
    const directory = join(root, 'out')
    mkdirSync(directory)
    const env = await insecureRegistriesEnv(['localhost:5000'], directory, {
      CONTAINERS_REGISTRIES_CONF: base,
      HOME: root
    })
    const written = join(directory, 'registries.conf')
    expect(env).toEqual({ CONTAINERS_REGISTRIES_CONF: written })
    const text = readFileSync(written, 'utf8')
    expect(text).toBe(
      'unqualified-search-registries = ["docker.io"]\n\n' +
        '# Added by runnerkit for this build: plain-HTTP registries.\n' +
        '[[registry]]\nlocation = "localhost:5000"\ninsecure = true\n'
    )
    // The engine's own file is left as it was.
    expect(readFileSync(base, 'utf8')).toBe('unqualified-search-registries = ["docker.io"]\n\n\n')
  })

  it("falls back to $HOME/.config/containers/registries.conf when the variable's file is missing", async () => {
    const home = scratchDir('regconf')
    mkdirSync(join(home, '.config', 'containers'), { recursive: true })
    writeFileSync(join(home, '.config', 'containers', 'registries.conf'), 'short-name-mode = "x"\n')
    const directory = scratchDir('regconf-out')
    const env = await insecureRegistriesEnv(['reg.local:8080'], directory, {
      CONTAINERS_REGISTRIES_CONF: join(home, 'missing.conf'),
      HOME: home
    })
    expect(env.CONTAINERS_REGISTRIES_CONF).toBe(join(directory, 'registries.conf'))
    const text = readFileSync(join(directory, 'registries.conf'), 'utf8')
    expect(text.startsWith('short-name-mode = "x"\n\n# Added by runnerkit')).toBe(true)
    expect(text).toContain('location = "reg.local:8080"\ninsecure = true')
  })

  it('leaves the configuration alone when it already names every host', async () => {
    const root = scratchDir('regconf')
    const base = join(root, 'base.conf')
    writeFileSync(base, '[[registry]]\nlocation = "localhost:5000"\ninsecure = true\n')
    const directory = join(root, 'out')
    mkdirSync(directory)
    expect(
      await insecureRegistriesEnv(['localhost:5000'], directory, {
        CONTAINERS_REGISTRIES_CONF: base,
        HOME: root
      })
    ).toEqual({})
    expect(readdirSync(directory)).toEqual([])
  })

  it('starts with the entries when the base file is empty', async () => {
    const root = scratchDir('regconf')
    const base = join(root, 'empty.conf')
    writeFileSync(base, '')
    const env = await insecureRegistriesEnv(['a.local', 'b.local'], root, {
      CONTAINERS_REGISTRIES_CONF: base,
      HOME: root
    })
    const text = readFileSync(env.CONTAINERS_REGISTRIES_CONF ?? '', 'utf8')
    expect(text.startsWith('# Added by runnerkit')).toBe(true)
    expect(text.match(/^\[\[registry\]\]$/gm)).toHaveLength(2)
  })
})
