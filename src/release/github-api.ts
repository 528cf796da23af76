import { HttpClient } from '@actions/http-client'
import { UserError, messageOf } from '../errors.js'

export const defaultApiUrl = 'https://api.github.com'

/**
 * GET one JSON document from the GitHub REST API. Any failure (network, status, body) is a
 * UserError that names the URL, so front ends can print it as one line.
 */
export async function getGitHubJson<T>(path: string, token: string, apiUrl: string): Promise<T> {
  const url = `${(apiUrl || defaultApiUrl).replace(/\/+$/, '')}${path}`
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28'
  }
  if (token) headers.authorization = `Bearer ${token}`
  const client = new HttpClient('runnerkit', [], { allowRetries: true, maxRetries: 2 })
  try {
    const response = await client.getJson<T>(url, headers)
    if (response.statusCode === 404 || response.result === null) {
      throw new UserError(`GitHub API ${url}: not found (HTTP ${response.statusCode})`)
    }
    return response.result
  } catch (error) {
    if (error instanceof UserError) throw error
    throw new UserError(`GitHub API ${url}: ${messageOf(error)}`)
  } finally {
    client.dispose()
  }
}
