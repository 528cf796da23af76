import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { pipelineFailed } from '../pipeline/report.js'
import { runPipeline } from '../pipeline/run.js'
import { markdownSummary, textSummary } from '../pipeline/summary.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit pipeline [options]

The release pipeline on this machine, in the order the reusable workflows run it:
  1. lint images/                 4. runner-check each image
  2. image-meta for HEAD          5. store it in out/oci, or push it by digest (--registry)
  3. build each images/<name>/    6. promote the semver tags when HEAD is a release tag
                                  7. render deployments/<name>.values.yaml with the digest
One progress line per step, then the summary (also written to out/summary.md, and to
GITHUB_STEP_SUMMARY inside Actions). Exits 1 when a stage fails.

The event is the git checkout's (a tag at HEAD is a release), or GITHUB_* inside Actions.
When an image's base cannot be pulled, apt-based images build on a Debian bookworm made here
with debootstrap (root, buildah or podman). When github.com is unreachable and no
--runner-url is given, a stand-in runner tarball is served on 127.0.0.1 and the summary says
the image is not for deployment. Without a container engine it says what to install, and
still lints, computes the meta and renders from an earlier build.

Options:
  --registry HOST[:PORT][/PREFIX]  push images as HOST/PREFIX/<name> (default: out/oci only)
  --namespace REPO         name images REPO/<name> when not pushing (default ghcr.io/runnerkit)
  --image NAME             only this image (repeatable)
  --engine NAME            auto (default), buildah, podman or docker
  --base-image REF         BASE_IMAGE for every image, instead of each Dockerfile's default
  --runner-url URL         the runner tarball's URL (an internal mirror), with --runner-sha256
  --runner-sha256 HEX      its sha256
  --insecure-registry HOST[:PORT]  plain HTTP (repeatable; loopback always is)
  --out DIR                where results go (default ./out)
  --no-build               lint, meta and render only

Environment: RUNNERKIT_CACHE_DIR (the Debian base's cache; default $XDG_CACHE_HOME/runnerkit),
RUNNERKIT_DEBIAN_MIRROR (debootstrap's mirror).
`

export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'lint → meta → build → check → push → promote → render, on this machine (npm start)',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('pipeline', args, {
      registry: { type: 'string' },
      namespace: { type: 'string' },
      image: { type: 'string', multiple: true },
      engine: { type: 'string' },
      'base-image': { type: 'string' },
      'runner-url': { type: 'string' },
      'runner-sha256': { type: 'string' },
      'insecure-registry': { type: 'string', multiple: true },
      out: { type: 'string' },
      'no-build': { type: 'boolean' }
    })
    if (positionals.length > 0) {
      throw new UserError(
        `unexpected argument '${positionals[0]}'; run 'runnerkit pipeline --help' for usage`
      )
    }
    const sha = values['runner-sha256']
    if (sha !== undefined && !/^[0-9a-f]{64}$/.test(sha)) {
      throw new UserError(`--runner-sha256: expected 64 lowercase hex digits, got '${sha}'`)
    }
    if (values['runner-url'] !== undefined && sha === undefined) {
      throw new UserError('--runner-url needs --runner-sha256, so the download is verified')
    }
    const out = resolve(context.cwd, values.out ?? 'out')
    const run = await runPipeline({
      root: context.cwd,
      out,
      ...(values.registry !== undefined && { registry: values.registry }),
      namespace: values.namespace ?? 'ghcr.io/runnerkit',
      engine: values.engine ?? 'auto',
      only: values.image ?? [],
      ...(values['base-image'] !== undefined && { baseImage: values['base-image'] }),
      ...(values['runner-url'] !== undefined && { runnerUrl: values['runner-url'] }),
      ...(sha !== undefined && { runnerSha256: sha }),
      insecureRegistries: values['insecure-registry'] ?? [],
      build: !values['no-build'],
      cacheDir:
        context.env.RUNNERKIT_CACHE_DIR ??
        (context.env.XDG_CACHE_HOME
          ? join(context.env.XDG_CACHE_HOME, 'runnerkit')
          : join(tmpdir(), 'runnerkit-cache')),
      env: context.env,
      onProgress: (line) => context.stdout(`${line}\n`)
    })
    const markdown = markdownSummary(run.report)
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, 'summary.md'), markdown)
    if (context.env.GITHUB_STEP_SUMMARY) appendFileSync(context.env.GITHUB_STEP_SUMMARY, markdown)
    writeFileSync(join(out, 'pipeline.json'), `${JSON.stringify(run, null, 2)}\n`)
    context.stdout(`\n${textSummary(run.report)}`)
    return pipelineFailed(run.report) ? 1 : 0
  }
}
