/**
 * Helm has no mirror or rewrite setting and no system-wide config: the mirrored repositories
 * are added to the user's repositories.yaml ($HELM_REPOSITORY_CONFIG, else
 * $XDG_CONFIG_HOME/helm/repositories.yaml, else ~/.config/helm/repositories.yaml), upserted by
 * name with every other entry kept, in the shape `helm repo add` writes. Chart dependencies
 * that name an upstream repository URL still go upstream. image mode writes nothing.
 */
import { join } from 'node:path'
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { emptyPlan } from '../ecosystem.js'
import { YamlMergeError } from './conda.js'

export function helmRepositoryConfig(target: Target): string {
  const env = target.env
  if (env.HELM_REPOSITORY_CONFIG !== undefined && env.HELM_REPOSITORY_CONFIG !== '')
    return env.HELM_REPOSITORY_CONFIG
  const config =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== ''
      ? env.XDG_CONFIG_HOME
      : join(target.home, '.config')
  return join(config, 'helm', 'repositories.yaml')
}

function entry(name: string, url: string): Record<string, unknown> {
  return {
    name,
    url,
    username: '',
    password: '',
    certFile: '',
    keyFile: '',
    caFile: '',
    insecure_skip_tls_verify: false,
    pass_credentials_all: false
  }
}

export function mergeHelmRepositories(
  existing: string | undefined,
  repositories: Record<string, string>
): string {
  const document = parseDocument(
    existing === undefined || existing.trim() === ''
      ? 'apiVersion: ""\ngenerated: "0001-01-01T00:00:00Z"\nrepositories: []\n'
      : existing
  )
  if (document.errors.length > 0 || !isMap(document.contents))
    throw new YamlMergeError('helm repositories.yaml: not a YAML mapping')
  let list = document.get('repositories')
  if (!isSeq(list)) {
    document.set('repositories', document.createNode([]))
    list = document.get('repositories')
  }
  const items = (list as { items: unknown[] }).items
  for (const [name, url] of Object.entries(repositories)) {
    const node = document.createNode(entry(name, url))
    const at = items.findIndex((item) => isMap(item) && item.get('name') === name)
    if (at === -1) items.push(node)
    else {
      const current = items[at] as YAMLMap
      current.set('url', url)
    }
  }
  return document.toString()
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const repositories = config.mirrors.helm
  if (repositories === undefined || Object.keys(repositories).length === 0) return undefined
  const plan = emptyPlan('helm')
  if (target.mode === 'image') {
    plan.notes.push(
      'helm has no system-wide configuration: run mirror-config in the job (job mode) to add the repositories'
    )
    return plan
  }
  plan.files.push({
    path: helmRepositoryConfig(target),
    render: (existing) => mergeHelmRepositories(existing, repositories),
    description: 'Helm repositories'
  })
  plan.notes.push(
    `helm: run "helm repo update" before installing from ${Object.keys(repositories).join(', ')} (the index is not downloaded here)`
  )
  return plan
}

export const helmEcosystem: Ecosystem = { name: 'helm', plan }
