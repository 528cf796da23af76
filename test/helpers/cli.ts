import { runCli } from '../../src/cli/main.js'

/** Runs `runnerkit <args>` in-process and captures what it prints. */
export async function runRunnerkit(args: string[], env: NodeJS.ProcessEnv = {}, cwd = '/') {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env,
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text)
  })
  return { code, stdout, stderr }
}
