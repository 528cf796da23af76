import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  fetchRepository,
  repositoryFromPayload,
  resolveRepository
} from '../../../src/release/repository.js'
import { startFakeGitHubApi, type FakeGitHubApi } from '../../helpers/fake-github-api.js'
import { context } from './support.js'

const apiRepository = {
  name: 'Hello-World',
  description: 'This your first repo!',
  html_url: 'https://github.com/octocat/Hello-World',
  license: { spdx_id: 'MIT' },
  default_branch: 'master'
}
const info = {
  name: 'Hello-World',
  description: 'This your first repo!',
  htmlUrl: 'https://github.com/octocat/Hello-World',
  license: 'MIT',
  defaultBranch: 'master'
}

const withoutLicense = Object.fromEntries(
  Object.entries(apiRepository).filter(([key]) => key !== 'license')
)

describe('repositoryFromPayload', () => {
  // prettier-ignore
  it.each([
    [{ repository: apiRepository }, info],
    [{ repository: { ...apiRepository, description: null, license: null } }, { ...info, description: '', license: '' }],
    [{ repository: withoutLicense }, undefined],
    [{ repository: { name: 'x', html_url: 'y', description: null, license: null } }, undefined],
    [{ repository: { default_branch: 'main' } }, undefined],
    [{}, undefined]
  ])('%j', (payload, expected) => {
    expect(repositoryFromPayload(payload as Record<string, unknown>)).toEqual(expected)
  })
})

describe('fetchRepository and resolveRepository', () => {
  let api: FakeGitHubApi
  beforeAll(async () => {
    api = await startFakeGitHubApi({ '/repos/octocat/Hello-World': apiRepository })
  })
  afterAll(() => api.close())

  it('reads GET /repos/{owner}/{name} with the token', async () => {
    expect(await fetchRepository('octocat/Hello-World', 'tok', api.url)).toEqual(info)
    expect(api.requests.at(-1)).toMatchObject({
      method: 'GET',
      path: '/repos/octocat/Hello-World',
      headers: { authorization: 'Bearer tok' }
    })
  })

  it('prefers a complete payload and asks the API otherwise', async () => {
    const count = api.requests.length
    const fromPayload = context('refs/heads/main', { payload: { repository: apiRepository } })
    expect(await resolveRepository(fromPayload, {}, '')).toEqual(info)
    expect(api.requests.length).toBe(count)
    const incomplete = context('refs/heads/main', {
      repository: 'octocat/Hello-World',
      apiUrl: api.url
    })
    expect(await resolveRepository(incomplete, {}, 'tok')).toEqual(info)
    expect(api.requests.length).toBe(count + 1)
  })

  it('names the repository when the API fails', async () => {
    const missing = context('refs/heads/main', { repository: 'octocat/missing', apiUrl: api.url })
    await expect(resolveRepository(missing, {}, 'tok')).rejects.toThrow(
      /cannot read repository metadata for octocat\/missing: .*not found \(HTTP 404\)/
    )
    await expect(fetchRepository('not-a-slug', '', api.url)).rejects.toThrow(
      /not an owner\/name repository/
    )
    const nowhere = context('refs/heads/main', { repository: '' })
    await expect(resolveRepository(nowhere, {}, '')).rejects.toThrow(/GITHUB_REPOSITORY is not set/)
  })
})
