// mirror-config post step: puts the user's original files back and removes the files (and the
// credentials) the main step created, so a persistent runner keeps no secret between jobs.
import * as core from '@actions/core'
import { restoreJobMode } from '../../src/mirrors/run.js'
import { runAction } from '../_shared/run.js'

async function post() {
  const stateDir = core.getState('state-dir')
  if (stateDir === '') return
  const restored = await restoreJobMode(process.env, stateDir)
  for (const file of restored) core.info(`${file.action} ${file.path}`)
}

await runAction(post)
