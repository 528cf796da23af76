import { describe, expect, it } from '@jest/globals'
import { UserError } from '../../../src/errors.js'
import {
  annotationsFor,
  parseAnnotation,
  type AnnotationSpec
} from '../../../src/image/annotations.js'
import { baseImages } from '../../../src/image/base-images.js'
import {
  containersBuildFlags,
  retryTransientReexecFailure
} from '../../../src/image/engines/containers-build.js'
import { ToolFailedError } from '../../../src/image/engines/process.js'
import type { EngineBuildRequest } from '../../../src/image/engines/engine.js'
import { stepOf } from '../../../src/image/engines/engine.js'

function thrownBy(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`not an Error: ${String(error)}`, { cause: error })
  }
  throw new Error('expected an error')
}

describe('parseAnnotation', () => {
  it.each<[string, AnnotationSpec]>([
    [
      'org.opencontainers.image.title=app',
      { level: 'manifest', key: 'org.opencontainers.image.title', value: 'app' }
    ],
    ['manifest:k=v', { level: 'manifest', key: 'k', value: 'v' }],
    ['index:k=v', { level: 'index', key: 'k', value: 'v' }],
    ['manifest-descriptor:k=v', { level: 'manifest-descriptor', key: 'k', value: 'v' }],
    ['index-descriptor:k=v', { level: 'index-descriptor', key: 'k', value: 'v' }],
    [
      'manifest[linux/arm64]:k=v',
      { level: 'manifest', platform: 'linux/arm64', key: 'k', value: 'v' }
    ],
    [
      'manifest-descriptor[ linux/arm/v7 ]:k=v',
      { level: 'manifest-descriptor', platform: 'linux/arm/v7', key: 'k', value: 'v' }
    ],
    [
      'org.opencontainers.image.source=https://github.com/o/r',
      { level: 'manifest', key: 'org.opencontainers.image.source', value: 'https://github.com/o/r' }
    ],
    ['index:url=a=b:c', { level: 'index', key: 'url', value: 'a=b:c' }],
    ['  k=v with spaces  ', { level: 'manifest', key: 'k', value: 'v with spaces' }],
    ['k=', { level: 'manifest', key: 'k', value: '' }],
    // A key that merely starts like a level is a key.
    ['index.version=2', { level: 'manifest', key: 'index.version', value: '2' }],
    ['manifest=x', { level: 'manifest', key: 'manifest', value: 'x' }],
    ['other:k=v', { level: 'manifest', key: 'other:k', value: 'v' }]
  ])('%j', (entry, expected) => {
    expect(parseAnnotation(entry)).toEqual(expected)
  })

  it.each(['novalue', '=v', 'manifest:=v', 'index:novalue', ''])('refuses %j', (entry) => {
    const error = thrownBy(() => parseAnnotation(entry))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toContain('expected [level:]key=value')
  })
})

describe('annotationsFor', () => {
  const specs = [
    'a=1',
    'manifest[linux/arm64]:a=arm',
    'manifest[linux/amd64]:b=amd',
    'index:a=index',
    'index:a=index-later',
    'manifest-descriptor:d=1',
    'index-descriptor:id=1'
  ].map(parseAnnotation)

  it.each<[AnnotationSpec['level'], string | undefined, Record<string, string>]>([
    ['manifest', undefined, { a: '1' }],
    ['manifest', 'linux/arm64', { a: 'arm' }],
    ['manifest', 'linux/amd64', { a: '1', b: 'amd' }],
    ['manifest', 'linux/s390x', { a: '1' }],
    ['index', undefined, { a: 'index-later' }],
    ['manifest-descriptor', 'linux/amd64', { d: '1' }],
    ['index-descriptor', undefined, { id: '1' }]
  ])('%s for %s', (level, platform, expected) => {
    expect(annotationsFor(specs, level, platform)).toEqual(expected)
  })

  it('lets a later entry override an earlier one in order', () => {
    const ordered = ['manifest[linux/arm64]:a=arm', 'a=all'].map(parseAnnotation)
    expect(annotationsFor(ordered, 'manifest', 'linux/arm64')).toEqual({ a: 'all' })
  })
})

describe('baseImages', () => {
  it.each<[string, string, Array<[string, string]>, string[]]>([
    ['one FROM', 'FROM alpine:3.20\nRUN true\n', [], ['alpine:3.20']],
    ['scratch in any case', 'FROM scratch\nFROM SCRATCH\n', [], []],
    [
      'a stage alias is not an image',
      'FROM golang:1.22 AS build\nRUN go build\nFROM build AS test\nFROM alpine\nCOPY --from=build /a /a\n',
      [],
      ['golang:1.22', 'alpine']
    ],
    ['aliases compare without case', 'FROM node AS Deps\nFROM deps\n', [], ['node']],
    ['lower-case as', 'FROM node as deps\nFROM deps\n', [], ['node']],
    ['duplicates once', 'FROM alpine\nFROM alpine\n', [], ['alpine']],
    ['an ARG default', 'ARG TAG=3.20\nFROM alpine:${TAG}\n', [], ['alpine:3.20']],
    ['a bare $VAR', 'ARG IMAGE=debian\nFROM $IMAGE:12\n', [], ['debian:12']],
    [
      'a build arg overrides the default',
      'ARG TAG=3.20\nFROM alpine:$TAG\n',
      [['TAG', 'edge']],
      ['alpine:edge']
    ],
    [
      'a build arg fills an ARG without default',
      'ARG REG\nFROM ${REG}/app\n',
      [['REG', 'localhost:5000']],
      ['localhost:5000/app']
    ],
    ['${VAR:-default} when unset', 'ARG V\nFROM ${V:-busybox}\n', [], ['busybox']],
    ['${VAR:-default} when set', 'ARG V=ubuntu\nFROM ${V:-busybox}\n', [], ['ubuntu']],
    ['${VAR:+alt} when set', 'ARG V=1\nFROM busybox${V:+:musl}\n', [], ['busybox:musl']],
    ['${VAR:+alt} when unset', 'ARG V\nFROM busybox${V:+:musl}\n', [], ['busybox']],
    [
      'an ARG after the first FROM does not apply to FROM',
      'FROM alpine\nARG TAG=9\nFROM debian:${TAG:-12}\n',
      [['TAG', '11']],
      ['alpine', 'debian:12']
    ],
    [
      'a build arg for an undeclared ARG is ignored',
      'FROM alpine:${TAG:-3}\n',
      [['TAG', '4']],
      ['alpine:3']
    ],
    ['an image that resolves to nothing is dropped', 'ARG IMAGE\nFROM $IMAGE\n', [], []],
    [
      'a stage named through an ARG',
      'ARG STAGE=build\nFROM golang AS build\nFROM ${STAGE}\n',
      [],
      ['golang']
    ],
    [
      '--platform is not the image',
      'FROM --platform=$BUILDPLATFORM golang:1 AS b\nFROM --platform=linux/arm64 alpine\n',
      [],
      ['golang:1', 'alpine']
    ],
    [
      'a digest is kept',
      'FROM alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
      [],
      ['alpine@sha256:0000000000000000000000000000000000000000000000000000000000000000']
    ],
    ['no FROM', 'ARG X=1\n', [], []]
  ])('%s', (_name, dockerfile, buildArgs, expected) => {
    expect(baseImages(dockerfile, buildArgs)).toEqual(expected)
  })
})

describe('stepOf', () => {
  it.each<[string, string | undefined]>([
    ['STEP 2/5: RUN x', 'Step 2/5: RUN x'],
    ['STEP 1/1: FROM alpine', 'Step 1/1: FROM alpine'],
    ['[1/2] STEP 1/3: FROM a AS b', '[1/2] Step 1/3: FROM a AS b'],
    ['[2/2] STEP 3/3: COPY --from=b /x /x', '[2/2] Step 3/3: COPY --from=b /x /x'],
    ['Step 3/5 : RUN x', 'Step 3/5: RUN x'],
    ['Step 10/12 : RUN echo "a: b"', 'Step 10/12: RUN echo "a: b"'],
    ['COMMIT localhost/app', undefined],
    ['--> 3f1c2a', undefined],
    [' ---> Running in 0123abcd', undefined],
    ['Successfully built 0123abcd', undefined],
    ['STEP 2/5 RUN x', undefined],
    ['  STEP 2/5: RUN x', undefined],
    ['step 2/5: RUN x', undefined],
    ['STEP two/5: RUN x', undefined],
    ['', undefined]
  ])('%j', (line, expected) => {
    expect(stepOf(line)).toBe(expected)
  })
})

describe('containersBuildFlags', () => {
  const minimal: EngineBuildRequest = {
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
    refName: 'ref'
  }
  const base = ['--isolation', 'chroot', '--format', 'oci']

  it.each<[string, Partial<EngineBuildRequest>, string[]]>([
    ['nothing extra', {}, []],
    ['file', { file: '/ctx/Dockerfile.prod' }, ['--file', '/ctx/Dockerfile.prod']],
    ['target', { target: 'runtime' }, ['--target', 'runtime']],
    ['platform', { platform: 'linux/arm64' }, ['--platform', 'linux/arm64']],
    [
      'build args, in order, values with = kept',
      {
        buildArgs: [
          ['A', '1'],
          ['B', 'x=y'],
          ['C', '']
        ]
      },
      ['--build-arg', 'A=1', '--build-arg', 'B=x=y', '--build-arg', 'C=']
    ],
    [
      'labels',
      {
        labels: [
          ['org.opencontainers.image.title', 'app'],
          ['k', 'a b']
        ]
      },
      ['--label', 'org.opencontainers.image.title=app', '--label', 'k=a b']
    ],
    ['pull', { pull: true }, ['--pull=always']],
    ['no cache', { noCache: true }, ['--no-cache']],
    ['cache from', { cacheFrom: ['r/cache'] }, ['--layers', '--cache-from', 'r/cache']],
    ['cache to', { cacheTo: ['r/cache'] }, ['--layers', '--cache-to', 'r/cache']],
    [
      'cache from and to',
      { cacheFrom: ['a', 'b'], cacheTo: ['c'] },
      ['--layers', '--cache-from', 'a', '--cache-from', 'b', '--cache-to', 'c']
    ],
    [
      'secrets',
      {
        secrets: [
          { id: 'npmrc', file: '/s/npmrc' },
          { id: 't', file: '/s/t' }
        ]
      },
      ['--secret', 'id=npmrc,src=/s/npmrc', '--secret', 'id=t,src=/s/t']
    ],
    ['network', { network: 'host' }, ['--network', 'host']],
    [
      'local tags',
      { localTags: ['app:1', 'app:latest'] },
      ['--tag', 'app:1', '--tag', 'app:latest']
    ]
  ])('%s', (_name, fields, expected) => {
    expect(containersBuildFlags({ ...minimal, ...fields })).toEqual([...base, ...expected])
  })

  it('puts every field in a fixed order and leaves out context, layout and workDir', () => {
    const flags = containersBuildFlags({
      ...minimal,
      file: 'F',
      target: 'T',
      platform: 'linux/amd64',
      buildArgs: [['A', '1']],
      labels: [['L', '2']],
      pull: true,
      noCache: true,
      cacheFrom: ['CF'],
      cacheTo: ['CT'],
      secrets: [{ id: 'S', file: '/s' }],
      network: 'none',
      localTags: ['T:1']
    })
    expect(flags).toEqual([
      ...base,
      '--file',
      'F',
      '--target',
      'T',
      '--platform',
      'linux/amd64',
      '--build-arg',
      'A=1',
      '--label',
      'L=2',
      '--pull=always',
      '--no-cache',
      '--layers',
      '--cache-from',
      'CF',
      '--cache-to',
      'CT',
      '--secret',
      'id=S,src=/s',
      '--network',
      'none',
      '--tag',
      'T:1'
    ])
    for (const path of ['/ctx', '/layout', '/work', 'ref']) expect(flags).not.toContain(path)
  })
})

describe('retryTransientReexecFailure', () => {
  const sealingRace = new ToolFailedError('buildah build', 1, [
    '[1/2] STEP 8/10: RUN apt-get update',
    'Close_Fd sealing memfd copy: Device or resource busy',
    'Error: building at STEP "RUN apt-get update": exit status 1'
  ])

  it('runs the build once more after the re-exec sealing race, and says so', async () => {
    const warnings: string[] = []
    let calls = 0
    const result = await retryTransientReexecFailure(
      'buildah',
      () => {
        calls++
        return calls === 1 ? Promise.reject(sealingRace) : Promise.resolve('built')
      },
      (message) => warnings.push(message)
    )
    expect(result).toBe('built')
    expect(calls).toBe(2)
    expect(warnings).toEqual([
      expect.stringMatching(/^buildah failed to re-exec itself .*building once more$/)
    ])
  })

  it('retries only once: the same failure twice is the failure', async () => {
    let calls = 0
    await expect(
      retryTransientReexecFailure('buildah', () => {
        calls++
        return Promise.reject(sealingRace)
      })
    ).rejects.toBe(sealingRace)
    expect(calls).toBe(2)
  })

  it('never retries a failure of the build itself', async () => {
    const failedStep = new ToolFailedError('buildah build', 1, [
      'E: Unable to locate package nonexistent',
      'Error: building at STEP "RUN apt-get install nonexistent": exit status 100'
    ])
    let calls = 0
    await expect(
      retryTransientReexecFailure('buildah', () => {
        calls++
        return Promise.reject(failedStep)
      })
    ).rejects.toBe(failedStep)
    expect(calls).toBe(1)
  })
})
