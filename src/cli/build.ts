import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { BuildInputError, runBuild, type BuildField } from '../image/build-run.js'
import { splitTagList } from '../image/promote-run.js'
import { contextFromEnv, contextFromGit, isActionsEnvironment } from '../release/context.js'
import { parseCommandArgs } from './args.js'
import { readCredentialFlags } from './credentials.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit build [options] CONTEXT

Build the Dockerfile in CONTEXT with buildah, podman or docker (no Docker daemon needed with
the first two), and store or push the result. The digest printed is the one a registry stores:
with --push, the registry's own; without, the digest the same push would give.

Options:
  -f, --file FILE          the Dockerfile (default CONTEXT/Dockerfile)
  --target STAGE           build this stage of a multi-stage Dockerfile
  --build-arg NAME[=VALUE] build argument (repeatable; NAME alone takes $NAME)
  --secret SPEC            id=ID,src=FILE or id=ID,env=VARIABLE (repeatable), for
                           RUN --mount=type=secret; never stored in the image
  --label KEY=VALUE        image label (repeatable)
  --annotation [LEVEL:]KEY=VALUE
                           OCI annotation (repeatable; levels manifest, index,
                           manifest-descriptor, index-descriptor)
  --platform LIST          os/arch[,os/arch…]: several give one image index
  --pull                   always pull the newest base images
  --no-cache               do not use the engine's layer cache
  --cache-from REPO        reuse cached layers from this repository (repeatable)
  --cache-to REPO          push cached layers to this repository (buildah, podman)
  --network MODE           network for RUN steps (host, none, …)
  --engine NAME            auto (default: buildah, then podman, then docker), buildah,
                           podman or docker
  -t, --tag REF            where the image goes (repeatable, or a comma list):
                             [docker://]registry/name:tag   a registry (with --push)
                             oci:DIR[:NAME]                 an OCI layout directory
                             oci-archive:FILE               a tar of an OCI layout
  --images LIST            image-meta: images the --tag rules apply to (then --tag takes
                           image-meta rules, e.g. 'type=semver,pattern={{version}}')
  --flavor ENTRY           image-meta flavor (repeatable)
  --push                   push to the registry tags: by digest first, then the tags
  --username USER          registry user, with --password-stdin
  --password-stdin         read the password (or token) from standard input
  --authfile FILE          an auth file ({"auths": …}) for the engine and the push
  --insecure-registry HOST[:PORT]
                           reach this registry over plain HTTP (repeatable; loopback and
                           localhost always are)
  --json                   print {digest, imageid, tags, image, metadata} as JSON
`

const flags: Record<BuildField, string> = {
  context: 'CONTEXT',
  file: '--file',
  'build-args': '--build-arg',
  secrets: '--secret',
  labels: '--label',
  annotations: '--annotation',
  platforms: '--platform',
  engine: '--engine',
  tags: '--tag',
  images: '--images',
  push: '--push',
  username: '--username',
  'auth-file': '--authfile',
  'insecure-registries': '--insecure-registry',
  'oci-layout': '--tag oci:',
  'oci-archive': '--tag oci-archive:'
}

interface Destinations {
  registry: string[]
  ociLayout?: string
  ociArchive?: string
}

/** Sorts --tag values by transport (containers-transports syntax; a bare REF is a registry). */
export function parseDestinations(entries: readonly string[]): Destinations {
  const destinations: Destinations = { registry: [] }
  for (const entry of entries) {
    const transport = /^(oci|oci-archive|docker-archive|dir|containers-storage):/.exec(entry)?.[1]
    if (entry.startsWith('docker://')) {
      destinations.registry.push(entry.slice('docker://'.length))
    } else if (transport === 'oci') {
      if (destinations.ociLayout !== undefined) throw new UserError('--tag: give one oci: layout')
      destinations.ociLayout = entry.slice('oci:'.length)
    } else if (transport === 'oci-archive') {
      if (destinations.ociArchive !== undefined)
        throw new UserError('--tag: give one oci-archive: file')
      destinations.ociArchive = entry.slice('oci-archive:'.length)
    } else if (
      transport === 'docker-archive' ||
      transport === 'dir' ||
      transport === 'containers-storage'
    ) {
      throw new UserError(
        `--tag ${entry}: runnerkit build writes to a registry, oci: or oci-archive:; ${transport}: is not supported (the engine's own storage keeps a local copy)`
      )
    } else {
      destinations.registry.push(entry)
    }
  }
  return destinations
}

export const buildCommand: Command = {
  name: 'build',
  summary: 'build a Dockerfile without a Docker daemon and push it by digest',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('build', args, {
      file: { type: 'string', short: 'f' },
      target: { type: 'string' },
      'build-arg': { type: 'string', multiple: true },
      secret: { type: 'string', multiple: true },
      label: { type: 'string', multiple: true },
      annotation: { type: 'string', multiple: true },
      platform: { type: 'string', multiple: true },
      pull: { type: 'boolean' },
      'no-cache': { type: 'boolean' },
      'cache-from': { type: 'string', multiple: true },
      'cache-to': { type: 'string', multiple: true },
      network: { type: 'string' },
      engine: { type: 'string' },
      tag: { type: 'string', short: 't', multiple: true },
      images: { type: 'string', multiple: true },
      flavor: { type: 'string', multiple: true },
      push: { type: 'boolean' },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      authfile: { type: 'string' },
      'insecure-registry': { type: 'string', multiple: true },
      json: { type: 'boolean' }
    })
    if (positionals.length > 1) {
      throw new UserError(
        `unexpected argument '${positionals[1]}'; run 'runnerkit build --help' for usage`
      )
    }
    const images = (values.images ?? [])
      .flatMap((text) => text.split(/[\n,]/))
      .map((image) => image.trim())
      .filter(Boolean)
    const tagEntries = (values.tag ?? []).flatMap((text) => splitTagList(text))
    const destinations =
      images.length > 0 ? { registry: tagEntries } : parseDestinations(tagEntries)

    const credentials = await readCredentialFlags(values, context)

    const env = context.env
    const workDir = join(tmpdir(), `runnerkit-build-${randomUUID()}`)
    const say = (text: string) => context.stderr(`${text}\n`)
    let result
    try {
      result = await runBuild({
        context: resolve(context.cwd, positionals[0] ?? '.'),
        ...(values.file !== undefined && { file: resolve(context.cwd, values.file) }),
        ...(values.target !== undefined && { target: values.target }),
        buildArgs: values['build-arg'] ?? [],
        secrets: values.secret ?? [],
        labels: values.label ?? [],
        annotations: values.annotation ?? [],
        platforms: (values.platform ?? []).flatMap((text) => text.split(',')),
        pull: values.pull === true,
        noCache: values['no-cache'] === true,
        cacheFrom: values['cache-from'] ?? [],
        cacheTo: values['cache-to'] ?? [],
        ...(values.network !== undefined && { network: values.network }),
        engine: values.engine ?? 'auto',
        images,
        tags: destinations.registry,
        flavor: values.flavor ?? [],
        push: values.push === true,
        ...(credentials !== undefined && { credentials }),
        ...(values.authfile !== undefined && { authFile: resolve(context.cwd, values.authfile) }),
        insecureRegistries: values['insecure-registry'] ?? [],
        ...(destinations.ociLayout !== undefined && {
          ociLayout: resolve(context.cwd, destinations.ociLayout)
        }),
        ...(destinations.ociArchive !== undefined && {
          ociArchive: resolve(context.cwd, destinations.ociArchive)
        }),
        workDir,
        env,
        metaContext: async () =>
          isActionsEnvironment(env) ? contextFromEnv(env) : contextFromGit(context.cwd),
        onEngine: (probe, skipped) => {
          for (const other of skipped)
            say(`runnerkit build: not using ${other.name}: ${other.reason}`)
          say(`runnerkit build: building with ${probe.name} ${probe.version ?? ''}`)
        },
        onLine: say,
        onPush: (event) => {
          if (event.kind === 'tag') say(`runnerkit build: tagged ${event.repository}:${event.tag}`)
          if (event.kind === 'manifest')
            say(`runnerkit build: pushed ${event.repository}@${event.digest}`)
        },
        onRetry: (event) =>
          say(
            `runnerkit build: ${event.operation}: ${event.reason}, retry ${event.attempt}/${event.maxRetries} in ${event.delayMs} ms`
          ),
        onWarning: (message) => say(`runnerkit build: warning: ${message}`)
      })
    } catch (error) {
      if (error instanceof BuildInputError)
        throw new UserError(`${flags[error.field]}: ${error.message}`)
      throw error
    } finally {
      await fs.rm(workDir, { recursive: true, force: true })
    }
    if (values.json === true) {
      const printed = {
        digest: result.digest,
        imageid: result.imageId,
        tags: result.tags,
        image: result.image,
        metadata: result.metadata
      }
      context.stdout(`${JSON.stringify(printed, null, 2)}\n`)
    } else {
      context.stdout([result.digest, ...result.metadata.pushed].join('\n') + '\n')
    }
    return 0
  }
}
