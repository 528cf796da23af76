import { afterEach, describe, expect, it } from '@jest/globals'
import { parseDestinations } from '../../../src/cli/build.js'
import { UserError } from '../../../src/errors.js'
import {
  checkCapabilities,
  hostPlatform,
  parsePlatforms,
  type BuildRequest
} from '../../../src/image/build.js'
import type { EngineCapabilities } from '../../../src/image/engines/engine.js'
import type { ChosenEngine } from '../../../src/image/engines/index.js'

function thrownBy(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`not an Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected an error')
}

describe('parsePlatforms', () => {
  it.each<[string[], string[]]>([
    [[], []],
    [['linux/amd64'], ['linux/amd64']],
    [
      [' Linux/ARM64 ', 'linux/arm/v7', ''],
      ['linux/arm64', 'linux/arm/v7']
    ],
    [
      ['linux/arm64/v8', 'linux/arm64'],
      ['linux/arm64/v8', 'linux/arm64']
    ],
    [
      ['windows/amd64', 'linux/x86_64'],
      ['windows/amd64', 'linux/x86_64']
    ],
    [['  ', ''], []]
  ])('%j', (entries, expected) => {
    expect(parsePlatforms(entries)).toEqual(expected)
  })

  it.each([
    [['linux'], "platform 'linux' is not os/arch[/variant]"],
    [['linux/'], "platform 'linux/' is not os/arch[/variant]"],
    [['linux/arm64/v8/x'], "platform 'linux/arm64/v8/x' is not"],
    [['linux/amd 64'], "platform 'linux/amd 64' is not"],
    [['linux,amd64'], "platform 'linux,amd64' is not"],
    [['linux/amd64', 'LINUX/AMD64'], "platform 'linux/amd64' is listed twice"]
  ])('refuses %j', (entries, message) => {
    const error = thrownBy(() => parsePlatforms(entries))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(message)
  })
})

describe('hostPlatform', () => {
  const original = Object.getOwnPropertyDescriptor(process, 'arch')
  afterEach(() => {
    if (original !== undefined) Object.defineProperty(process, 'arch', original)
  })

  it.each([
    ['x64', 'linux/amd64'],
    ['arm64', 'linux/arm64'],
    ['arm', 'linux/arm'],
    ['ia32', 'linux/386'],
    ['ppc64', 'linux/ppc64le'],
    ['s390x', 'linux/s390x'],
    ['riscv64', 'linux/riscv64'],
    ['mips', 'linux/mips']
  ])('%s is %s', (arch, expected) => {
    Object.defineProperty(process, 'arch', { value: arch, configurable: true })
    expect(hostPlatform()).toBe(expected)
  })

  it('names the real host as os/arch', () => {
    expect(hostPlatform()).toMatch(/^linux\/[a-z0-9]+$/)
    expect(parsePlatforms([hostPlatform()])).toEqual([hostPlatform()])
  })
})

describe('checkCapabilities', () => {
  const none: EngineCapabilities = {
    secrets: false,
    foreignPlatforms: false,
    cacheFrom: false,
    cacheTo: false
  }
  const all: EngineCapabilities = {
    secrets: true,
    foreignPlatforms: true,
    cacheFrom: true,
    cacheTo: true
  }
  const chosen = (capabilities: EngineCapabilities): ChosenEngine => ({
    engine: {
      name: 'docker',
      probe: () => Promise.reject(new Error('not probed in this test')),
      build: () => Promise.reject(new Error('not built in this test'))
    },
    probe: { name: 'docker', available: true, capabilities },
    skipped: []
  })
  const request: BuildRequest = {
    context: '/ctx',
    buildArgs: [],
    labels: [],
    pull: false,
    noCache: false,
    cacheFrom: [],
    cacheTo: [],
    secrets: [],
    localTags: [],
    env: {},
    workDir: '/work',
    layout: '/layout',
    refName: 'ref',
    platforms: [],
    annotations: []
  }
  const foreign = hostPlatform() === 'linux/amd64' ? 'linux/arm64' : 'linux/amd64'

  it.each<[string, Partial<BuildRequest>, string]>([
    ['secrets', { secrets: [{ id: 's', file: '/s' }] }, 'mount build secrets'],
    ['cache-to', { cacheTo: ['r/cache'] }, 'export a build cache (cache-to)'],
    ['cache-from', { cacheFrom: ['r/cache'] }, 'import a build cache (cache-from)'],
    ['a foreign platform', { platforms: [hostPlatform(), foreign] }, `build for ${foreign}`]
  ])('refuses %s, naming the engine and buildah', (_name, fields, what) => {
    const error = thrownBy(() => checkCapabilities(chosen(none), { ...request, ...fields }))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(`engine docker cannot ${what}`)
    expect(error.message).toContain('use engine buildah')
  })

  it('says which platform the classic builder can build', () => {
    const error = thrownBy(() =>
      checkCapabilities(chosen(none), { ...request, platforms: [foreign] })
    )
    expect(error.message).toContain(`for the host's platform, ${hostPlatform()}, only`)
  })

  it.each<[string, Partial<BuildRequest>]>([
    ['a plain request', {}],
    ['the host platform', { platforms: [hostPlatform()] }]
  ])('accepts %s without the capabilities', (_name, fields) => {
    expect(() => checkCapabilities(chosen(none), { ...request, ...fields })).not.toThrow()
  })

  it('accepts everything when the engine can do everything', () => {
    expect(() =>
      checkCapabilities(chosen(all), {
        ...request,
        secrets: [{ id: 's', file: '/s' }],
        cacheFrom: ['a'],
        cacheTo: ['b'],
        platforms: [hostPlatform(), foreign]
      })
    ).not.toThrow()
  })
})

describe('parseDestinations', () => {
  it.each<[string[], ReturnType<typeof parseDestinations>]>([
    [[], { registry: [] }],
    [['docker://ghcr.io/o/app:1'], { registry: ['ghcr.io/o/app:1'] }],
    [['ghcr.io/o/app:1', 'app'], { registry: ['ghcr.io/o/app:1', 'app'] }],
    [['localhost:5000/x:1'], { registry: ['localhost:5000/x:1'] }],
    [['docker://localhost:5000/x:1'], { registry: ['localhost:5000/x:1'] }],
    [['oci:/out/layout:app'], { registry: [], ociLayout: '/out/layout:app' }],
    [['oci:layout'], { registry: [], ociLayout: 'layout' }],
    [['oci-archive:/out/app.tar'], { registry: [], ociArchive: '/out/app.tar' }],
    [
      ['r.example.com/a:1', 'oci:dir:name', 'oci-archive:f.tar', 'docker://r.example.com/a:2'],
      {
        registry: ['r.example.com/a:1', 'r.example.com/a:2'],
        ociLayout: 'dir:name',
        ociArchive: 'f.tar'
      }
    ]
  ])('%j', (entries, expected) => {
    expect(parseDestinations(entries)).toEqual(expected)
  })

  it.each([
    [['docker-archive:/out/app.tar'], 'docker-archive: is not supported'],
    [['dir:/out/app'], 'dir: is not supported'],
    [['containers-storage:app:1'], 'containers-storage: is not supported'],
    [['oci:a', 'oci:b'], 'give one oci: layout'],
    [['oci-archive:a.tar', 'oci-archive:b.tar'], 'give one oci-archive: file']
  ])('refuses %j', (entries, message) => {
    const error = thrownBy(() => parseDestinations(entries))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain(message)
  })
})
