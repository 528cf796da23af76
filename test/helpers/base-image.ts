/**
 * The e2e tier's base image: no registry on the internet is reachable here, so a Debian bookworm
 * minbase made by debootstrap (src/pipeline/debian-base.ts, which `npm start` uses too) is
 * pushed into the test's own registry. The packed layout is cached between runs in the system
 * temp directory, so only the first run pays for debootstrap.
 */
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { resolveInLayout } from '../../src/oci/layout.js'
import { pushFromLayout } from '../../src/oci/push.js'
import { RegistryClient } from '../../src/oci/registry.js'
import { debianBaseLayout } from '../../src/pipeline/debian-base.js'
import type { LocalRegistry } from './registry.js'
import { requireTool } from './tools.js'

const suite = 'bookworm'
const mirror = process.env.RUNNERKIT_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian'

/** The cached layout holding the minbase image under the name `bookworm`; made when missing. */
export async function debianMinbaseLayout(): Promise<string> {
  requireTool('debootstrap')
  return debianBaseLayout({ cacheDir: join(tmpdir(), 'runnerkit-e2e-cache'), mirror })
}

/** Pushes the minbase into `registry` and returns its reference (`HOST/REPOSITORY:bookworm`). */
export async function pushDebianBase(
  registry: LocalRegistry,
  repository = 'base/debian'
): Promise<string> {
  const layout = await debianMinbaseLayout()
  const client = new RegistryClient()
  try {
    await pushFromLayout({
      client,
      layout,
      descriptor: await resolveInLayout(layout, suite),
      repository: { registry: registry.host, repository },
      tags: [suite]
    })
  } finally {
    client.close()
  }
  return `${registry.host}/${repository}:${suite}`
}
