import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadMirrorConfig, parseMirrorConfig } from '../../../src/mirrors/config.js'
import { scratchDir } from '../../helpers/scratch.js'

const pem = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----'

describe('the pinned shapes parse', () => {
  it('reads the example of the issue', () => {
    const dir = scratchDir('mirror-config')
    writeFileSync(join(dir, 'corp-ca.pem'), `${pem}\n`)
    const file = join(dir, 'mirrors.yaml')
    writeFileSync(
      file,
      [
        'mirrors:',
        '  pypi: https://nexus.corp.example/repository/pypi/simple',
        '  npm: https://nexus.corp.example/repository/npm/',
        '  containers:',
        '    docker.io: [registry-cache.corp.example]',
        'proxy: { http: http://proxy.corp.example:3128, https: http://proxy.corp.example:3128, no_proxy: [localhost, 127.0.0.1, .corp.example] }',
        'ca: { file: corp-ca.pem }',
        'credentials:',
        '  npm: { token: NPM_TOKEN }',
        ''
      ].join('\n')
    )
    const config = loadMirrorConfig(file)
    expect(config.mirrors).toEqual({
      pypi: 'https://nexus.corp.example/repository/pypi/simple',
      npm: 'https://nexus.corp.example/repository/npm/',
      containers: { 'docker.io': ['registry-cache.corp.example'] }
    })
    expect(config.proxy).toEqual({
      http: 'http://proxy.corp.example:3128',
      https: 'http://proxy.corp.example:3128',
      noProxy: ['localhost', '127.0.0.1', '.corp.example']
    })
    expect(config.ca).toEqual({ pem: `${pem}\n`, source: join(dir, 'corp-ca.pem') })
    expect(config.credentials).toEqual({ npm: { token: 'NPM_TOKEN' } })
  })

  it('normalises cargo to a sparse index URL and accepts apt as a URL or a mapping', () => {
    const config = parseMirrorConfig(
      'mirrors:\n  cargo: https://n.example/cargo/index\n  apt: { url: https://n.example/debian, security-url: https://n.example/debian-security }\n'
    )
    expect(config.mirrors.cargo).toBe('sparse+https://n.example/cargo/index/')
    expect(config.mirrors.apt).toEqual({
      url: 'https://n.example/debian',
      securityUrl: 'https://n.example/debian-security'
    })
  })
})

describe('bad input names the key, the line and the reason', () => {
  it.each([
    [
      'mirrors:\n  pypi: https://ok.example/simple\n  pipy: https://typo.example\n',
      'mirrors.yaml:3: mirrors.pipy: unknown key'
    ],
    ['mirrors:\n  npm: not a url\n', "mirrors.yaml:2: mirrors.npm: 'not a url' is not a URL"],
    ['mirrors:\n  npm: ftp://n.example/npm\n', 'only http:// and https:// URLs'],
    ['mirrors:\n  npm: https://user:s3cret@n.example/npm\n', 'the URL holds credentials'],
    [
      'mirrors:\n  npm: https://n.example/npm\ncredentials:\n  npm: { token: npm_AbC123.secret-value }\n',
      'mirrors.yaml:4: credentials.npm.token: give the name of an environment variable'
    ],
    [
      'mirrors:\n  npm: https://n.example/npm\ncredentials:\n  helm: { token: T }\n',
      "no ecosystem 'helm' takes credentials"
    ],
    [
      'mirrors:\n  npm: https://n.example/npm\ncredentials:\n  pypi: { username: U }\n',
      'username needs password too'
    ],
    ['proxy: { http: http://p.example:3128, no_proxy: [a b] }\n', 'holds a space or comma'],
    ['ca: { pem: "not a certificate" }\n', 'holds no PEM certificate'],
    ['ca: { file: /nonexistent/ca.pem }\n', 'ca.file: /nonexistent/ca.pem cannot be read (ENOENT)'],
    ['ca: { file: a.pem, pem: x }\n', 'give exactly one of file'],
    ['mirrors: {}\n', 'nothing to configure'],
    ['mirrors:\n  containers:\n    docker.io: [bad host!]\n', 'is not a registry host'],
    ['mirrors:\n  npm: [unclosed\n', 'mirrors.yaml:'],
    ['', 'the config is empty']
  ])('%j', (text, message) => {
    expect(() => parseMirrorConfig(text, 'mirrors.yaml')).toThrow(message)
  })

  it('reads no value that looks like a secret into an error', () => {
    expect(() =>
      parseMirrorConfig('mirrors:\n  npm: https://u:hunter2secret@n.example/\n', 'm.yaml')
    ).not.toThrow(/hunter2secret/)
  })
})
