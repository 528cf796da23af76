/**
 * npm: `registry=` and the registry's auth line in an npmrc. The auth line holds a placeholder
 * (`//host/path/:_authToken=${NPM_TOKEN}`), never the value; npm fills it from the environment.
 *
 * Job mode writes a global config file under HOME and exports NPM_CONFIG_GLOBALCONFIG
 * (mirrors.md §1.3): unlike ~/.npmrc it survives setup-node's `registry-url`, which redirects
 * NPM_CONFIG_USERCONFIG, and pnpm 10 reads it too. It is the lowest-precedence file, so a
 * project's .npmrc and setup-node's registry win over it — on purpose: publishing to another
 * registry keeps working. NPM_CONFIG_REGISTRY is not exported: it beats every file and flag
 * default, so `setup-node registry-url: https://npm.pkg.github.com` + `npm publish` would go to
 * the mirror. The variable named for the token is exported (masked) so later steps can fill the
 * placeholder — yarn 1 even aborts when it is unset.
 *
 * Image mode writes $PREFIX/etc/npmrc for both usual prefixes (/usr/local: official tarballs and
 * node images; /usr: Debian's and NodeSource's packages) and sets NPM_CONFIG_GLOBALCONFIG to
 * the /usr/local one, so a Node installed later under another prefix (setup-node's tool cache)
 * reads it too. No `cafile=`: it replaces Node's trust; NODE_EXTRA_CA_CERTS (central) appends.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { mergeRc } from '../formats/npmrc.js'

/** $PREFIX/etc/npmrc of the usual Node installs, the first one exported as the global config. */
export const imageGlobalNpmrcs = ['/usr/local/etc/npmrc', '/usr/etc/npmrc'] as const

/** The variable job mode fills with base64(username:password) for `_auth`. */
export const npmBasicAuthVariable = 'RUNNERKIT_NPM_AUTH'

export function npmGlobalConfigPath(target: Target): string {
  return target.mode === 'job'
    ? join(target.home, '.config', 'runnerkit', 'npm', 'npmrc')
    : imageGlobalNpmrcs[0]
}

/** A registry URL as npm keys it: with a trailing slash. */
export function registryUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** `//host[:port]/path/` — the prefix npm matches a registry's auth settings by. */
export function nerfDart(url: string): string {
  const parsed = new URL(registryUrl(url))
  return `//${parsed.host}${parsed.pathname}`
}

/**
 * The npmrc auth settings for a registry, from credentials.npm (or credentials.yarn first, for
 * yarn): placeholders only. Job mode reads the values, exports them for later steps and masks
 * them; image mode leaves the variables to whoever runs the tool.
 */
export function npmrcAuth(
  config: MirrorConfig,
  target: Target,
  registry: string,
  plan: Plan,
  ecosystem: 'npm' | 'yarn' = 'npm'
): Record<string, string> {
  const fromYarn = ecosystem === 'yarn' ? config.credentials.yarn : undefined
  const key = fromYarn?.token !== undefined ? 'yarn' : 'npm'
  const ref = fromYarn?.token !== undefined ? fromYarn : config.credentials.npm
  if (ref === undefined) return {}
  const dart = nerfDart(registry)
  if (ref.token !== undefined) {
    exportCredential(target, plan, key, 'token', ref.token)
    return { [`${dart}:_authToken`]: `\${${ref.token}}` }
  }
  if (ref.username !== undefined) {
    if (target.mode === 'job') {
      const username = credentialValue(target, key, 'username', ref.username)!
      const password = credentialValue(target, key, 'password', ref.password)!
      const auth = Buffer.from(`${username}:${password}`).toString('base64')
      plan.env.push([npmBasicAuthVariable, auth])
      plan.secrets.push(auth, password)
    } else {
      plan.notes.push(
        `${plan.ecosystem}: the npmrc refers to \${${npmBasicAuthVariable}}: set it to base64(username:password) where npm runs`
      )
    }
    return { [`${dart}:_auth`]: `\${${npmBasicAuthVariable}}` }
  }
  return {}
}

/** Job mode: re-export the credential's variable for later steps, masked. */
export function exportCredential(
  target: Target,
  plan: Plan,
  ecosystem: string,
  part: string,
  variable: string
): void {
  if (target.mode === 'job') {
    const value = credentialValue(target, ecosystem, part, variable)!
    plan.env.push([variable, value])
    plan.secrets.push(value)
  } else {
    plan.notes.push(
      `${plan.ecosystem}: the config refers to \${${variable}}; the image holds no value: set ${variable} where the tool runs`
    )
  }
}

export const npmEcosystem: Ecosystem = {
  name: 'npm',
  plan(config: MirrorConfig, target: Target): Plan | undefined {
    const mirror = config.mirrors.npm
    if (mirror === undefined) return undefined
    const plan = emptyPlan('npm')
    const values = { registry: registryUrl(mirror), ...npmrcAuth(config, target, mirror, plan) }
    const paths = target.mode === 'job' ? [npmGlobalConfigPath(target)] : [...imageGlobalNpmrcs]
    for (const path of paths) {
      plan.files.push({
        path,
        description:
          target.mode === 'job'
            ? 'npm global config (NPM_CONFIG_GLOBALCONFIG)'
            : `npm global config (${path})`,
        render: (existing) => mergeRc(existing, values, { file: path })
      })
    }
    plan.env.push(['NPM_CONFIG_GLOBALCONFIG', npmGlobalConfigPath(target)])
    plan.notes.push(
      'npm: the mirror is set in the global npmrc (NPM_CONFIG_GLOBALCONFIG), the lowest-precedence file: a project .npmrc or setup-node registry-url that names a registry still wins',
      'npm: package-lock.json URLs of the public registry are rewritten to the mirror (replace-registry-host=npmjs, the default), URLs of any other host are fetched as locked: set replace-registry-host=always for those'
    )
    if (target.mode === 'job') {
      plan.notes.push(
        'npm: NPM_CONFIG_GLOBALCONFIG replaces $PREFIX/etc/npmrc, so settings kept there no longer apply'
      )
    }
    return plan
  }
}
