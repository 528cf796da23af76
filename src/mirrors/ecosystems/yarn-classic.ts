/**
 * yarn 1 (classic): `registry "…"` in ~/.yarnrc (image mode /etc/yarnrc, which yarn 1 reads) and
 * YARN_REGISTRY. The registry is mirrors.yarn, else mirrors.npm. yarn 1 ignores
 * NPM_CONFIG_GLOBALCONFIG (mirrors.md §1.3), so the auth line — a `${VAR}` placeholder — goes to
 * an npmrc it does read: ~/.npmrc in job mode, $PREFIX/etc/npmrc in image mode. Proxy and CA come
 * from the central variables (yarn 1 honours HTTP(S)_PROXY and NODE_EXTRA_CA_CERTS).
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { mergeRc } from '../formats/npmrc.js'
import { imageGlobalNpmrcs, npmrcAuth, registryUrl } from './npm.js'

export function yarnrcPath(target: Target): string {
  return target.mode === 'job' ? join(target.home, '.yarnrc') : '/etc/yarnrc'
}

export const yarnClassicEcosystem: Ecosystem = {
  name: 'yarn-classic',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const mirror = config.mirrors.yarn ?? config.mirrors.npm
    if (mirror === undefined) return undefined
    const plan = emptyPlan('yarn-classic')
    const registry = registryUrl(mirror)
    const path = yarnrcPath(target)
    plan.files.push({
      path,
      description: target.mode === 'job' ? 'yarn 1 user config' : 'yarn 1 system config',
      render: (existing) => mergeRc(existing, { registry }, { style: 'yarnrc', file: path })
    })
    const auth = npmrcAuth(config, target, mirror, plan, 'yarn')
    if (Object.keys(auth).length > 0) {
      const npmrcs = target.mode === 'job' ? [join(target.home, '.npmrc')] : [...imageGlobalNpmrcs]
      for (const npmrc of npmrcs) {
        plan.files.push({
          path: npmrc,
          description: 'registry credentials (placeholder) for yarn 1',
          render: (existing) => mergeRc(existing, auth, { file: npmrc })
        })
      }
      plan.notes.push(
        'yarn 1: it aborts ("Failed to replace env in config") when a ${VAR} an npmrc refers to is unset; after setup-node registry-url, ~/.npmrc is not read (NPM_CONFIG_USERCONFIG)'
      )
    }
    plan.env.push(['YARN_REGISTRY', registry])
    plan.notes.push(
      'yarn 1: yarn.lock "resolved" URLs are fetched verbatim, whatever the registry setting (even the public registry\'s); rewrite the lockfile\'s host to the mirror or let the proxy reach the old host'
    )
    return plan
  }
}
