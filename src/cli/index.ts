// Entry point of the CLI bundle (dist/cli/index.js), run by bin/runnerkit.js.
import { runCli } from './main.js'

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
})
// Exit explicitly once output is flushed: wasm grammars keep compiling on background threads
// and would otherwise hold the process open for most of a second.
process.stdout.write('', () => process.exit(code))
