/**
 * A stand-in for GitHub's REST API on 127.0.0.1, because the real one cannot be reached from
 * tests. It answers GET requests from a table of paths (anything else is a 404, as GitHub
 * answers) and records every request with its headers.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeGitHubApi {
  url: string
  requests: Array<{ method: string; path: string; headers: IncomingHttpHeaders }>
  close(): Promise<void>
}

export async function startFakeGitHubApi(routes: Record<string, unknown>): Promise<FakeGitHubApi> {
  const requests: FakeGitHubApi['requests'] = []
  const server = createServer((request, response) => {
    const path = request.url ?? ''
    requests.push({ method: request.method ?? '', path, headers: request.headers })
    const body = routes[path]
    response.statusCode = body === undefined ? 404 : 200
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify(body ?? { message: 'Not Found' }))
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((closed) => server.close(() => closed()))
  }
}
