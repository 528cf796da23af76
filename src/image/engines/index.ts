/**
 * Engine choice. `auto` prefers buildah (daemonless, rootless, chroot isolation), then podman,
 * then a Docker daemon; when none works the error names what to install.
 */
import { UserError } from '../../errors.js'
import { buildahEngine } from './buildah.js'
import { dockerEngine } from './docker.js'
import type { Engine, EngineName, EngineProbe } from './engine.js'
import { engineNames } from './engine.js'
import { podmanEngine } from './podman.js'

export const engines: Record<EngineName, Engine> = {
  buildah: buildahEngine,
  podman: podmanEngine,
  docker: dockerEngine
}

export type EngineChoice = EngineName | 'auto'

export function parseEngineChoice(text: string): EngineChoice {
  const value = text.trim() === '' ? 'auto' : text.trim()
  if (value === 'auto' || (engineNames as readonly string[]).includes(value)) {
    return value as EngineChoice
  }
  throw new UserError(`unknown engine '${value}'; use auto, buildah, podman or docker`)
}

export interface ChosenEngine {
  engine: Engine
  probe: EngineProbe
  /** Engines tried before it, with the reason each could not be used (auto only). */
  skipped: EngineProbe[]
}

export async function chooseEngine(
  choice: EngineChoice,
  env: NodeJS.ProcessEnv
): Promise<ChosenEngine> {
  if (choice !== 'auto') {
    const engine = engines[choice]
    const probe = await engine.probe(env)
    if (!probe.available) throw new UserError(`engine ${choice} cannot build here: ${probe.reason}`)
    return { engine, probe, skipped: [] }
  }
  const skipped: EngineProbe[] = []
  for (const name of engineNames) {
    const probe = await engines[name].probe(env)
    if (probe.available) return { engine: engines[name], probe, skipped }
    skipped.push(probe)
  }
  throw new UserError(
    `no container engine can build here: ${skipped.map((probe) => probe.reason).join('; ')}. Install buildah (daemonless, works rootless) or set engine to one that is available`
  )
}
