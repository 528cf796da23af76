// image-build post step: removes the build's scratch directory (auth file, secret files) if the
// main step could not, e.g. because the job was cancelled during the build.
import * as core from '@actions/core'
import { promises as fs } from 'node:fs'
import { runAction } from '../_shared/run.js'

async function post() {
  const workDir = core.getState('work-dir')
  if (workDir === '') return
  const present = await fs
    .access(workDir)
    .then(() => true)
    .catch(() => false)
  await fs.rm(workDir, { recursive: true, force: true })
  if (present) core.info('Removed the credentials and secret files the build left in RUNNER_TEMP')
}

await runAction(post)
