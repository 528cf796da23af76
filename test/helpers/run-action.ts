/**
 * Runs an action's committed bundle exactly as the GitHub runner does: `node dist/index.js`
 * with INPUT_<NAME> variables (action.yml defaults filled in for inputs not given), the
 * GITHUB_* context variables, an event payload file, and fresh, empty file-command files.
 * A `post` run gets the STATE_* variables the main step saved. Nothing is mocked inside the
 * action: only GitHub itself (the event and the context) is simulated.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { contextVariables, type EventFixture } from './github-context.js'
import { scratchDir } from './scratch.js'
import {
  parseFileCommands,
  parseWorkflowCommands,
  type WorkflowCommand
} from './workflow-commands.js'

export const repositoryRoot = resolve(import.meta.dirname, '../..')

export interface RunActionOptions {
  inputs?: Record<string, string>
  event?: EventFixture
  /** Extra variables, as a workflow's `env:` would give; undefined removes one. */
  env?: Record<string, string | undefined>
  /** For a post step: the state the main step saved (becomes STATE_<name>). */
  state?: Record<string, string>
  step?: 'main' | 'post'
  workspace?: string
  /** The value `${{ github.token }}` expands to in input defaults. */
  token?: string
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  env: Record<string, string>
  path: string[]
  state: Record<string, string>
  summary: string
  commands: WorkflowCommand[]
  errors: WorkflowCommand[]
  warnings: WorkflowCommand[]
  notices: WorkflowCommand[]
  masks: string[]
  /** The job's temporary folder (RUNNER_TEMP) for this run. */
  runnerTemp: string
}

interface ActionManifest {
  inputs?: Record<string, { default?: string; required?: boolean }>
  runs: { using: string; main: string; post?: string }
}

/** An action by name (actions/<name>) or by the absolute path of its folder. */
export function actionDir(action: string): string {
  return isAbsolute(action) ? action : join(repositoryRoot, 'actions', action)
}

export function readManifest(action: string): ActionManifest {
  const text = readFileSync(join(actionDir(action), 'action.yml'), 'utf8')
  return parseYaml(text) as ActionManifest
}

/** The runner's INPUT_ naming: spaces become underscores, upper-cased; hyphens stay. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

function expandDefault(value: string, token: string): string {
  return value.replace(/\$\{\{\s*github\.token\s*\}\}/g, token)
}

export const defaultEvent: EventFixture = {
  name: 'push',
  payload: { ref: 'refs/heads/main', after: '860c1904a1ce19322e91ac35af1ab07466440c37' }
}

export async function runAction(
  action: string,
  options: RunActionOptions = {}
): Promise<ActionRun> {
  const manifest = readManifest(action)
  const step = options.step ?? 'main'
  const entry = step === 'post' ? manifest.runs.post : manifest.runs.main
  if (!entry) throw new Error(`action ${action} has no ${step} entry`)

  const runnerTemp = scratchDir(basename(action))
  const files = {
    GITHUB_OUTPUT: join(runnerTemp, '_runner_file_commands', 'set_output'),
    GITHUB_ENV: join(runnerTemp, '_runner_file_commands', 'set_env'),
    GITHUB_PATH: join(runnerTemp, '_runner_file_commands', 'add_path'),
    GITHUB_STATE: join(runnerTemp, '_runner_file_commands', 'save_state'),
    GITHUB_STEP_SUMMARY: join(runnerTemp, '_runner_file_commands', 'step_summary')
  }
  mkdirSync(join(runnerTemp, '_runner_file_commands'))
  for (const file of Object.values(files)) writeFileSync(file, '')

  const event = options.event ?? defaultEvent
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json')
  mkdirSync(join(runnerTemp, '_github_workflow'))
  writeFileSync(eventPath, JSON.stringify(event.payload))

  const workspace = options.workspace ?? join(runnerTemp, 'workspace')
  mkdirSync(workspace, { recursive: true })
  const toolCache = join(runnerTemp, 'tool-cache')
  mkdirSync(toolCache)

  const token = options.token ?? 'ghs_harnessTokenNotReal0000000000000000'
  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs ?? {})) {
    if (spec.default !== undefined)
      inputs[inputVariable(name)] = expandDefault(String(spec.default), token)
  }
  for (const [name, value] of Object.entries(options.inputs ?? {}))
    inputs[inputVariable(name)] = value

  const state: Record<string, string> = {}
  for (const [name, value] of Object.entries(options.state ?? {})) state[`STATE_${name}`] = value

  // The job environment is built from scratch so nothing from the test process leaks in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    LANG: 'C.UTF-8',
    ...contextVariables(event),
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    RUNNER_TOOL_CACHE: toolCache,
    ...files,
    ...inputs,
    ...state
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }

  const script = join(actionDir(action), entry)
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number | null
    stdout: string
    stderr: string
  }>((done, fail) => {
    const child = spawn(process.execPath, [script], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => done({ exitCode: code, stdout: out, stderr: err }))
  })

  const commands = parseWorkflowCommands(stdout)
  const ofKind = (kind: string) => commands.filter((command) => command.command === kind)
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
    env: parseFileCommands(readFileSync(files.GITHUB_ENV, 'utf8')),
    path: readFileSync(files.GITHUB_PATH, 'utf8').split(/\r?\n/).filter(Boolean),
    state: parseFileCommands(readFileSync(files.GITHUB_STATE, 'utf8')),
    summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
    commands,
    errors: ofKind('error'),
    warnings: ofKind('warning'),
    notices: ofKind('notice'),
    masks: ofKind('add-mask').map((command) => command.message),
    runnerTemp
  }
}
