import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { checkValues, parseQuantity } from '../deploy/checks.js'
import { renderValues } from '../deploy/values.js'
import { UserError, messageOf } from '../errors.js'
import { openImage } from '../oci/image-source.js'
import { realPath, walkLayers } from '../oci/layer-walker.js'
import { parseGroup, parsePasswd, resolveUser } from '../runner/accounts.js'
import type { CheckResult } from '../runner/checks/check.js'
import { failed, formatTable, parseFailOn } from '../runner/report.js'
import { writeFileAtomic } from '../util/atomic-write.js'
import { parseCommandArgs } from './args.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit deploy render --values FILE --image REF [options]
       runnerkit deploy check FILE... [options]

render: fill an ARC gha-runner-scale-set values file (chart 0.14.2) with the runner image
pinned by digest; comments are kept. Prints the result, or writes it with --out.
check: check values files: runner image pinned by digest, cpu/memory requests and limits,
securityContext (runAsUser, runAsNonRoot, allowPrivilegeEscalation), scale set name length,
controllerServiceAccount (needed by 'helm template' offline), and template.spec against
Kubernetes' PodSpec schema (types, required fields, unknown fields). A template's placeholder
digest (sha256:000…) is a warning, "render first". Exits 1 when a check fails.

render options:
  --values FILE            the values template (required)
  --image REF              registry/name@sha256:<digest> (required; a tag alone is refused)
  --out FILE               write here instead of standard output
  --scale-set-name NAME    set runnerScaleSetName (at most 45 characters)
  --min-runners N, --max-runners N

check options:
  --node-cpu Q             the node's allocatable CPU (e.g. 4, 3500m): limits must fit
  --node-memory Q          the node's allocatable memory (e.g. 16Gi)
  --image-uid UID          runAsUser must be this UID
  --image REF              read the UID from the image's USER instead (a registry reference,
                           oci:DIR[:NAME], oci-archive:FILE or docker-archive:FILE)
  --platform OS/ARCH       with --image: the platform of a multi-platform image
  --insecure-registry HOST[:PORT]
  --release-name NAME      the Helm release name (the scale set's name without runnerScaleSetName)
  --fail-on LEVEL          error (default) or warning: exit 1 on warnings too, e.g. to refuse
                           a values file still carrying the placeholder digest
  --format FORMAT          table (default) or json
`

export const deployCommand: Command = {
  name: 'deploy',
  summary: 'render and check ARC gha-runner-scale-set values (image by digest, limits, UID)',
  usage,
  async run(args, context) {
    const { values, positionals } = parseCommandArgs('deploy', args, {
      values: { type: 'string' },
      image: { type: 'string' },
      out: { type: 'string' },
      'scale-set-name': { type: 'string' },
      'min-runners': { type: 'string' },
      'max-runners': { type: 'string' },
      'node-cpu': { type: 'string' },
      'node-memory': { type: 'string' },
      'image-uid': { type: 'string' },
      platform: { type: 'string' },
      'insecure-registry': { type: 'string', multiple: true },
      'release-name': { type: 'string' },
      'fail-on': { type: 'string' },
      format: { type: 'string' }
    })
    const [action, ...rest] = positionals
    if (action === 'render') {
      if (rest.length > 0) throw unexpected(rest[0] ?? '')
      for (const flag of [
        'node-cpu',
        'node-memory',
        'image-uid',
        'platform',
        'release-name',
        'fail-on',
        'format'
      ] as const) {
        if (values[flag] !== undefined)
          throw new UserError(`render: --${flag} belongs to 'deploy check'`)
      }
      if (values.values === undefined)
        throw new UserError('render: give the template with --values FILE')
      if (values.image === undefined)
        throw new UserError('render: give the image with --image REF@sha256:…')
      const options = {
        image: values.image,
        ...(values['scale-set-name'] !== undefined && { scaleSetName: values['scale-set-name'] }),
        ...(values['min-runners'] !== undefined && {
          minRunners: count('--min-runners', values['min-runners'])
        }),
        ...(values['max-runners'] !== undefined && {
          maxRunners: count('--max-runners', values['max-runners'])
        })
      }
      const template = await readText(resolve(context.cwd, values.values), '--values')
      const output = renderValues(template, options)
      if (values.out === undefined) context.stdout(output)
      else await writeFileAtomic(resolve(context.cwd, values.out), output)
      return 0
    }
    if (action === 'check') return check(rest, values, context)
    if (action === undefined)
      throw new UserError("give an action: 'deploy render' or 'deploy check'")
    throw new UserError(`unknown action '${action}'; expected render or check`)
  }
}

interface CheckFlags {
  values?: string
  image?: string
  out?: string
  'scale-set-name'?: string
  'min-runners'?: string
  'max-runners'?: string
  'node-cpu'?: string
  'node-memory'?: string
  'image-uid'?: string
  platform?: string
  'insecure-registry'?: string[]
  'release-name'?: string
  'fail-on'?: string
  format?: string
}

async function check(files: string[], values: CheckFlags, context: CliContext): Promise<number> {
  for (const flag of ['values', 'out', 'scale-set-name', 'min-runners', 'max-runners'] as const) {
    if (values[flag] !== undefined)
      throw new UserError(`check: --${flag} belongs to 'deploy render'`)
  }
  if (files.length === 0) throw new UserError('check: give one or more values files')
  const failOn = parseFailOn(values['fail-on'] ?? '')
  const format = values.format ?? 'table'
  if (format !== 'table' && format !== 'json')
    throw new UserError(`--format: expected table or json, got '${format}'`)
  for (const flag of ['node-cpu', 'node-memory'] as const) {
    const given = values[flag]
    if (given !== undefined && parseQuantity(given) === undefined) {
      throw new UserError(
        `--${flag}: '${given}' is not a Kubernetes quantity (e.g. 4, 3500m, 16Gi)`
      )
    }
  }
  if (values['image-uid'] !== undefined && values.image !== undefined)
    throw new UserError('check: give --image-uid or --image, not both')
  const imageUid =
    values['image-uid'] !== undefined
      ? count('--image-uid', values['image-uid'])
      : values.image !== undefined
        ? await readImageUid(values.image, values, context.cwd)
        : undefined
  const reports: Array<{ file: string; results: CheckResult[] }> = []
  for (const file of files) {
    const text = await readText(resolve(context.cwd, file), file)
    reports.push({
      file,
      results: checkValues(text, file, {
        ...(values['node-cpu'] !== undefined && { nodeCpu: values['node-cpu'] }),
        ...(values['node-memory'] !== undefined && { nodeMemory: values['node-memory'] }),
        ...(imageUid !== undefined && { imageUid }),
        ...(values['release-name'] !== undefined && { releaseName: values['release-name'] })
      })
    })
  }
  if (format === 'json') {
    context.stdout(
      `${JSON.stringify({ ...(imageUid !== undefined && { imageUid }), files: reports }, null, 2)}\n`
    )
  } else {
    context.stdout(
      reports.map(({ file, results }) => `${file}\n${formatTable(results)}`).join('\n')
    )
  }
  return reports.some(({ results }) => failed(results, failOn)) ? 1 : 0
}

/** The UID of the image's USER, resolved against its /etc/passwd (the runner-check way). */
async function readImageUid(reference: string, values: CheckFlags, cwd: string): Promise<number> {
  const image = reference.replace(
    /^(oci|oci-archive|docker-archive):([^:]*)/,
    (_all, transport: string, path: string) => `${transport}:${resolve(cwd, path)}`
  )
  const workDir = join(tmpdir(), `runnerkit-deploy-${randomUUID()}`)
  await fs.mkdir(workDir, { recursive: true, mode: 0o700 })
  try {
    const source = await openImage(image, {
      workDir,
      ...(values.platform !== undefined && { platform: values.platform }),
      insecureRegistries: values['insecure-registry'] ?? []
    })
    try {
      const filesystem = await walkLayers(source, {
        keepContent: (path) => path === 'etc/passwd' || path === 'etc/group'
      })
      const text = (path: string) => {
        const real = realPath(filesystem, path)
        return real === undefined ? '' : (filesystem.content.get(real)?.toString('utf8') ?? '')
      }
      const user = resolveUser(
        source.config.config?.User ?? '',
        parsePasswd(text('etc/passwd')),
        parseGroup(text('etc/group'))
      )
      if (user.uid === undefined) {
        throw new UserError(
          `--image ${reference}: cannot resolve its USER '${user.spec}'${user.problem !== undefined ? `: ${user.problem}` : ''}; give --image-uid`
        )
      }
      return user.uid
    } finally {
      await source.close()
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true })
  }
}

function count(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim()))
    throw new UserError(`${flag}: expected a whole number, got '${text}'`)
  return Number(text.trim())
}

function unexpected(argument: string): UserError {
  return new UserError(`unexpected argument '${argument}'; run 'runnerkit deploy --help' for usage`)
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8')
  } catch (error) {
    throw new UserError(`${what}: cannot read ${path}: ${messageOf(error)}`)
  }
}
