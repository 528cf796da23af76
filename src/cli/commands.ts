import { buildCommand } from './build.js'
import { checkCommand } from './check.js'
import { deployCommand } from './deploy.js'
import type { Command } from './command.js'
import { lintCommand } from './lint.js'
import { metaCommand } from './meta.js'
import { mirrorsCommand } from './mirrors.js'
import { mtuCommand } from './mtu.js'
import { pathCommand } from './path.js'
import { pipelineCommand } from './pipeline.js'
import { promoteCommand } from './promote.js'

/** Every subcommand, in the order `runnerkit --help` lists them. Each lives in its own file. */
export const commands: readonly Command[] = [
  buildCommand,
  checkCommand,
  deployCommand,
  lintCommand,
  metaCommand,
  mirrorsCommand,
  mtuCommand,
  pathCommand,
  pipelineCommand,
  promoteCommand
]
