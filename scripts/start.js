#!/usr/bin/env node
// npm start: the release pipeline on this machine, with the committed bundle. Everything lives
// in `runnerkit pipeline` (src/pipeline/run.ts); arguments after `npm start --` pass through,
// e.g. `npm start -- --registry 127.0.0.1:5000/runnerkit --image debian-bookworm`.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const result = spawnSync(
  process.execPath,
  [join(root, 'bin/runnerkit.js'), 'pipeline', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' }
)
process.exit(result.status ?? 1)
