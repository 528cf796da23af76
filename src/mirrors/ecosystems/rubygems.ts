/**
 * RubyGems and Bundler. gem reads :sources: from ~/.gemrc (job) or /etc/gemrc (image); the
 * merge replaces that one key and keeps the rest of the YAML (comments included). Bundler does
 * not read gemrc: BUNDLE_MIRROR__RUBYGEMS__ORG sends every rubygems.org source of a Gemfile to
 * the mirror (measured: mirrors.md §1). Credentials would be literal in a URL or in a
 * BUNDLE_<HOST> variable, so they are not written anywhere: the steps that need them set
 * BUNDLE_<HOST>__<TLD>=user:token themselves.
 */
import { join } from 'node:path'
import { parseDocument } from 'yaml'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { YamlMergeError } from './conda.js'

/** Sets :sources: to the mirror alone; other keys and comments are kept. */
export function mergeGemrc(existing: string | undefined, mirror: string): string {
  const document = parseDocument(existing ?? '')
  if (document.errors.length > 0)
    throw new YamlMergeError(
      `.gemrc: not valid YAML (${document.errors[0]!.message.split('\n')[0]})`
    )
  if (document.contents === null) document.contents = document.createNode({}) as never
  document.set(':sources', [mirror])
  const text = document.toString()
  return text.startsWith('---') ? text : `---\n${text}`
}

/** Bundler's key for a host: dots → __, dashes → ___, upper case. */
export function bundlerHostKey(host: string): string {
  return host.replaceAll('-', '___').replaceAll('.', '__').toUpperCase()
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const mirror = config.mirrors.rubygems
  if (mirror === undefined) return undefined
  const plan = emptyPlan('rubygems')
  const url = mirror.endsWith('/') ? mirror : `${mirror}/`
  plan.files.push({
    path: target.mode === 'job' ? join(target.home, '.gemrc') : '/etc/gemrc',
    render: (existing) => mergeGemrc(existing, url),
    description: 'gem sources'
  })
  plan.env.push(['BUNDLE_MIRROR__RUBYGEMS__ORG', url])
  const reference = config.credentials.rubygems
  if (reference?.username !== undefined) {
    if (target.mode === 'job') {
      credentialValue(target, 'rubygems', 'username', reference.username)
      plan.secrets.push(credentialValue(target, 'rubygems', 'password', reference.password)!)
    }
    plan.notes.push(
      `rubygems: credentials are not written: set BUNDLE_${bundlerHostKey(new URL(url).hostname)}="$${reference.username}:$${reference.password}" in the steps that run bundle (gem would print them as part of the source URL)`
    )
  }
  return plan
}

export const rubygemsEcosystem: Ecosystem = { name: 'rubygems', plan }
