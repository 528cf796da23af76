/**
 * mirror-config's committed bundle, run as the runner runs it, with HOME in a scratch folder:
 * job mode merges the user's files and exports the environment; the post step puts every
 * original back and removes what it created; image mode renders files and a Dockerfile snippet
 * and refuses credentials. The e2e tier proves the tools obey these files.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../helpers/run-action.js'
import { scratchDir } from '../helpers/scratch.js'

const pem = '-----BEGIN CERTIFICATE-----\nMIIBcorp\n-----END CERTIFICATE-----'
const config = [
  'mirrors:',
  '  pypi: https://nexus.corp.example/repository/pypi/simple',
  '  npm: https://nexus.corp.example/repository/npm/',
  '  containers:',
  '    docker.io: [registry-cache.corp.example]',
  'proxy: { http: http://proxy.corp.example:3128, https: http://proxy.corp.example:3128, no_proxy: [localhost, .corp.example] }',
  'ca:',
  '  pem: |',
  `    ${pem.replaceAll('\n', '\n    ')}`,
  'credentials:',
  '  npm: { token: NPM_TOKEN }',
  ''
].join('\n')

function home(): string {
  const dir = scratchDir('mirror-home')
  writeFileSync(join(dir, '.npmrc'), 'save-exact=true\n')
  mkdirSync(join(dir, '.config', 'pip'), { recursive: true })
  writeFileSync(join(dir, '.config', 'pip', 'pip.conf'), '[global]\ntimeout = 60\n')
  return dir
}

describe('mirror-config, job mode', () => {
  it('merges user files, exports both proxy cases and the CA, masks the token, and the post step restores', async () => {
    const dir = home()
    const token = 'npm_tokenValueThatMustBeMasked000'
    const env = { HOME: dir, NPM_TOKEN: token, XDG_STATE_HOME: join(dir, '.local', 'state') }
    const run = await runAction('mirror-config', { inputs: { 'config-inline': config }, env })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.masks).toContain(token)
    expect(run.env.HTTP_PROXY).toBe('http://proxy.corp.example:3128')
    expect(run.env.http_proxy).toBe('http://proxy.corp.example:3128')
    expect(run.env.no_proxy).toBe('localhost,.corp.example')
    expect(run.env.SSL_CERT_FILE).toBe(join(dir, '.config/runnerkit/ca/bundle.pem'))
    expect(run.env.NODE_EXTRA_CA_CERTS).toBe(join(dir, '.config/runnerkit/ca/company-ca.pem'))
    const pip = readFileSync(join(dir, '.config/pip/pip.conf'), 'utf8')
    expect(pip).toMatch(/timeout = 60/)
    expect(pip).toMatch(/index-url = https:\/\/nexus\.corp\.example\/repository\/pypi\/simple/)
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toMatch(/save-exact=true/)
    expect(readFileSync(join(dir, '.config/runnerkit/ca/bundle.pem'), 'utf8')).toContain(pem)
    expect(existsSync(join(dir, '.config/containers/registries.conf'))).toBe(false)
    expect(existsSync(join(dir, '.config/containers/registries.conf.d'))).toBe(true)
    // No file holds the token itself, only the variable's name.
    const written = (JSON.parse(run.outputs.files ?? '[]') as Array<{ path: string }>).map(
      (file) => file.path
    )
    const holding = written.filter(
      (path) => existsSync(path) && readFileSync(path, 'utf8').includes(token)
    )
    expect(holding).toEqual([])
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(token)

    const again = await runAction('mirror-config', { inputs: { 'config-inline': config }, env })
    expect(
      (JSON.parse(again.outputs.files ?? '[]') as Array<{ action: string }>).every(
        (file) => file.action === 'unchanged'
      )
    ).toBe(true)

    const post = await runAction('mirror-config', { step: 'post', state: run.state, env })
    expect(post.exitCode).toBe(0)
    expect(readFileSync(join(dir, '.config/pip/pip.conf'), 'utf8')).toBe('[global]\ntimeout = 60\n')
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe('save-exact=true\n')
    expect(existsSync(join(dir, '.config/runnerkit/ca/bundle.pem'))).toBe(false)
  })

  it('refuses an invalid config with one line naming the key, and writes nothing', async () => {
    const dir = home()
    const run = await runAction('mirror-config', {
      inputs: {
        'config-inline':
          'mirrors:\n  pypi: https://ok.example/simple\n  pipy: https://typo.example\n'
      },
      env: { HOME: dir }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toBe(
      'inline config:3: mirrors.pipy: unknown key (known here: pypi, npm, yarn, apt, dnf, apk, containers, go, go-private, maven, gradle, cargo, nuget, rubygems, conda, git, helm)'
    )
    expect(readFileSync(join(dir, '.npmrc'), 'utf8')).toBe('save-exact=true\n')
    expect(run.env).toEqual({})
  })

  it('fails, writing nothing, when a credential variable is not set', async () => {
    const dir = home()
    const run = await runAction('mirror-config', {
      inputs: { 'config-inline': config },
      env: { HOME: dir }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toMatch(
      /credentials\.npm\.token: environment variable NPM_TOKEN is not set/
    )
    expect(existsSync(join(dir, '.config/runnerkit'))).toBe(false)
  })
})

describe('mirror-config, image mode', () => {
  it('renders system files and the Dockerfile snippet', async () => {
    const workspace = scratchDir('mirror-image')
    const imageConfig = config.replace(/credentials:\n.*\n/, '')
    const run = await runAction('mirror-config', {
      inputs: { 'config-inline': imageConfig, mode: 'image', out: 'mirror-config' },
      workspace
    })
    expect(run.errors).toEqual([])
    const out = join(workspace, 'mirror-config')
    expect(readFileSync(join(out, 'root/etc/pip.conf'), 'utf8')).toMatch(
      /index-url = https:\/\/nexus\.corp\.example/
    )
    expect(existsSync(join(out, 'root/etc/containers/registries.conf.d'))).toBe(true)
    expect(
      readFileSync(
        join(out, 'root/usr/local/share/ca-certificates/runnerkit-company-ca.crt'),
        'utf8'
      )
    ).toContain(pem)
    const snippet = readFileSync(join(out, 'Dockerfile.snippet'), 'utf8')
    expect(snippet).toMatch(/^COPY mirror-config\/root\/ \/$/m)
    expect(snippet).toMatch(/update-ca-certificates/)
    expect(statSync(join(out, 'root/etc/pip.conf')).mode & 0o777).toBe(0o644)
  })

  it('keeps npm credentials as a placeholder, and refuses a credential file, which would stay in a layer', async () => {
    const workspace = scratchDir('mirror-image')
    const placeholder = await runAction('mirror-config', {
      inputs: { 'config-inline': config, mode: 'image', out: 'npm' },
      workspace
    })
    expect(placeholder.exitCode).toBe(0)
    expect(readFileSync(join(workspace, 'npm/root/usr/local/etc/npmrc'), 'utf8')).toContain(
      '${NPM_TOKEN}'
    )
    const run = await runAction('mirror-config', {
      inputs: {
        'config-inline': config.replace(
          'npm: { token: NPM_TOKEN }',
          'pypi: { username: PYPI_USER, password: PYPI_TOKEN }'
        ),
        mode: 'image',
        out: 'out'
      },
      workspace,
      env: { PYPI_USER: 'u', PYPI_TOKEN: 'secret-value' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors[0]?.message).toMatch(/image mode would bake the credential into a layer/)
    expect(existsSync(join(workspace, 'out'))).toBe(false)
  })
})
