/**
 * Every plan for a config and a target: the CA and the proxy first (ecosystems point at the
 * bundle they create), then each ecosystem in src/mirrors/ecosystems/.
 */
import type { MirrorConfig } from './config.js'
import { caPaths, caPlan } from './ca.js'
import type { Plan, Target } from './ecosystem.js'
import { ecosystems } from './ecosystems/index.js'
import { proxyPlan } from './proxy.js'

export function planAll(
  config: MirrorConfig,
  base: Omit<Target, 'caBundle' | 'caFile'>,
  systemBundle: string | undefined
): Plan[] {
  const target: Target = { ...base }
  if (config.ca !== undefined) {
    const paths = caPaths(base)
    target.caBundle = paths.bundle
    target.caFile = paths.ca
  }
  const plans = [caPlan(config, target, systemBundle), proxyPlan(config, target)]
  for (const ecosystem of ecosystems) plans.push(ecosystem.plan(config, target))
  return plans.filter((plan): plan is Plan => plan !== undefined)
}
