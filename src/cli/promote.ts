import { UserError } from '../errors.js'
import {
  PromoteInputError,
  runPromote,
  splitTagList,
  type PromoteField
} from '../image/promote-run.js'
import { contextFromEnv, contextFromGit, isActionsEnvironment } from '../release/context.js'
import { parseCommandArgs } from './args.js'
import { readCredentialFlags } from './credentials.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit promote SOURCE --tag TAG… [options]

Put the image SOURCE (name@sha256:…, or name:tag resolved to its digest) under new tags,
unchanged: manifest PUTs by digest, no rebuild and no layer bytes through this machine.
Into another repository, blobs are mounted (copied when the registry refuses a mount).
SOURCE may also be an image on this machine, oci:DIR[:NAME] or oci-archive:FILE[:NAME]: it is
pushed by digest into --to (blobs, manifests by digest, then the tags), so the bytes that were
checked are the bytes published. Prints the digest and each reference written.

Options:
  --tag TAG                tag to write; repeat it or give a comma list (1.2.3,1.2,latest).
                           image-meta rules work too: --tag 'type=semver,pattern={{version}}'
                           (the event from GITHUB_* inside Actions, else the git checkout)
  --to DEST                destination repository, [registry/]name (default: SOURCE's;
                           required for a local SOURCE)
  --insecure-registry HOST[:PORT]
                           reach this registry over plain HTTP (repeatable; loopback and
                           localhost always are)
  --username USER          registry user, with --password-stdin
  --password-stdin         read the password (or token) from standard input
  --authfile FILE          a Docker config.json ("auths") holding the credentials
  --no-immutable           allow moving a full-version tag (1.2.3) that points elsewhere;
                           by default that is refused, naming both digests
  --dry-run                resolve, read and check, then stop: nothing is written, and pull
                           access is enough
  --json                   print {digest, image, tags} as JSON
`

const flags: Record<PromoteField, string> = {
  source: 'SOURCE',
  tags: '--tag',
  destination: '--to',
  'insecure-registries': '--insecure-registry',
  'auth-file': '--authfile',
  username: '--username',
  password: '--password-stdin'
}

export const promoteCommand: Command = {
  name: 'promote',
  summary: 'retag an image in a registry by digest, without rebuilding (release promotion)',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('promote', args, {
      tag: { type: 'string', multiple: true },
      to: { type: 'string' },
      'insecure-registry': { type: 'string', multiple: true },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      authfile: { type: 'string' },
      'no-immutable': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' }
    })
    if (positionals.length !== 1) {
      throw new UserError(
        positionals.length === 0
          ? "give the image to promote (SOURCE); run 'runnerkit promote --help' for usage"
          : `unexpected argument '${positionals[1]}'; run 'runnerkit promote --help' for usage`
      )
    }
    const tags = (values.tag ?? []).flatMap((text) => splitTagList(text))
    if (tags.length === 0) throw new UserError('--tag: give at least one tag to write')

    const credentials = await readCredentialFlags(values, context)

    const env = context.env
    const warn = (message: string) => context.stderr(`runnerkit promote: warning: ${message}\n`)
    let result
    try {
      result = await runPromote({
        source: positionals[0]!,
        tags,
        ...(values.to !== undefined && { destination: values.to }),
        insecureRegistries: values['insecure-registry'] ?? [],
        ...(credentials !== undefined && { credentials }),
        ...(values.authfile !== undefined && { authFile: values.authfile }),
        immutable: values['no-immutable'] !== true,
        dryRun: values['dry-run'] === true,
        env,
        metaContext: async () =>
          isActionsEnvironment(env) ? contextFromEnv(env) : contextFromGit(context.cwd),
        onWarning: warn,
        onRetry: (event) =>
          context.stderr(
            `runnerkit promote: ${event.operation}: ${event.reason}, retry ${event.attempt}/${event.maxRetries} in ${event.delayMs} ms\n`
          ),
        onBlobCopy: (event) =>
          context.stderr(
            `runnerkit promote: copying blob ${event.digest} (${event.size} bytes) from ${event.from} to ${event.to}: ${event.reason === 'mount-refused' ? 'the registry refused a mount' : 'another registry'}\n`
          )
      })
    } catch (error) {
      if (error instanceof PromoteInputError)
        throw new UserError(`${flags[error.field]}: ${error.message}`)
      throw error
    }
    if (values.json === true) {
      const printed = {
        digest: result.digest,
        image: result.image,
        tags: result.tags,
        ...(result.dryRun && { dryRun: true })
      }
      context.stdout(`${JSON.stringify(printed, null, 2)}\n`)
    } else {
      context.stdout([result.digest, ...result.tags].join('\n') + '\n')
    }
    if (result.dryRun) context.stderr('runnerkit promote: dry run: nothing was written\n')
    return 0
  }
}
