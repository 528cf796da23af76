// Entry point of the CLI bundle (dist/cli/index.js), run by bin/runnerkit.js.
import { runCli } from './main.js'

// Standard output carries reports (JSON, SARIF) that other programs parse. Libraries that
// chatter on it (@actions/tool-cache prints `::debug::` and `[command]` lines) are sent to
// standard error instead; only the command's own output keeps the real stdout.
const writeStdout = process.stdout.write.bind(process.stdout)
const toStderr: typeof process.stdout.write = process.stderr.write.bind(process.stderr)
process.stdout.write = toStderr

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: (text) => writeStdout(text),
  stdoutIsTerminal: process.stdout.isTTY === true || Boolean(process.env.FORCE_COLOR),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks))
  }
})
// Exit explicitly once output is flushed: wasm grammars keep compiling on background threads
// and would otherwise hold the process open for most of a second.
writeStdout('', () => process.exit(code))
