/**
 * image-meta's committed bundle, run the way the runner runs it, for each kind of event a
 * release pipeline sees. Only GitHub is simulated (the event payload, the context variables
 * and, for the schedule case, the REST API on 127.0.0.1).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { eventFixture } from '../helpers/events.js'
import { startFakeGitHubApi, type FakeGitHubApi } from '../helpers/fake-github-api.js'
import { runAction } from '../helpers/run-action.js'

const epoch = 1764000000
const created = new Date(epoch * 1000).toISOString()
const env = { SOURCE_DATE_EPOCH: String(epoch) }
const image = 'ghcr.io/octo-org/runner'

const releaseTags = [
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=sha'
].join('\n')

describe('image-meta on a push to the default branch', () => {
  it('tags the branch and fills the OCI labels from the payload', async () => {
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-main.json'),
      inputs: { images: image },
      env
    })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs.version).toBe('main')
    expect(run.outputs.tags).toBe(`${image}:main`)
    expect(run.outputs['tag-names']).toBe('main')
    expect(run.outputs.labels?.split('\n')).toEqual([
      `org.opencontainers.image.created=${created}`,
      'org.opencontainers.image.description=Self-hosted runner images for our ARC scale sets',
      'org.opencontainers.image.licenses=Apache-2.0',
      'org.opencontainers.image.revision=860c1904a1ce19322e91ac35af1ab07466440c37',
      'org.opencontainers.image.source=https://github.com/octo-org/runner-images',
      'org.opencontainers.image.title=runner-images',
      'org.opencontainers.image.url=https://github.com/octo-org/runner-images',
      'org.opencontainers.image.version=main'
    ])
    expect(run.outputs.annotations?.split('\n')[0]).toBe(
      `manifest:org.opencontainers.image.created=${created}`
    )
    expect(JSON.parse(run.outputs.json ?? 'null')).toMatchObject({
      tags: [`${image}:main`],
      'tag-names': ['main']
    })
    // As metadata-action, every output is exported for later steps too.
    expect(run.env.DOCKER_METADATA_OUTPUT_VERSION).toBe('main')
    expect(run.env.DOCKER_METADATA_OUTPUT_TAG_NAMES).toBe('main')
    expect(run.summary).toContain('`ghcr.io/octo-org/runner:main`')
  })

  it('masks the token before anything else is printed', async () => {
    const token = 'ghs_secretValueThatMustNeverBePrinted01'
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-main.json'),
      inputs: { images: image },
      token
    })
    expect(run.masks).toContain(token)
    expect(run.stdout.indexOf('::add-mask::')).toBeLessThan(run.stdout.indexOf('::group::'))
  })

  it('gives latest to the main branch only when asked, as metadata-action', async () => {
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-main.json'),
      inputs: {
        images: image,
        tags: 'type=ref,event=branch\ntype=raw,value=latest,enable={{is_default_branch}}'
      },
      env
    })
    expect(run.outputs.tags?.split('\n')).toEqual([`${image}:main`, `${image}:latest`])
  })
})

describe('image-meta on a tag push', () => {
  it('gives the semver tags, the short sha and latest, in priority order', async () => {
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-tag.json'),
      inputs: { images: `${image}\ndocker.io/octoorg/runner`, tags: releaseTags },
      env
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.version).toBe('1.4.2')
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${image}:1.4.2`,
      `${image}:1.4`,
      `${image}:sha-b56ba1b`,
      `${image}:latest`,
      'docker.io/octoorg/runner:1.4.2',
      'docker.io/octoorg/runner:1.4',
      'docker.io/octoorg/runner:sha-b56ba1b',
      'docker.io/octoorg/runner:latest'
    ])
  })

  it('joins the outputs with the separators given', async () => {
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-tag.json'),
      inputs: { images: image, tags: releaseTags, 'sep-tags': ',', 'sep-labels': ';' },
      env
    })
    expect(run.outputs.tags).toBe(
      `${image}:1.4.2,${image}:1.4,${image}:sha-b56ba1b,${image}:latest`
    )
    expect(run.outputs.labels?.split(';')).toHaveLength(8)
  })
})

describe('image-meta on a pull request', () => {
  it('tags pr-<number> and uses the merge commit, or the head commit when asked', async () => {
    const event = eventFixture('pull_request', 'pull-request.json')
    const inputs = { images: image, tags: 'type=ref,event=pr\ntype=sha' }
    const merge = await runAction('image-meta', { event, inputs, env })
    expect(merge.outputs.tags?.split('\n')).toEqual([`${image}:pr-17`, `${image}:sha-a9c1c28`])

    const head = await runAction('image-meta', {
      event,
      inputs,
      env: { ...env, DOCKER_METADATA_PR_HEAD_SHA: 'true' }
    })
    expect(head.outputs.tags?.split('\n')).toEqual([`${image}:pr-17`, `${image}:sha-3f78685`])
    expect(head.outputs.labels).toContain(
      'org.opencontainers.image.revision=3f786850e387550fdab836ed7e6dc881de23001b'
    )
  })
})

describe('image-meta on a release', () => {
  it('takes the version from the release tag', async () => {
    const run = await runAction('image-meta', {
      event: eventFixture('release', 'release-published.json'),
      inputs: { images: image, tags: 'type=semver,pattern={{version}}\ntype=ref,event=tag' },
      env
    })
    expect(run.outputs.tags?.split('\n')).toEqual([
      `${image}:2.0.0`,
      `${image}:v2.0.0`,
      `${image}:latest`
    ])
  })
})

describe('image-meta on a schedule', () => {
  let api: FakeGitHubApi
  beforeAll(async () => {
    api = await startFakeGitHubApi({
      '/repos/octo-org/runner-images': {
        name: 'runner-images',
        description: 'from the API',
        html_url: 'https://github.com/octo-org/runner-images',
        default_branch: 'main',
        license: { spdx_id: 'MIT' }
      }
    })
  })
  afterAll(() => api.close())

  it('renders the date pattern and fetches the repository metadata the payload lacks', async () => {
    const token = 'ghs_scheduleToken0000000000000000000000'
    const run = await runAction('image-meta', {
      event: eventFixture('schedule', 'schedule.json'),
      inputs: { images: image, tags: "type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}" },
      env: { ...env, GITHUB_API_URL: api.url },
      token
    })
    expect(run.errors).toEqual([])
    expect(run.outputs.tags).toBe(`${image}:nightly-${created.slice(0, 10).replace(/-/g, '')}`)
    expect(run.outputs.labels).toContain('org.opencontainers.image.description=from the API')
    expect(run.outputs.labels).toContain('org.opencontainers.image.licenses=MIT')
    expect(api.requests.map((request) => request.path)).toEqual(['/repos/octo-org/runner-images'])
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${token}`)
  })
})

describe('image-meta on bad input', () => {
  it.each([
    ['an unknown tag type', { tags: 'type=semverr,pattern={{version}}' }, /semverr/],
    ['an attribute that does not parse', { tags: 'type=sha,priority=high' }, /priority/],
    ['an invalid image name', { images: 'ghcr.io/Octo Org/runner' }, /Octo Org/],
    ['an unknown flavor key', { flavor: 'lastest=true' }, /lastest/],
    ['a bad boolean', { strict: 'yes' }, /input 'strict'/]
  ])('%s: one error line naming it, exit 1, no outputs', async (_what, inputs, named) => {
    const run = await runAction('image-meta', {
      event: eventFixture('push', 'push-tag.json'),
      inputs: { images: image, ...inputs },
      env
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toMatch(named)
    expect(run.errors[0]?.message).not.toContain('\n')
    expect(run.outputs).toEqual({})
    expect(run.env).toEqual({})
  })

  it('in strict mode, fails on a tag rule that yields nothing instead of warning', async () => {
    const event = eventFixture('push', 'push-tag.json')
    ;(event.payload as { ref: string }).ref = 'refs/tags/release-candidate'
    const lenient = await runAction('image-meta', {
      event,
      inputs: { images: image, tags: 'type=semver,pattern={{version}}' },
      env: { ...env, GITHUB_REF: 'refs/tags/release-candidate' }
    })
    expect(lenient.exitCode).toBe(0)
    expect(lenient.warnings.map((warning) => warning.message).join('\n')).toMatch(
      /release-candidate/
    )
    expect(lenient.outputs.tags).toBe('')

    const strict = await runAction('image-meta', {
      event,
      inputs: { images: image, tags: 'type=semver,pattern={{version}}', strict: 'true' },
      env: { ...env, GITHUB_REF: 'refs/tags/release-candidate' }
    })
    expect(strict.exitCode).toBe(1)
    expect(strict.errors[0]?.message).toMatch(/release-candidate/)
    expect(strict.outputs).toEqual({})
  })
})

describe('image-meta and untrusted text', () => {
  it('cannot be made to issue workflow commands or extra outputs by the repository description', async () => {
    const event = eventFixture('push', 'push-main.json')
    const repository = (event.payload as { repository: Record<string, unknown> }).repository
    repository.description =
      'evil\n::warning::injected\n::set-output name=tags::x\nversion<<EOF\npwned\nEOF'
    const run = await runAction('image-meta', { event, inputs: { images: image }, env })
    expect(run.exitCode).toBe(0)
    expect(run.warnings).toEqual([])
    expect(run.outputs.version).toBe('main')
    expect(Object.keys(run.outputs).sort()).toEqual([
      'annotations',
      'json',
      'labels',
      'tag-names',
      'tags',
      'version'
    ])
    expect(run.outputs.labels ?? '').toContain(
      'org.opencontainers.image.description=evil\n::warning::injected'
    )
  })
})
