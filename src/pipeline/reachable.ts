/**
 * Whether a host answers HTTPS at all, asked once with a short timeout before a build depends
 * on it. Any HTTP answer counts (a registry's /v2/ says 401 to strangers); a failed name lookup,
 * a refused connection or silence does not.
 */
import { request } from 'node:https'

export function canReach(url: string, timeoutMs = 5000): Promise<boolean> {
  return new Promise((resolve) => {
    const outgoing = request(url, { method: 'HEAD', timeout: timeoutMs }, (response) => {
      response.resume()
      resolve(true)
    })
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')))
    outgoing.on('error', () => resolve(false))
    outgoing.end()
  })
}

/** The registry host a FROM reference pulls from (docker.io for library names). */
export function registryUrl(host: string): string {
  return host === 'docker.io' ? 'https://registry-1.docker.io/v2/' : `https://${host}/v2/`
}
