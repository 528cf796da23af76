/**
 * mirror-config's git, Go and Maven plans, applied to an isolated home and used by the real
 * tools against one static HTTP server on 127.0.0.1 that logs every request: the log proves
 * each tool asked the mirror. Each FileEdit's render(existing) is written to its path (what the
 * central apply does, minus backups). The clients read only the written files — no GOPROXY or
 * -gs on their command lines. GOSUMDB=off is set for go in this test only: the test module is
 * not in sum.golang.org and the machine has no internet. Gradle, cargo (Debian's cargo 0.66
 * predates stable sparse registries), NuGet, RubyGems, conda and Helm are covered by rendering
 * only (test/unit/mirrors).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dirname, join, normalize } from 'node:path'
import { crc32 } from 'node:zlib'
import { parseMirrorConfig } from '../../src/mirrors/config.js'
import type { Plan, Target } from '../../src/mirrors/ecosystem.js'
import { gitEcosystem } from '../../src/mirrors/ecosystems/git.js'
import { goEcosystem } from '../../src/mirrors/ecosystems/go.js'
import { mavenEcosystem } from '../../src/mirrors/ecosystems/maven.js'
import { scratchDir } from '../helpers/scratch.js'
import { requireTool } from '../helpers/tools.js'

let server: Server
let base: string
let root: string
let home: string
const requests: string[] = []

/** A zip of stored (uncompressed) entries: enough for a Go module zip. */
function zip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of entries) {
    const data = Buffer.from(text)
    const file = Buffer.from(name)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(file.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(file.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, file, data)
    centrals.push(central, file)
    offset += local.length + file.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

function put(path: string, data: string | Buffer): void {
  mkdirSync(dirname(join(root, path)), { recursive: true })
  writeFileSync(join(root, path), data)
}

function applyPlan(plan: Plan): void {
  for (const edit of plan.files) {
    let existing: string | undefined
    try {
      existing = readFileSync(edit.path, 'utf8')
    } catch {
      existing = undefined
    }
    mkdirSync(dirname(edit.path), { recursive: true })
    writeFileSync(edit.path, edit.render(existing), { mode: edit.mode ?? 0o644 })
  }
}

/** A clean environment: the isolated home, no proxy, no machine git/go config. */
function clientEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    LANG: 'C.UTF-8',
    ...extra
  }
}

/** Runs a client asynchronously: the mirror server lives in this process and must keep serving. */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(output)
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`))
    })
  })
}

beforeAll(async () => {
  root = scratchDir('mirror-root')
  home = scratchDir('mirror-home')
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    requests.push(`${request.method} ${path}`)
    const file = join(root, normalize(path))
    try {
      const data = readFileSync(file)
      response.writeHead(200, { 'content-length': data.length })
      response.end(data)
    } catch {
      response.writeHead(404)
      response.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

function target(): Target {
  return { mode: 'job', home, env: {} }
}

describe('mirror-config with the real git, go and mvn', () => {
  it('git: a clone of https://github.com/acme/x.git is served by the mirror the insteadOf names', async () => {
    requireTool('git')
    const work = scratchDir('git-src')
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: work, env: clientEnv(), encoding: 'utf8' })
    git('init', '-q', '-b', 'main')
    writeFileSync(join(work, 'README'), 'hello from the mirror\n')
    git('add', 'README')
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one')
    git('clone', '-q', '--bare', work, join(root, 'git', 'acme', 'x.git'))
    execFileSync('git', ['update-server-info'], { cwd: join(root, 'git', 'acme', 'x.git') })
    // The user's own global config, which the merge must keep.
    writeFileSync(
      join(home, '.gitconfig'),
      '[user]\n\tname = Runner\n[include]\n\tpath = ~/.gitconfig.local\n'
    )

    const config = parseMirrorConfig(
      `mirrors: { git: { "https://github.com/": "${base}/git/" } }\n`
    )
    applyPlan(gitEcosystem.plan(config, target())!)
    const gitconfig = readFileSync(join(home, '.gitconfig'), 'utf8')
    expect(gitconfig).toContain('[user]\n\tname = Runner\n')

    const dest = join(scratchDir('git-clone'), 'x')
    await run('git', ['clone', '-q', 'https://github.com/acme/x.git', dest], home, clientEnv())
    expect(readFileSync(join(dest, 'README'), 'utf8')).toBe('hello from the mirror\n')
    expect(requests).toContain('GET /git/acme/x.git/info/refs')
  })

  it('go: a module comes from the GOPROXY written to the go env file', async () => {
    requireTool('go')
    const module = 'example.com/hello'
    const prefix = `goproxy/${module}/@v`
    put(`${prefix}/list`, 'v1.0.0\n')
    put(`${prefix}/v1.0.0.info`, '{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}\n')
    const gomod = `module ${module}\n\ngo 1.19\n`
    put(`${prefix}/v1.0.0.mod`, gomod)
    put(
      `${prefix}/v1.0.0.zip`,
      zip([
        [`${module}@v1.0.0/go.mod`, gomod],
        [
          `${module}@v1.0.0/hello.go`,
          'package hello\n\nfunc Hello() string { return "hello from the mirror" }\n'
        ]
      ])
    )
    const config = parseMirrorConfig(`mirrors: { go: ${base}/goproxy/ }\n`)
    const plan = goEcosystem.plan(config, target())!
    applyPlan(plan)

    const app = scratchDir('go-app')
    writeFileSync(
      join(app, 'go.mod'),
      `module example.com/app\n\ngo 1.19\n\nrequire ${module} v1.0.0\n`
    )
    writeFileSync(
      join(app, 'main.go'),
      `package main\n\nimport (\n\t"fmt"\n\n\t"${module}"\n)\n\nfunc main() { fmt.Println(hello.Hello()) }\n`
    )
    const gopath = scratchDir('gopath')
    const env = clientEnv({
      GOPATH: gopath,
      GOMODCACHE: join(gopath, 'mod'),
      GOCACHE: join(gopath, 'cache'),
      GOFLAGS: '-mod=mod',
      GOSUMDB: 'off',
      GOTOOLCHAIN: 'local'
    })
    expect((await run('go', ['env', 'GOPROXY'], app, env)).trim()).toBe(`${base}/goproxy,off`)
    expect(await run('go', ['run', '.'], app, env)).toContain('hello from the mirror')
    expect(requests).toContain(`GET /goproxy/${module}/@v/v1.0.0.mod`)
    expect(requests).toContain(`GET /goproxy/${module}/@v/v1.0.0.zip`)
    await run('go', ['clean', '-modcache'], app, env)
  })

  it('mvn: the mirror in the global settings survives a setup-java style ~/.m2/settings.xml', async () => {
    requireTool('mvn')
    put(
      'maven/com/acme/parent/1.0/parent-1.0.pom',
      '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0</version><packaging>pom</packaging></project>\n'
    )
    // What setup-java writes (servers only, no mirrors), overwriting ~/.m2/settings.xml.
    mkdirSync(join(home, '.m2'), { recursive: true })
    writeFileSync(
      join(home, '.m2', 'settings.xml'),
      '<settings><servers><server><id>github</id><username>${env.GITHUB_ACTOR}</username><password>${env.GITHUB_TOKEN}</password></server></servers></settings>\n'
    )
    const config = parseMirrorConfig(`mirrors: { maven: ${base}/maven/ }\n`)
    applyPlan(mavenEcosystem.plan(config, target())!)

    const project = scratchDir('mvn-project')
    writeFileSync(
      join(project, 'pom.xml'),
      '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><parent><groupId>com.acme</groupId><artifactId>parent</artifactId><version>1.0</version><relativePath/></parent><artifactId>app</artifactId></project>\n'
    )
    // Maven's ~ comes from user.home (the passwd entry), not HOME: point it at the scratch home.
    // HOME is still what the mvn script uses to find ~/.mavenrc.
    const output = await run(
      'mvn',
      ['-B', '-X', `-Dmaven.repo.local=${join(project, 'repository')}`, 'validate'],
      project,
      clientEnv({ MAVEN_OPTS: `-Duser.home=${home}` })
    )
    expect(output).toContain(
      `Reading global settings from ${join(home, '.m2', 'runnerkit-settings.xml')}`
    )
    expect(output).toContain(`Reading user settings from ${join(home, '.m2', 'settings.xml')}`)
    expect(output).toMatch(
      /Using mirror runnerkit \(http:\/\/127\.0\.0\.1:\d+\/maven\/\) for central/
    )
    expect(requests).toContain('GET /maven/com/acme/parent/1.0/parent-1.0.pom')
  })
})
