/**
 * podman: the same builder as buildah behind podman's command line, for images where podman is
 * installed and buildah is not.
 */
import type { Engine } from './engine.js'
import { containersBuild, probeContainersEngine } from './containers-build.js'

export const podmanEngine: Engine = {
  name: 'podman',
  probe: (env) => probeContainersEngine('podman', env),
  build: (request, probe) => containersBuild('podman', request, probe)
}
