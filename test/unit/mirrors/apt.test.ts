import { describe, expect, it } from '@jest/globals'
import {
  aptAuthPath,
  aptEcosystem,
  aptProxyPath,
  aptSourcePaths,
  inNoProxy,
  mirrorUri
} from '../../../src/mirrors/ecosystems/apt.js'
import type { MirrorConfig } from '../../../src/mirrors/config.js'
import type { FileEdit, Target } from '../../../src/mirrors/ecosystem.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }

function config(extra: Partial<MirrorConfig> = {}): MirrorConfig {
  return {
    mirrors: {
      apt: {
        url: 'https://nexus.corp.example/repository/debian/',
        securityUrl: 'https://nexus.corp.example/repository/debian-security'
      }
    },
    credentials: {},
    ...extra
  }
}

/** /etc/apt/sources.list.d/debian.sources as the debian:12 image ships it. */
const debianSources = `Types: deb
# http://snapshot.debian.org/archive/debian/20250520T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/20250520T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`

const ubuntuSources = `Types: deb
URIs: http://archive.ubuntu.com/ubuntu/
Suites: noble noble-updates noble-backports
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

Types: deb
URIs: http://security.ubuntu.com/ubuntu/
Suites: noble-security
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`

const sourcesList = `# deb http://deb.debian.org/debian bookworm main
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bookworm main contrib
deb-src [ signed-by=/usr/share/keyrings/debian-archive-keyring.gpg ] https://deb.debian.org/debian/ bookworm main
deb http://security.debian.org/debian-security bookworm-security main
  deb http://ftp.de.debian.org/debian bookworm-updates main
deb https://packages.cloud.google.com/apt cloud-sdk-bookworm main
`

function edit(path: string, target = image, cfg = config()): FileEdit {
  const found = aptEcosystem.plan(cfg, target)?.files.find((file) => file.path === path)
  if (found === undefined) throw new Error(`no edit for ${path}`)
  return found
}

describe('aptEcosystem', () => {
  it('plans nothing without mirrors.apt', () => {
    expect(
      aptEcosystem.plan({ mirrors: { npm: 'https://x.example/' }, credentials: {} }, image)
    ).toBeUndefined()
  })

  it('writes nothing in job mode and says why', () => {
    const plan = aptEcosystem.plan(config(), job)
    expect(plan?.files).toEqual([])
    expect(plan?.notes.join('\n')).toMatch(/apt needs root/)
  })

  it('edits the distribution sources only when the base has them', () => {
    const plan = aptEcosystem.plan(config(), image)!
    const sources = plan.files.filter((file) => file.path !== aptProxyPath)
    expect(sources.map((file) => [file.path, file.ifExists])).toEqual([
      [aptSourcePaths.debian, true],
      [aptSourcePaths.ubuntu, true],
      [aptSourcePaths.oneLine, true]
    ])
  })

  it('rewrites a real Debian 12 debian.sources, keeping suites, components and Signed-By', () => {
    const file = edit(aptSourcePaths.debian)
    const render = (text: string | undefined) => file.render(text)
    expect(render(debianSources)).toBe(
      debianSources
        .replace(
          'URIs: http://deb.debian.org/debian\n',
          'URIs: https://nexus.corp.example/repository/debian\n'
        )
        .replace(
          'URIs: http://deb.debian.org/debian-security\n',
          'URIs: https://nexus.corp.example/repository/debian-security\n'
        )
    )
  })

  it('rewrites ubuntu.sources (archive and security) and keeps the trailing slash', () => {
    const out = edit(aptSourcePaths.ubuntu).render(ubuntuSources)
    expect(out).toContain('URIs: https://nexus.corp.example/repository/debian/\n')
    expect(out).toContain('URIs: https://nexus.corp.example/repository/debian-security/\n')
    expect(out).toContain('Suites: noble noble-updates noble-backports\n')
  })

  it('rewrites one-line deb / deb-src lines, keeping [options], comments and other sources', () => {
    expect(edit(aptSourcePaths.oneLine).render(sourcesList))
      .toBe(`# deb http://deb.debian.org/debian bookworm main
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] https://nexus.corp.example/repository/debian bookworm main contrib
deb-src [ signed-by=/usr/share/keyrings/debian-archive-keyring.gpg ] https://nexus.corp.example/repository/debian/ bookworm main
deb https://nexus.corp.example/repository/debian-security bookworm-security main
  deb https://nexus.corp.example/repository/debian bookworm-updates main
deb https://packages.cloud.google.com/apt cloud-sdk-bookworm main
`)
  })

  it('leaves security sources alone without a security-url, and says so', () => {
    const cfg = config({ mirrors: { apt: { url: 'http://mirror.test/debian' } } })
    const plan = aptEcosystem.plan(cfg, image)!
    expect(edit(aptSourcePaths.debian, image, cfg).render(debianSources)).toContain(
      'URIs: http://deb.debian.org/debian-security\n'
    )
    expect(plan.notes.join('\n')).toMatch(/security-url/)
  })

  it.each([
    ['debian.sources', aptSourcePaths.debian, debianSources],
    ['ubuntu.sources', aptSourcePaths.ubuntu, ubuntuSources],
    ['sources.list', aptSourcePaths.oneLine, sourcesList]
  ])('is idempotent on %s', (_name, path, text) => {
    const file = edit(path)
    const render = (text: string | undefined) => file.render(text)
    expect(render(render(text))).toBe(render(text))
  })

  it.each([
    ['http://deb.debian.org/debian', 'M'],
    ['http://deb.debian.org/debian/', 'M/'],
    ['http://deb.debian.org/debian-security', 'S'],
    ['http://security.debian.org/debian-security/', 'S/'],
    ['http://security.debian.org/', 'S/'],
    ['http://de.archive.ubuntu.com/ubuntu', 'M'],
    ['http://ports.ubuntu.com/ubuntu-ports', 'http://ports.ubuntu.com/ubuntu-ports'],
    ['http://deb.debian.org/debian-ports', 'http://deb.debian.org/debian-ports'],
    ['cdrom:[Debian]/', 'cdrom:[Debian]/']
  ])('maps %s to %s', (uri, expected) => {
    expect(mirrorUri(uri, { url: 'M', securityUrl: 'S' })).toBe(expected)
  })

  it('writes Acquire proxies with DIRECT for mirror hosts inside no_proxy', () => {
    const cfg = config({
      proxy: {
        http: 'http://squid.corp.example:3128',
        https: 'http://squid.corp.example:3128',
        noProxy: ['localhost', '.corp.example']
      }
    })
    expect(edit(aptProxyPath, image, cfg).render(undefined)).toBe(
      [
        '// runnerkit mirror-config: the proxy for apt. apt ignores no_proxy once a proxy is set',
        '// here, so mirror hosts inside no_proxy are listed as DIRECT.',
        'Acquire::http::Proxy "http://squid.corp.example:3128/";',
        'Acquire::http::Proxy::nexus.corp.example "DIRECT";',
        'Acquire::https::Proxy "http://squid.corp.example:3128/";',
        'Acquire::https::Proxy::nexus.corp.example "DIRECT";',
        ''
      ].join('\n')
    )
  })

  it('proxies the mirror too when it is outside no_proxy', () => {
    const cfg = config({ proxy: { http: 'http://p:3128/', noProxy: ['other.example'] } })
    const text = edit(aptProxyPath, image, cfg).render(undefined)
    expect(text).toContain('Acquire::http::Proxy "http://p:3128/";')
    expect(text).not.toContain('"DIRECT"')
    expect(text).not.toContain('https::Proxy')
  })

  it('puts credentials in auth.conf.d as a secret, never in the sources', () => {
    const cfg = config({ credentials: { apt: { username: 'APT_USER', password: 'APT_PASS' } } })
    const target: Target = { ...image, env: { APT_USER: 'ci', APT_PASS: 's3cret' } }
    const plan = aptEcosystem.plan(cfg, target)!
    const auth = plan.files.find((file) => file.path === aptAuthPath)!
    expect(auth.secret).toBe(true)
    expect(plan.secrets).toEqual(['s3cret'])
    expect(auth.render(undefined)).toBe(
      'machine nexus.corp.example/repository/debian login ci password s3cret\nmachine nexus.corp.example/repository/debian-security login ci password s3cret\n'
    )
    const http = config({
      mirrors: { apt: { url: 'http://mirror.test:8080/debian' } },
      credentials: { apt: { username: 'APT_USER', password: 'APT_PASS' } }
    })
    expect(
      aptEcosystem
        .plan(http, target)!
        .files.find((file) => file.path === aptAuthPath)!
        .render(undefined)
    ).toBe('machine http://mirror.test:8080/debian login ci password s3cret\n')
  })

  it('fails when a credential variable is unset', () => {
    const cfg = config({ credentials: { apt: { username: 'APT_USER', password: 'APT_PASS' } } })
    expect(() => aptEcosystem.plan(cfg, image)).toThrow(/APT_USER is not set/)
  })
})

describe('inNoProxy', () => {
  it.each([
    ['nexus.corp.example', ['.corp.example'], true],
    ['nexus.corp.example', ['corp.example'], true],
    ['nexus.corp.example', ['*.corp.example'], true],
    ['corp.example', ['.corp.example'], true],
    ['evilcorp.example', ['corp.example'], false],
    ['10.1.2.3', ['10.0.0.0/8'], true],
    ['11.1.2.3', ['10.0.0.0/8'], false],
    ['127.0.0.1', ['127.0.0.1:8080'], true],
    ['anything', ['*'], true],
    ['host', [], false]
  ])('%s in %j → %s', (host, list, expected) => {
    expect(inNoProxy(host, list)).toBe(expected)
  })
})
