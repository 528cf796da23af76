/**
 * `runnerkit mirrors doctor`: what each installed tool will really use, asked of the tool itself
 * (its own config command, so every file and variable it reads is accounted for), and whether
 * each configured mirror answers.
 */
import { spawn } from 'node:child_process'
import type { MirrorConfig } from './config.js'

export interface ToolReport {
  tool: string
  command: string
  /** undefined when the tool is not installed. */
  output?: string
  failed?: boolean
}

export interface MirrorReport {
  ecosystem: string
  url: string
  status: number | string
}

/** Each tool's own view of its effective settings (mirrors.md §1, last column). */
const toolCommands: ReadonlyArray<{ tool: string; command: string[]; filter?: RegExp }> = [
  { tool: 'pip', command: ['pip', 'config', 'list'] },
  { tool: 'npm', command: ['npm', 'config', 'get', 'registry'] },
  { tool: 'yarn', command: ['yarn', 'config', 'get', 'registry'] },
  { tool: 'pnpm', command: ['pnpm', 'config', 'get', 'registry'] },
  { tool: 'apt', command: ['apt-config', 'dump'], filter: /proxy|Acquire::(?:http|https)/i },
  { tool: 'podman', command: ['podman', 'info', '--format', '{{json .Registries}}'] },
  { tool: 'go', command: ['go', 'env', 'GOPROXY', 'GONOSUMDB', 'GOPRIVATE', 'GOFLAGS'] },
  { tool: 'git', command: ['git', 'config', '--show-origin', '--get-regexp', '^url\\.'] },
  { tool: 'gem', command: ['gem', 'env'], filter: /REMOTE SOURCES|^\s+- /m },
  { tool: 'helm', command: ['helm', 'repo', 'list'] },
  { tool: 'conda', command: ['conda', 'config', '--show', 'channel_alias', 'default_channels'] }
]

export async function toolReports(env: NodeJS.ProcessEnv): Promise<ToolReport[]> {
  const reports: ToolReport[] = []
  for (const { tool, command, filter } of toolCommands) {
    const [program, ...args] = command as [string, ...string[]]
    const result = await runQuietly(program, args, env)
    if (result === undefined) {
      reports.push({ tool, command: command.join(' ') })
      continue
    }
    let output = `${result.stdout}${result.stderr}`.trim()
    if (filter !== undefined)
      output = output
        .split('\n')
        .filter((line) => filter.test(line))
        .join('\n')
    reports.push({ tool, command: command.join(' '), output, failed: result.code !== 0 })
  }
  return reports
}

export async function mirrorReports(
  config: MirrorConfig,
  timeoutMs = 5000
): Promise<MirrorReport[]> {
  const urls: Array<[string, string]> = []
  const { mirrors } = config
  for (const key of [
    'pypi',
    'npm',
    'yarn',
    'go',
    'maven',
    'gradle',
    'nuget',
    'rubygems',
    'conda'
  ] as const) {
    const url = mirrors[key]
    if (url !== undefined) urls.push([key, url])
  }
  if (mirrors.apt !== undefined) urls.push(['apt', mirrors.apt.url])
  if (mirrors.cargo !== undefined)
    urls.push(['cargo', `${mirrors.cargo.replace(/^sparse\+/, '')}config.json`])
  for (const [registry, hosts] of Object.entries(mirrors.containers ?? {})) {
    for (const host of hosts)
      urls.push([`containers (${registry})`, `https://${host.split('/')[0]}/v2/`])
  }
  const reports: MirrorReport[] = []
  for (const [ecosystem, url] of urls) {
    try {
      const response = await fetch(url, {
        method: 'GET',
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual'
      })
      await response.body?.cancel()
      reports.push({ ecosystem, url, status: response.status })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code
      reports.push({ ecosystem, url, status: cause ?? (error as Error).name })
    }
  }
  return reports
}

function runQuietly(
  program: string,
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ code: number; stdout: string; stderr: string } | undefined> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 20_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', () => resolve(undefined))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}
