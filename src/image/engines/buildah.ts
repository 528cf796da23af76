/**
 * buildah: the default engine. Daemonless, works rootless, and with chroot isolation needs no
 * extra privileges inside a Kubernetes pod.
 */
import type { Engine } from './engine.js'
import { containersBuild, probeContainersEngine } from './containers-build.js'

export const buildahEngine: Engine = {
  name: 'buildah',
  probe: (env) => probeContainersEngine('buildah', env),
  build: (request, probe) => containersBuild('buildah', request, probe)
}
