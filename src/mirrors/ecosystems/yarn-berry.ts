/**
 * yarn 2–4 (berry) reads no npmrc and ignores HTTP(S)_PROXY (mirrors.md §1, §2.1), so it gets
 * everything in ~/.yarnrc.yml (the image user's in image mode: berry has no system-wide file):
 * npmRegistryServer, httpProxy/httpsProxy, httpsCaFilePath (the bundle — it replaces trust),
 * npmAuthToken as a `${VAR}` placeholder, and the mirror's host in unsafeHttpWhitelist when it is
 * plain http (berry refuses http registries otherwise, YN0081). Plus YARN_NPM_REGISTRY_SERVER
 * and YARN_HTTP(S)_PROXY, which reach berry whatever HOME is.
 *
 * Unlike the other ecosystems this one also plans when only a proxy is configured: the central
 * proxy variables never reach berry.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { mergeYaml, type YamlValue } from '../formats/yaml-merge.js'
import { exportCredential } from './npm.js'

export function yarnrcYmlPath(target: Target): string {
  return join(target.home, '.yarnrc.yml')
}

export const yarnBerryEcosystem: Ecosystem = {
  name: 'yarn-berry',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const mirror = config.mirrors.yarn ?? config.mirrors.npm
    const proxy = config.proxy
    if (mirror === undefined && proxy?.http === undefined && proxy?.https === undefined)
      return undefined
    const plan = emptyPlan('yarn-berry')
    const path = yarnrcYmlPath(target)
    const values: Record<string, YamlValue> = {}
    const lists: Record<string, string[]> = {}
    if (mirror !== undefined) {
      const registry = mirror.replace(/\/+$/, '')
      values.npmRegistryServer = registry
      plan.env.push(['YARN_NPM_REGISTRY_SERVER', registry])
      const url = new URL(mirror)
      if (url.protocol === 'http:') lists.unsafeHttpWhitelist = [url.hostname]
      const ref =
        config.credentials.yarn?.token !== undefined
          ? { ecosystem: 'yarn', token: config.credentials.yarn.token }
          : { ecosystem: 'npm', token: config.credentials.npm?.token }
      if (ref.token !== undefined) {
        values.npmAuthToken = `\${${ref.token}}`
        exportCredential(target, plan, ref.ecosystem, 'token', ref.token)
      }
      if (ref.token === undefined && config.credentials.npm?.username !== undefined) {
        plan.notes.push(
          'yarn berry: credentials.npm has a username and password, but only a token (npmAuthToken) is configured for yarn berry; give credentials.yarn.token'
        )
      }
      plan.notes.push(
        'yarn berry: npmRegistryServer and YARN_NPM_REGISTRY_SERVER set the registry (the variable beats a project .yarnrc.yml); yarn.lock stores no registry URL, so a registry switch is safe'
      )
    }
    if (proxy?.http !== undefined) {
      values.httpProxy = proxy.http
      plan.env.push(['YARN_HTTP_PROXY', proxy.http])
    }
    if (proxy?.https !== undefined) {
      values.httpsProxy = proxy.https
      plan.env.push(['YARN_HTTPS_PROXY', proxy.https])
    }
    if (proxy !== undefined && proxy.noProxy.length > 0 && (proxy.http ?? proxy.https)) {
      plan.notes.push(
        "yarn berry: it has no no_proxy: every request, the mirror's too, goes through the proxy"
      )
    }
    if (target.caBundle !== undefined) {
      values.httpsCaFilePath = target.caBundle
      plan.notes.push(
        "yarn berry: httpsCaFilePath is yarn 4's name (yarn 2 and 3 call it caFilePath and reject unknown keys)"
      )
    }
    plan.files.push({
      path,
      description: 'yarn berry user config',
      render: (existing) => mergeYaml(existing, values, { addToLists: lists, file: path })
    })
    return plan
  }
}
