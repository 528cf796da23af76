/**
 * The company CA. Most per-tool CA settings replace the trust store, so they all point at one
 * bundle (the system CAs plus the company CA) — pointing them at the company CA alone would
 * break every host the proxy splices. NODE_EXTRA_CA_CERTS appends, so it gets the CA alone.
 * job mode writes both files under HOME; image mode installs the CA into the distribution's
 * trust store and lets its update tool rebuild the bundle.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { MirrorConfig } from './config.js'
import type { Plan, Target } from './ecosystem.js'
import { emptyPlan } from './ecosystem.js'

/** Where distributions keep the system bundle, in the order we look. */
export const systemBundles = [
  '/etc/ssl/certs/ca-certificates.crt', // Debian, Ubuntu, Alpine, Wolfi
  '/etc/pki/tls/certs/ca-bundle.crt', // RHEL, UBI, Fedora
  '/etc/ssl/cert.pem'
]

export async function readSystemBundle(): Promise<{ path: string; pem: string } | undefined> {
  for (const path of systemBundles) {
    try {
      return { path, pem: await fs.readFile(path, 'utf8') }
    } catch {
      continue
    }
  }
  return undefined
}

/** Paths of the bundle and the CA alone, for a target (what ecosystems point their knobs at). */
export function caPaths(target: Pick<Target, 'mode' | 'home' | 'family'>): {
  bundle: string
  ca: string
} {
  if (target.mode === 'image' && target.family === 'rhel') {
    return {
      bundle: '/etc/pki/tls/certs/ca-bundle.crt',
      ca: '/etc/pki/ca-trust/source/anchors/runnerkit-company-ca.pem'
    }
  }
  return target.mode === 'job'
    ? {
        bundle: join(target.home, '.config', 'runnerkit', 'ca', 'bundle.pem'),
        ca: join(target.home, '.config', 'runnerkit', 'ca', 'company-ca.pem')
      }
    : {
        bundle: '/etc/ssl/certs/ca-certificates.crt',
        ca: '/usr/local/share/ca-certificates/runnerkit-company-ca.crt'
      }
}

/** Variables that replace the trust store, all pointed at the bundle. */
const replacingVariables = [
  'SSL_CERT_FILE',
  'REQUESTS_CA_BUNDLE',
  'CURL_CA_BUNDLE',
  'PIP_CERT',
  'GIT_SSL_CAINFO',
  'CARGO_HTTP_CAINFO'
]

export function caPlan(
  config: MirrorConfig,
  target: Target,
  systemBundle: string | undefined
): Plan | undefined {
  const ca = config.ca
  if (ca === undefined) return undefined
  const plan = emptyPlan('ca')
  const paths = caPaths(target)
  if (target.mode === 'job') {
    if (systemBundle === undefined) {
      plan.notes.push(
        `no system CA bundle found (${systemBundles.join(', ')}): the bundle holds the company CA only, so hosts the proxy splices will fail`
      )
    }
    plan.files.push(
      { path: paths.ca, render: () => ca.pem, description: 'company CA' },
      {
        path: paths.bundle,
        render: () => `${(systemBundle ?? '').trimEnd()}\n${ca.pem}`.trimStart(),
        description: 'trust bundle (system CAs + company CA)'
      }
    )
    for (const name of replacingVariables) plan.env.push([name, paths.bundle])
    plan.env.push(['NODE_EXTRA_CA_CERTS', paths.ca])
    return plan
  }
  // Debian, Ubuntu, Alpine and Wolfi read /usr/local/share/ca-certificates; RHEL and UBI read
  // the anchors directory. Both files go in; the RUN line runs whichever tool the base has.
  plan.files.push(
    {
      path: '/usr/local/share/ca-certificates/runnerkit-company-ca.crt',
      render: () => ca.pem,
      description: 'company CA (Debian, Ubuntu, Alpine)'
    },
    {
      path: '/etc/pki/ca-trust/source/anchors/runnerkit-company-ca.pem',
      render: () => ca.pem,
      description: 'company CA (RHEL, UBI)'
    }
  )
  plan.dockerfile.push(
    'RUN if command -v update-ca-certificates >/dev/null 2>&1; then update-ca-certificates; elif command -v update-ca-trust >/dev/null 2>&1; then update-ca-trust extract; else echo "no CA update tool: install ca-certificates" >&2; exit 1; fi'
  )
  // Node does not read the system store; requests (pip < 24.2) reads certifi unless told.
  plan.env.push(['NODE_EXTRA_CA_CERTS', paths.ca])
  plan.notes.push(
    `Java keeps its own keystore: import the CA with keytool -importcert -cacerts -storepass changeit -alias runnerkit-company-ca -file ${paths.ca} -noprompt (Debian images with ca-certificates-java get it from update-ca-certificates)`
  )
  return plan
}
