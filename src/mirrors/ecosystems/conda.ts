/**
 * conda and mamba. channel_alias sends every channel name to the mirror, default_channels
 * replaces "defaults", custom_channels sends conda-forge there too; ssl_verify points at the
 * bundle (conda uses requests and certifi, not the system store, and the setting replaces
 * trust); proxy_servers repeats the proxy for conda started without the job's environment.
 * job: ~/.condarc, merged key by key (comments and other keys kept). image: a drop-in
 * /etc/conda/condarc.d/runnerkit.yml of our own. Tokens in conda channel URLs are printed by
 * conda, so none is written.
 */
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import { UserError } from '../../errors.js'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'

export class YamlMergeError extends UserError {}

export function condaSettings(config: MirrorConfig, target: Target): Record<string, unknown> {
  const base = config.mirrors.conda!.replace(/\/+$/, '')
  const settings: Record<string, unknown> = {
    channel_alias: base,
    default_channels: [`${base}/main`, `${base}/r`],
    custom_channels: { 'conda-forge': base }
  }
  if (target.caBundle !== undefined) settings.ssl_verify = target.caBundle
  const proxy = config.proxy
  if (proxy?.http !== undefined || proxy?.https !== undefined) {
    settings.proxy_servers = {
      ...(proxy.http !== undefined && { http: proxy.http }),
      ...(proxy.https !== undefined && { https: proxy.https })
    }
  }
  return settings
}

/** Sets each top-level key; other keys and comments are kept. */
export function mergeYamlKeys(
  existing: string | undefined,
  values: Record<string, unknown>,
  what: string
): string {
  const document = parseDocument(existing ?? '')
  if (document.errors.length > 0)
    throw new YamlMergeError(
      `${what}: not valid YAML (${document.errors[0]!.message.split('\n')[0]})`
    )
  if (document.contents === null) document.contents = document.createNode({}) as never
  for (const [key, value] of Object.entries(values)) document.set(key, value)
  return document.toString()
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  if (config.mirrors.conda === undefined) return undefined
  const plan = emptyPlan('conda')
  const settings = condaSettings(config, target)
  plan.files.push(
    target.mode === 'job'
      ? {
          path: join(target.home, '.condarc'),
          render: (existing) => mergeYamlKeys(existing, settings, '.condarc'),
          description: 'conda user config'
        }
      : {
          path: '/etc/conda/condarc.d/runnerkit.yml',
          render: () => mergeYamlKeys(undefined, settings, 'condarc.d/runnerkit.yml'),
          description: 'conda system config drop-in'
        }
  )
  plan.notes.push(
    'conda: a channel given as a full URL in an environment.yml bypasses channel_alias'
  )
  return plan
}

export const condaEcosystem: Ecosystem = { name: 'conda', plan }
