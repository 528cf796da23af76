/**
 * pnpm: pnpm 10 reads npm's files (the global npmrc the npm plan writes and exports as
 * NPM_CONFIG_GLOBALCONFIG); pnpm 11 ignores NPM_CONFIG_GLOBALCONFIG and npm_config_registry and
 * reads `registry` from ~/.config/pnpm/config.yaml and pnpm_config_registry (mirrors.md §1.3,
 * verified). Both read ~/.npmrc, so that is where the auth line (a `${VAR}` placeholder) goes.
 * pnpm_config_registry beats a project .npmrc — the mirror is enforced for pnpm 11, the price
 * being that `pnpm publish` to another registry needs --registry.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { mergeRc } from '../formats/npmrc.js'
import { mergeYaml } from '../formats/yaml-merge.js'
import { npmrcAuth, registryUrl } from './npm.js'
import { userConfigHome } from './pip.js'

export function pnpmConfigPath(target: Target): string {
  return join(userConfigHome(target), 'pnpm', 'config.yaml')
}

export const pnpmEcosystem: Ecosystem = {
  name: 'pnpm',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const mirror = config.mirrors.npm
    if (mirror === undefined) return undefined
    const plan = emptyPlan('pnpm')
    const registry = registryUrl(mirror)
    const path = pnpmConfigPath(target)
    plan.files.push({
      path,
      description: 'pnpm 11 global config',
      render: (existing) => mergeYaml(existing, { registry }, { file: path })
    })
    const auth = npmrcAuth(config, target, mirror, plan)
    if (Object.keys(auth).length > 0) {
      const npmrc = join(target.home, '.npmrc')
      plan.files.push({
        path: npmrc,
        description: 'registry credentials (placeholder) for pnpm 11',
        render: (existing) => mergeRc(existing, auth, { file: npmrc })
      })
    }
    plan.env.push(['pnpm_config_registry', registry])
    plan.notes.push(
      'pnpm 11 ignores npm_config_registry and NPM_CONFIG_GLOBALCONFIG: it gets pnpm_config_registry and ~/.config/pnpm/config.yaml (pnpm 10 reads the npm global config)'
    )
    return plan
  }
}
