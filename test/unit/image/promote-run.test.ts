import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  isImmutableTag,
  parseDestination,
  parseInsecureRegistries,
  parseSource,
  PromoteInputError,
  readAuthFile,
  resolveTagNames,
  runPromote,
  splitTagList
} from '../../../src/image/promote-run.js'
import type { GitHubContext } from '../../../src/release/context.js'
import { scratchDir } from '../../helpers/scratch.js'

function fieldOf(action: () => unknown): string | undefined {
  try {
    action()
  } catch (error) {
    return error instanceof PromoteInputError
      ? error.field
      : `not a PromoteInputError: ${String(error)}`
  }
  return undefined
}

async function rejectionOf(promise: Promise<unknown>): Promise<PromoteInputError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof PromoteInputError) return error
    throw error
  }
  throw new Error('expected a PromoteInputError')
}

const tagPush = (tag: string): GitHubContext => ({
  eventName: 'push',
  sha: '860c1904a1ce19322e91ac35af1ab07466440c37',
  ref: `refs/tags/${tag}`,
  payload: { repository: { default_branch: 'main' } },
  repository: 'octo-org/runner-images',
  workflow: 'release',
  actor: 'octocat',
  runNumber: 1,
  runId: 1,
  runAttempt: 1,
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com'
})

describe('splitTagList', () => {
  it.each([
    ['1.2.3, 1.2,1\nlatest', ['1.2.3', '1.2', '1', 'latest']],
    ['# release tags\n1.2.3\n\n', ['1.2.3']],
    [
      'type=semver,pattern={{version}}\n type=semver,pattern={{major}}.{{minor}}\nedge',
      ['type=semver,pattern={{version}}', 'type=semver,pattern={{major}}.{{minor}}', 'edge']
    ],
    ['', []]
  ])('%j', (text, expected) => {
    expect(splitTagList(text)).toEqual(expected)
  })
})

describe('isImmutableTag', () => {
  it.each([
    ['1.2.3', true],
    ['v1.2.3', true],
    ['2.0.0-rc.1', true],
    ['1.2', false],
    ['1', false],
    ['latest', false],
    ['sha-0123abc', false]
  ])('%s → %s', (tag, expected) => {
    expect(isImmutableTag(tag)).toBe(expected)
  })
})

describe('resolveTagNames', () => {
  it('keeps plain tags in order, without duplicates', async () => {
    expect(await resolveTagNames(['1.2.3', '1.2', '1.2.3', 'latest'])).toEqual([
      '1.2.3',
      '1.2',
      'latest'
    ])
  })

  it.each(['-bad', '.hidden', 'a/b', 'x'.repeat(129), 'ü'])(
    'refuses %j, naming the tag',
    async (tag) => {
      const error = await rejectionOf(resolveTagNames(['1.2.3', tag]))
      expect(error.field).toBe('tags')
      expect(error.message).toContain(`'${tag}'`)
    }
  )

  it('computes image-meta rules against the event, latest included as metadata-action does', async () => {
    const tags = await resolveTagNames(
      [
        'type=semver,pattern={{version}}',
        'type=semver,pattern={{major}}.{{minor}}',
        'type=semver,pattern={{major}}'
      ],
      { metaContext: () => Promise.resolve(tagPush('v1.2.3')) }
    )
    expect(tags).toEqual(['1.2.3', '1.2', '1', 'latest'])
  })

  it('mixes rules with plain tags', async () => {
    const tags = await resolveTagNames(['stable', 'type=semver,pattern={{version}}'], {
      metaContext: () => Promise.resolve(tagPush('v2.0.0'))
    })
    expect(tags).toEqual(['stable', '2.0.0', 'latest'])
  })

  it('fails naming tags when the rules give nothing for the event', async () => {
    const warnings: string[] = []
    const error = await rejectionOf(
      resolveTagNames(['type=semver,pattern={{version}}'], {
        metaContext: () => Promise.resolve(tagPush('nightly')),
        onWarning: (message) => warnings.push(message)
      })
    )
    expect(error.field).toBe('tags')
    expect(error.message).toContain('no tag')
  })

  it('turns a malformed rule into an error on tags', async () => {
    const error = await rejectionOf(
      resolveTagNames(['type=nope,value=1'], {
        metaContext: () => Promise.resolve(tagPush('v1.0.0'))
      })
    )
    expect(error.field).toBe('tags')
  })
})

describe('parsing references and hosts', () => {
  it('names the field at fault', () => {
    expect(fieldOf(() => parseSource(''))).toBe('source')
    expect(fieldOf(() => parseSource('Bad Name'))).toBe('source')
    expect(fieldOf(() => parseDestination('registry.example.com/app:1.0'))).toBe('destination')
    expect(fieldOf(() => parseInsecureRegistries(['host with space']))).toBe('insecure-registries')
  })

  it('normalises sources and hosts', () => {
    expect(parseSource('127.0.0.1:5000/team/app:sha-1')).toEqual({
      registry: '127.0.0.1:5000',
      repository: 'team/app',
      tag: 'sha-1'
    })
    expect(parseDestination('')).toBeUndefined()
    expect(parseInsecureRegistries(['http://registry.lan:5000/', ' 10.0.0.5 '])).toEqual([
      'registry.lan:5000',
      '10.0.0.5'
    ])
  })
})

describe('readAuthFile', () => {
  const dir = scratchDir('authfile')
  const write = (name: string, content: unknown) => {
    const path = join(dir, name)
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
    return path
  }

  it('reads base64 auth and username/password entries for the registries asked', () => {
    const path = write('config.json', {
      auths: {
        'https://index.docker.io/v1/': { auth: Buffer.from('hub:pa:ss').toString('base64') },
        'ghcr.io': { username: 'octocat', password: 'ghp_token' },
        'other.example.com': { auth: Buffer.from('x:y').toString('base64') }
      }
    })
    expect(readAuthFile(path, ['docker.io', 'ghcr.io'])).toEqual({
      'docker.io': { username: 'hub', password: 'pa:ss' },
      'ghcr.io': { username: 'octocat', password: 'ghp_token' }
    })
  })

  it.each([
    ['missing', undefined, 'does not exist'],
    ['not-json', 'nope', 'is not JSON'],
    ['no-auths', { credsStore: 'desktop' }, 'no "auths"'],
    ['empty-entry', { auths: { 'ghcr.io': {} } }, 'neither']
  ])('%s: one error on auth-file', (name, content, reason) => {
    const path = content === undefined ? join(dir, name) : write(name, content)
    let error: unknown
    try {
      readAuthFile(path, ['ghcr.io'])
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PromoteInputError)
    expect((error as PromoteInputError).field).toBe('auth-file')
    expect((error as PromoteInputError).message).toContain(reason)
    expect((error as PromoteInputError).message).not.toContain('\n')
  })

  it('never puts a password in an error', () => {
    const path = write('broken.json', { auths: { 'ghcr.io': { auth: 'c2VjcmV0' } } })
    expect(() => readAuthFile(path, ['ghcr.io'])).toThrow(/neither/)
    expect(() => readAuthFile(path, ['ghcr.io'])).not.toThrow(/secret/)
  })
})

describe('runPromote input checks, before any request', () => {
  it('refuses half-given credentials', async () => {
    const base = { source: '127.0.0.1:1/app:1', tags: ['1'], immutable: true }
    expect(
      (await rejectionOf(runPromote({ ...base, credentials: { username: 'u', password: '' } })))
        .field
    ).toBe('password')
    expect(
      (await rejectionOf(runPromote({ ...base, credentials: { username: '', password: 'p' } })))
        .field
    ).toBe('username')
  })
})
