#!/usr/bin/env node
// Runs the committed CLI bundle, so `node bin/runnerkit.js …` works on a fresh clone with no
// install step. Rebuild it with `npm run bundle`.
import '../dist/cli/index.js'
