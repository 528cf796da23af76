/**
 * The proxy, as environment variables in both cases (curl, git and wget ignore upper-case
 * HTTP_PROXY; wget reads only lower-case no_proxy), with the two traps users hit most named
 * before they hurt: an https:// proxy URL (it means TLS to the proxy, which squid's plain
 * http_port refuses) and CIDR ranges in no_proxy (several tools cannot read them).
 */
import type { MirrorConfig } from './config.js'
import type { Plan, Target } from './ecosystem.js'
import { emptyPlan } from './ecosystem.js'

/** Tools that match no_proxy by name or suffix only (measured: mirrors.md §2.1). */
const cidrBlind =
  'wget, Python urllib, npm, Node 24 (NODE_USE_ENV_PROXY), @actions/http-client and Java'

export function proxyPlan(config: MirrorConfig, target: Target): Plan | undefined {
  const proxy = config.proxy
  if (proxy === undefined) return undefined
  const plan = emptyPlan('proxy')
  const both = (name: string, value: string) =>
    plan.env.push([name.toUpperCase(), value], [name.toLowerCase(), value])
  if (proxy.http !== undefined) both('HTTP_PROXY', proxy.http)
  if (proxy.https !== undefined) both('HTTPS_PROXY', proxy.https)
  if (proxy.noProxy.length > 0) both('NO_PROXY', proxy.noProxy.join(','))
  for (const [key, url] of [
    ['http', proxy.http],
    ['https', proxy.https]
  ] as const) {
    if (url?.startsWith('https://')) {
      plan.notes.push(
        `proxy.${key} is ${url}: an https:// proxy URL means TLS to the proxy, which squid's http_port refuses ("tunneling socket could not be established"); use http:// for both`
      )
    }
  }
  const cidrs = proxy.noProxy.filter((entry) => /\/\d+$/.test(entry))
  if (cidrs.length > 0) {
    plan.notes.push(
      `proxy.no_proxy has CIDR ranges (${cidrs.join(', ')}), which ${cidrBlind} ignore; add the host names and domain suffixes too`
    )
  }
  if (target.mode === 'image') {
    plan.notes.push(
      'proxy variables become ENV in the image: every container from it uses the proxy'
    )
  }
  return plan
}
