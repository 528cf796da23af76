/**
 * The release pipeline on one machine (`runnerkit pipeline`, which `npm start` runs): lint
 * images/ → image-meta for HEAD → build each image → runner-check it → store it in out/oci or
 * push it by digest to a registry → promote the semver tags when HEAD is a release → render
 * deployments/ with the digest. The same src/ functions the actions run, in the same order as
 * the reusable workflows, and the same summary (src/pipeline/summary.ts) at the end.
 */
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { UserError, messageOf } from '../errors.js'
import { checkValues } from '../deploy/checks.js'
import { renderValues } from '../deploy/values.js'
import { runBuild } from '../image/build-run.js'
import { chooseEngine, parseEngineChoice, type ChosenEngine } from '../image/engines/index.js'
import { metaForEvent } from '../image/event-meta.js'
import { runPromote } from '../image/promote-run.js'
import { runLint } from '../lint/run.js'
import { readIndex, refNameAnnotation, resolveInLayout, tagInLayout } from '../oci/layout.js'
import { parseReference } from '../oci/reference.js'
import {
  contextFromEnv,
  contextFromGit,
  isActionsEnvironment,
  type GitHubContext
} from '../release/context.js'
import { runRunnerCheck } from '../runner/check-run.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import { debianBaseLayout, debianSuite } from './debian-base.js'
import { canReach, registryUrl } from './reachable.js'
import {
  checkRow,
  emptyImagePipeline,
  lintRows,
  recordStage,
  type ImagePipeline,
  type PipelineReport,
  type StageName,
  type StageRecord
} from './report.js'
import { serveTarball, standInRunnerTarball, type ServedTarball } from './stand-in-runner.js'

/** Tags every build gets: where it came from (the commit, the branch or pull request). */
export const buildTagRules = ['type=sha', 'type=ref,event=branch', 'type=ref,event=pr']
/** Tags a release adds by promotion, never by a rebuild. */
export const releaseTagRules = [
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}'
]

export interface PipelineOptions {
  /** The repository: images/<name>/Dockerfile and deployments/<name>.values.yaml. */
  root: string
  /** Where out/oci, out/meta, out/deployments and summary.md go. */
  out: string
  /** `HOST[:PORT][/PREFIX]`: push there; without it the images stay in out/oci. */
  registry?: string
  /** The repository prefix images are named under when not pushing. */
  namespace: string
  engine: string
  /** Only these images (folder names); all when empty. */
  only: readonly string[]
  /** BASE_IMAGE for every image, instead of each Dockerfile's default. */
  baseImage?: string
  runnerUrl?: string
  runnerSha256?: string
  insecureRegistries: readonly string[]
  /** Skip building: lint, meta and render (from an earlier build in out/oci) only. */
  build: boolean
  /** Where the debootstrapped Debian base is cached. */
  cacheDir: string
  env: NodeJS.ProcessEnv
  onProgress: (line: string) => void
}

export interface PipelineImage {
  name: string
  digest?: string
  /** Where the image can be pulled from: registry/name@digest, or oci:out/oci:name. */
  reference?: string
  tags: string[]
  values?: string
  uid?: number
}

export interface PipelineRun {
  report: PipelineReport
  images: PipelineImage[]
}

/** The folders of images/ that hold a Dockerfile, sorted. */
export function imageFolders(root: string): string[] {
  const dir = join(root, 'images')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'Dockerfile')))
    .map((entry) => entry.name)
    .sort()
}

/** `ARG BASE_IMAGE=…`'s default in a Dockerfile, if it declares one. */
export function defaultBaseImage(dockerfile: string): string | undefined {
  return /^\s*ARG\s+BASE_IMAGE=(\S+)\s*$/im.exec(dockerfile)?.[1]?.replace(/^["']|["']$/g, '')
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const say = options.onProgress
  const all = imageFolders(options.root)
  const unknown = options.only.filter((name) => !all.includes(name))
  if (unknown.length > 0) {
    throw new UserError(
      `--image ${unknown.join(', ')}: no such folder with a Dockerfile under images/ (there are: ${all.join(', ') || 'none'})`
    )
  }
  const names = options.only.length > 0 ? all.filter((name) => options.only.includes(name)) : all
  const layout = join(options.out, 'oci')
  const repositoryOf = (name: string) =>
    `${(options.registry ?? options.namespace).replace(/\/+$/, '')}/${name}`

  // 1. lint
  say('1/7 lint images/')
  const lint = await runLint({
    inputs: ['images/'],
    cwd: options.root,
    env: options.env,
    home: options.env.HOME ?? homedir(),
    recursive: false,
    // The images' own configuration: hadolint only looks for one in the working directory.
    ...(existsSync(join(options.root, 'images', '.hadolint.yaml')) && {
      configPath: 'images/.hadolint.yaml'
    }),
    options: {},
    shellcheck: 'auto',
    workspace: options.root
  })
  const lintRecord: StageRecord = {
    stage: 'lint',
    result: lint.exitCode === 0 ? 'success' : 'failure',
    note: `${lint.results.length} file(s), ${lint.counts.total} finding(s)`
  }
  say(`    ${lintRecord.note}${lint.exitCode === 0 ? '' : ': fails the threshold'}`)
  for (const finding of lint.findings)
    say(
      `    ${finding.file}:${finding.line} ${finding.code} ${finding.severity}: ${finding.message}`
    )

  // 2. meta
  say('2/7 image-meta for HEAD')
  const context = isActionsEnvironment(options.env)
    ? contextFromEnv(options.env)
    : await contextFromGit(options.root)
  const release = context.ref.startsWith('refs/tags/')
  say(`    ${context.eventName} ${context.ref || '(detached HEAD)'} at ${context.sha.slice(0, 7)}`)

  const pipelines: ImagePipeline[] = names.map(emptyImagePipeline)
  const results: PipelineImage[] = []
  const tagRows: PipelineReport['tags'] = []
  const checkRows: PipelineReport['checks'] = []
  const engine = options.build ? await pickEngine(options, say) : undefined
  let runner: RunnerSource | undefined
  try {
    for (const [position, name] of names.entries()) {
      const pipeline = pipelines[position] as ImagePipeline
      const record = (stage: StageName, rest: Omit<StageRecord, 'stage'>) =>
        recordStage(pipeline, { stage, ...rest })
      const result: PipelineImage = { name, tags: [] }
      results.push(result)
      const repository = repositoryOf(name)
      const meta = await metaForEvent(
        { images: repository, tags: buildTagRules.join('\n') },
        { env: options.env, metaContext: () => Promise.resolve(context) }
      )
      await writeOut(
        join(options.out, 'meta', `${name}.json`),
        `${JSON.stringify(meta.json, null, 2)}\n`
      )
      say(`    ${name}: ${meta.tags.join(', ') || '(no tags for this ref)'}`)

      const skipAll = (why: string, from: StageName[]) => {
        for (const stage of from) record(stage, { result: 'skipped', note: why })
      }
      if (lintRecord.result !== 'success') {
        skipAll('lint failed', ['build', 'check', 'push', 'promote'])
        await renderEarlier(options, name, result, record, say)
        continue
      }

      // 3. build
      say(`3/7 build ${name}`)
      if (engine === undefined) {
        skipAll(options.build ? 'no container engine' : 'not built (--no-build)', [
          'build',
          'check',
          'push',
          'promote'
        ])
        await renderEarlier(options, name, result, record, say)
        continue
      }
      const dockerfile = readFileSync(join(options.root, 'images', name, 'Dockerfile'), 'utf8')
      const base = await chooseBase(options, dockerfile, engine, say)
      if (typeof base !== 'string') {
        skipAll(base.skip, ['build', 'check', 'push', 'promote'])
        say(`    skipped: ${base.skip}`)
        await renderEarlier(options, name, result, record, say)
        continue
      }
      runner ??= await runnerSource(options, say)
      const workDir = await fs.mkdtemp(join(tmpdir(), 'runnerkit-pipeline-'))
      let digest: string
      try {
        const built = await runBuild({
          context: join(options.root, 'images', name),
          buildArgs: [
            ...(base !== '' ? [`BASE_IMAGE=${base}`] : []),
            ...(runner.url !== undefined ? [`RUNNER_URL=${runner.url}`] : []),
            ...(runner.sha256 !== undefined ? [`RUNNER_SHA256=${runner.sha256}`] : [])
          ],
          secrets: [],
          // An empty value (no description or licence known outside Actions) would blank the
          // Dockerfile's own label, so only labels with a value are added.
          labels: meta.labels.filter((label) => !label.endsWith('=')),
          annotations: [],
          platforms: [],
          pull: false,
          noCache: false,
          cacheFrom: [],
          cacheTo: [],
          network: 'host',
          engine: engine.probe.name,
          tags: meta.tags.length > 0 ? meta.tags : [`${repository}:local`],
          images: [],
          flavor: [],
          push: false,
          insecureRegistries: options.insecureRegistries,
          ociLayout: `${layout}:${name}`,
          workDir,
          env: options.env,
          onStep: (step) => say(`    ${step}`),
          onWarning: (message) => say(`    warning: ${message}`)
        })
        digest = built.digest
      } catch (error) {
        record('build', { result: 'failure', note: firstLine(messageOf(error)) })
        skipAll('build failed', ['check', 'push', 'promote', 'deploy'])
        say(`    failed: ${messageOf(error)}`)
        continue
      } finally {
        await fs.rm(workDir, { recursive: true, force: true })
      }
      result.digest = digest
      result.reference = `oci:${relative(options.root, layout) || '.'}:${name}`
      record('build', {
        result: 'success',
        digest,
        ...(runner.standIn && { note: 'stand-in runner: not for deployment' })
      })
      say(`    ${digest} → ${result.reference}`)

      // 4. check
      say(`4/7 runner-check ${name}`)
      const checked = await checkImage(`oci:${layout}:${name}`, options.env)
      checkRows.push(checkRow(name, checked.results))
      const uid = checked.results.find((entry) => entry.id === 'identity')?.details?.uid
      if (typeof uid === 'number') result.uid = uid
      const failures = checked.results.filter((entry) => entry.status === 'fail')
      for (const entry of checked.results.filter((item) => item.status !== 'pass'))
        say(`    ${entry.status} ${entry.id}: ${entry.reason}`)
      if (failures.length > 0) {
        record('check', {
          result: 'failure',
          digest,
          note: `failed: ${failures.map((entry) => entry.id).join(', ')}`
        })
        skipAll('check failed', ['push', 'promote', 'deploy'])
        continue
      }
      record('check', { result: 'success', digest })
      say(`    ${checked.results.length} checks, none failed`)

      // 5. push (or keep in out/oci)
      say(`5/7 ${options.registry !== undefined ? `push ${name}` : `store ${name}`}`)
      if (options.registry !== undefined) {
        const pushed = await runPromote({
          source: `oci:${layout}:${name}`,
          destination: repository,
          tags: meta.tagNames.length > 0 ? meta.tagNames : ['local'],
          insecureRegistries: options.insecureRegistries,
          immutable: true,
          env: options.env
        })
        if (pushed.digest !== digest) {
          throw new UserError(`${repository}: pushed ${pushed.digest}, but ${digest} was checked`)
        }
        result.reference = pushed.image
        result.tags.push(...pushed.tags)
        for (const reference of pushed.tags) tagRows.push({ reference, digest })
        record('push', { result: 'success', digest, note: `${pushed.tags.length} tag(s)` })
        say(`    ${pushed.tags.join(', ')}`)
      } else {
        record('push', { result: 'success', digest, note: `stored in out/oci:${name}` })
        say(`    kept in out/oci:${name} (give --registry to push)`)
      }

      // 6. promote
      say(`6/7 promote ${name}`)
      if (!release) {
        record('promote', { result: 'skipped', note: 'HEAD is not a release tag' })
        say('    skipped: HEAD carries no release tag')
      } else {
        const promoted = await promoteRelease(options, context, name, repository, digest)
        if (promoted.length === 0) {
          record('promote', {
            result: 'skipped',
            note: `${context.ref.slice('refs/tags/'.length)} is not a version`
          })
          say(`    skipped: ${context.ref} gives no semver tag`)
        } else {
          result.tags.push(...promoted)
          for (const reference of promoted) tagRows.push({ reference, digest })
          record('promote', { result: 'success', digest, note: `${promoted.length} tag(s)` })
          say(`    ${promoted.join(', ')}`)
        }
      }

      // 7. render the deployment
      say(`7/7 render deployments/${name}.values.yaml`)
      await renderDeployment(options, name, `${repository}@${digest}`, result, record, say)
    }
  } finally {
    await runner?.server?.close()
  }

  return {
    report: {
      title: `runnerkit pipeline: ${context.ref || context.sha.slice(0, 7)}`,
      lint: lintRecord,
      images: pipelines,
      findings: lintRows(
        lint.findings.map((finding) => ({ file: finding.file, level: finding.severity })),
        lint.results.map((entry) => entry.file)
      ),
      checks: checkRows,
      tags: tagRows
    },
    images: results
  }
}

async function writeOut(path: string, text: string): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, text)
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? ''
  return line.length > 120 ? `${line.slice(0, 117)}…` : line
}

async function pickEngine(
  options: PipelineOptions,
  say: (line: string) => void
): Promise<ChosenEngine | undefined> {
  try {
    const chosen = await chooseEngine(parseEngineChoice(options.engine), options.env)
    say(`    engine: ${chosen.probe.name} ${chosen.probe.version ?? ''}`.trimEnd())
    return chosen
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    say(`    ${error.message}`)
    say('    lint, meta and the deployments still run; images are not built')
    return undefined
  }
}

/**
 * BASE_IMAGE for a build: the one given, else the Dockerfile's default when its registry
 * answers, else (for apt-based images, with buildah or podman, which read `oci:` in FROM) a
 * Debian bookworm made here with debootstrap. '' keeps the Dockerfile's default.
 */
async function chooseBase(
  options: PipelineOptions,
  dockerfile: string,
  engine: ChosenEngine,
  say: (line: string) => void
): Promise<string | { skip: string }> {
  if (options.baseImage !== undefined) return options.baseImage
  const declared = defaultBaseImage(dockerfile)
  if (declared === undefined) return ''
  let host: string
  try {
    host = parseReference(declared).registry
  } catch {
    return ''
  }
  if (await canReach(registryUrl(host))) return ''
  if (!/\bapt-get\b/.test(dockerfile)) {
    return { skip: `base ${declared} unreachable, and only apt-based images build on Debian` }
  }
  if (engine.probe.name === 'docker') {
    return { skip: `base ${declared} unreachable; give --base-image (docker cannot read oci:)` }
  }
  const base = await debianBaseLayout({
    cacheDir: options.cacheDir,
    ...(options.env.RUNNERKIT_DEBIAN_MIRROR !== undefined && {
      mirror: options.env.RUNNERKIT_DEBIAN_MIRROR
    }),
    onProgress: (line) => say(`    ${line}`)
  })
  say(`    base: ${declared} is unreachable; using a local Debian ${debianSuite} (debootstrap)`)
  return `oci:${base}:${debianSuite}`
}

interface RunnerSource {
  url?: string
  sha256?: string
  standIn: boolean
  server?: ServedTarball
}

/** Where the runner tarball comes from: as given, github.com, or a stand-in served here. */
async function runnerSource(
  options: PipelineOptions,
  say: (line: string) => void
): Promise<RunnerSource> {
  if (options.runnerUrl !== undefined) {
    return {
      url: options.runnerUrl,
      ...(options.runnerSha256 !== undefined && { sha256: options.runnerSha256 }),
      standIn: false
    }
  }
  if (await canReach('https://github.com/')) {
    return {
      ...(options.runnerSha256 !== undefined && { sha256: options.runnerSha256 }),
      standIn: false
    }
  }
  const server = await serveTarball(await standInRunnerTarball(), 'actions-runner-stand-in.tar.gz')
  say(
    '    runner: github.com is unreachable; building with a stand-in runner served on 127.0.0.1 (give --runner-url and --runner-sha256 for the real one)'
  )
  return { url: server.url, sha256: server.sha256, standIn: true, server }
}

async function checkImage(image: string, env: NodeJS.ProcessEnv) {
  const workDir = await fs.mkdtemp(join(tmpdir(), 'runnerkit-pipeline-check-'))
  try {
    return await runRunnerCheck({
      target: 'image',
      image,
      expectations: {},
      setuidAllowed: [],
      env,
      workDir
    })
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

/** The semver tags of a release, by digest: in the registry, or as names in out/oci. */
async function promoteRelease(
  options: PipelineOptions,
  context: GitHubContext,
  name: string,
  repository: string,
  digest: string
): Promise<string[]> {
  const meta = await metaForEvent(
    { images: repository, tags: releaseTagRules.join('\n') },
    { env: options.env, metaContext: () => Promise.resolve(context) }
  )
  if (meta.tagNames.length === 0) return []
  if (options.registry !== undefined) {
    const promoted = await runPromote({
      source: `${repository}@${digest}`,
      tags: meta.tagNames,
      insecureRegistries: options.insecureRegistries,
      immutable: true,
      env: options.env
    })
    return promoted.tags
  }
  const layout = join(options.out, 'oci')
  const descriptor = await resolveInLayout(layout, name)
  for (const tag of meta.tagNames) await tagInLayout(layout, descriptor, `${name}:${tag}`)
  return meta.tagNames.map((tag) => `oci:out/oci:${name}:${tag}`)
}

async function renderDeployment(
  options: PipelineOptions,
  name: string,
  image: string,
  result: PipelineImage,
  record: (stage: StageName, rest: Omit<StageRecord, 'stage'>) => void,
  say: (line: string) => void
): Promise<void> {
  const template = join(options.root, 'deployments', `${name}.values.yaml`)
  if (!existsSync(template)) {
    record('deploy', { result: 'skipped', note: `no deployments/${name}.values.yaml` })
    say(`    skipped: no deployments/${name}.values.yaml`)
    return
  }
  const digest = image.slice(image.indexOf('@') + 1)
  const target = join(options.out, 'deployments', `${name}.values.yaml`)
  const shown = relative(options.root, target)
  try {
    const rendered = renderValues(readFileSync(template, 'utf8'), { image })
    const problems = checkValues(rendered, shown, {
      ...(result.uid !== undefined && { imageUid: result.uid })
    }).filter((entry) => entry.status === 'fail')
    if (problems.length > 0) {
      record('deploy', {
        result: 'failure',
        digest,
        note: `deploy check: ${problems.map((entry) => entry.id).join(', ')}`
      })
      for (const entry of problems) say(`    fail ${entry.id}: ${entry.reason}`)
      return
    }
    await writeOut(target, rendered)
  } catch (error) {
    if (!(error instanceof UserError)) throw error
    record('deploy', { result: 'failure', digest, note: firstLine(error.message) })
    say(`    failed: ${error.message}`)
    return
  }
  result.values = target
  record('deploy', { result: 'success', digest, note: shown })
  say(`    ${shown} pins ${image}`)
}

/** Without a build, a values file is rendered for the image an earlier run left in out/oci. */
async function renderEarlier(
  options: PipelineOptions,
  name: string,
  result: PipelineImage,
  record: (stage: StageName, rest: Omit<StageRecord, 'stage'>) => void,
  say: (line: string) => void
): Promise<void> {
  say(`7/7 render deployments/${name}.values.yaml`)
  const layout = join(options.out, 'oci')
  const earlier = existsSync(join(layout, 'index.json'))
    ? (await readIndex(layout)).manifests.find(
        (entry) => entry.annotations?.[refNameAnnotation] === name
      )
    : undefined
  if (earlier === undefined) {
    record('deploy', { result: 'skipped', note: 'no image built for it' })
    say(`    skipped: out/oci holds no ${name} from an earlier build`)
    return
  }
  const repository = `${(options.registry ?? options.namespace).replace(/\/+$/, '')}/${name}`
  say(`    using ${earlier.digest} from an earlier build in out/oci`)
  await renderDeployment(options, name, `${repository}@${earlier.digest}`, result, record, say)
}
