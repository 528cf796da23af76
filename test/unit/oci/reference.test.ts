import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../../src/errors.js'
import {
  formatReference,
  parseReference,
  parseRepository,
  registryApiHost
} from '../../../src/oci/reference.js'

const digest = `sha256:${'a'.repeat(64)}`

describe('parseReference', () => {
  // prettier-ignore
  it.each([
    ['ubuntu', 'docker.io/library/ubuntu:latest'],
    ['ubuntu:22.04', 'docker.io/library/ubuntu:22.04'],
    ['user/app', 'docker.io/user/app:latest'],
    ['docker.io/ubuntu', 'docker.io/library/ubuntu:latest'],
    ['index.docker.io/library/ubuntu:1', 'docker.io/library/ubuntu:1'],
    ['index.docker.io/user/app', 'docker.io/user/app:latest'],
    ['ghcr.io/org/team/app:v1.2.3', 'ghcr.io/org/team/app:v1.2.3'],
    ['localhost/app', 'localhost/app:latest'],
    ['localhost:5000/app:dev', 'localhost:5000/app:dev'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000/a/b:latest'],
    ['[::1]:5000/app', '[::1]:5000/app:latest'],
    ['Registry/app', 'Registry/app:latest'],
    ['foo_bar/app', 'docker.io/foo_bar/app:latest'],
    ['a/b__c/d-e.f---g', 'docker.io/a/b__c/d-e.f---g:latest'],
    [`app@${digest}`, `docker.io/library/app@${digest}`],
    [`reg.example.com:443/app:1.0@${digest}`, `reg.example.com:443/app:1.0@${digest}`],
    [' app:_x ', 'docker.io/library/app:_x']
  ])('%s → %s', (input, expected) => {
    expect(formatReference(parseReference(input))).toBe(expected)
  })

  it('splits the parts', () => {
    expect(parseReference(`127.0.0.1:5000/team/app:1.2@${digest}`)).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'team/app',
      tag: '1.2',
      digest
    })
    expect(parseReference('app', { defaultTag: '' })).toEqual({
      registry: 'docker.io',
      repository: 'library/app'
    })
  })

  // prettier-ignore
  it.each([
    ['', /it is empty/],
    ['user/App', /repository 'user\/App' must be lower-case/],
    ['User/App', /repository 'App' must be lower-case/],
    ['app:', /tag '' must be/],
    ['app:.hidden', /tag '.hidden' must be/],
    [`app:${'x'.repeat(129)}`, /tag 'x+' must be/],
    ['app@sha256:abc', /digest 'sha256:abc' must be sha256:/],
    [`app@sha512:${'a'.repeat(128)}`, /must be sha256:/],
    [`app@sha256:${'A'.repeat(64)}`, /64 lower-case hex/],
    ['reg.example.com/', /repository name is empty|must be lower-case/],
    ['a//b', /must be lower-case/],
    ['a/-b', /must be lower-case/],
    ['a/b_', /must be lower-case/],
    ['-reg.com/app', /'-reg.com' is not a valid registry host/],
    [`r.io/${'a'.repeat(300)}`, /longer than 255/]
  ])('%j is refused', (input, message) => {
    let error: unknown
    try {
      parseReference(input)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(message)
    expect((error as Error).message).toContain(`image reference '${input}'`)
  })
})

describe('parseRepository', () => {
  it('takes a bare repository', () => {
    expect(parseRepository('127.0.0.1:5000/a/b')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'a/b'
    })
  })
  it('refuses a tag or digest', () => {
    expect(() => parseRepository('r.io/a:1')).toThrow(/without a tag or digest/)
    expect(() => parseRepository(`r.io/a@${digest}`)).toThrow(UserError)
  })
})

describe('registryApiHost', () => {
  // prettier-ignore
  it.each([
    ['docker.io', 'registry-1.docker.io'],
    ['index.docker.io', 'registry-1.docker.io'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000']
  ])('%s → %s', (registry, host) => {
    expect(registryApiHost(registry)).toBe(host)
  })
})
