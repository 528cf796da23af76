/**
 * What `runnerkit mirrors` and the mirror-config action both run: load the config, plan every
 * ecosystem, then apply (job mode), render (image mode), restore, or report (doctor).
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { UserError } from '../errors.js'
import { applyPlans, restore, type AppliedFile, type RestoredFile } from './apply.js'
import { readSystemBundle } from './ca.js'
import { loadMirrorConfig, parseMirrorConfig, type MirrorConfig } from './config.js'
import type { Plan } from './ecosystem.js'
import { planAll } from './plan.js'
import { renderPlans, type RenderedImage } from './render.js'

export interface ConfigSource {
  /** A YAML file. */
  file?: string
  /** YAML text (the action's inline input). */
  text?: string
}

export function loadConfig(source: ConfigSource): MirrorConfig {
  if (source.file !== undefined && source.file !== '') {
    if (source.text !== undefined && source.text !== '') {
      throw new UserError('give the config as a file or inline, not both')
    }
    return loadMirrorConfig(source.file)
  }
  if (source.text !== undefined && source.text.trim() !== '')
    return parseMirrorConfig(source.text, 'inline config')
  throw new UserError('give the mirror config: a YAML file (config) or inline YAML')
}

/** Where job mode keeps originals for restore: survives the job on persistent runners. */
export function defaultStateDir(env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state')
  return join(state, 'runnerkit', 'mirrors')
}

export interface JobResult {
  plans: Plan[]
  files: AppliedFile[]
  env: Array<[string, string]>
  secrets: string[]
  notes: string[]
}

export async function applyJobMode(
  config: MirrorConfig,
  env: NodeJS.ProcessEnv,
  stateDir = defaultStateDir(env)
): Promise<JobResult> {
  const home = env.HOME || homedir()
  const system = await readSystemBundle()
  const plans = planAll(config, { mode: 'job', home, env }, system?.pem)
  const roots = [home, ...(env.RUNNER_TEMP ? [env.RUNNER_TEMP] : [])]
  const files = await applyPlans(plans, { stateDir, allowedRoots: roots })
  return {
    plans,
    files,
    env: plans.flatMap((plan) => plan.env),
    secrets: plans.flatMap((plan) => plan.secrets),
    notes: plans.flatMap((plan) => plan.notes)
  }
}

export async function renderImageMode(
  config: MirrorConfig,
  env: NodeJS.ProcessEnv,
  out: string,
  options: { home?: string; baseRoot?: string; contextPath?: string; family?: string } = {}
): Promise<RenderedImage> {
  const family = options.family || 'debian'
  if (family !== 'debian' && family !== 'rhel' && family !== 'alpine') {
    throw new UserError(
      `family: expected debian, rhel or alpine (the base image's distribution), got '${family}'`
    )
  }
  const plans = planAll(
    config,
    { mode: 'image', home: options.home ?? '/home/runner', env, family },
    undefined
  )
  return renderPlans(plans, {
    out,
    ...(options.baseRoot !== undefined && { baseRoot: options.baseRoot }),
    ...(options.contextPath !== undefined && { contextPath: options.contextPath })
  })
}

export async function restoreJobMode(
  env: NodeJS.ProcessEnv,
  stateDir = defaultStateDir(env)
): Promise<RestoredFile[]> {
  return restore(stateDir)
}
