import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { UserError } from '../errors.js'
import { parseReference } from '../oci/reference.js'
import { runRunnerCheck } from '../runner/check-run.js'
import { failed, formatTable, parseFailOn } from '../runner/report.js'
import { parseCommandArgs } from './args.js'
import { readCredentialFlags } from './credentials.js'
import type { CliContext, Command } from './command.js'

const usage = `Usage: runnerkit check runner [options]
       runnerkit check image REF [options]

runner: check this machine as a runner job would see it (user, groups, sudo, home, PATH,
container engine, MTU). image: check an image without running it: REF is a registry
reference, or oci:DIR[:NAME], oci-archive:FILE, docker-archive:FILE.
Exits 0 only when nothing fails (or warns, with --fail-on warning).

Options:
  --expected-user NAME     the runner's user (default runner)
  --expected-uid UID       its UID (default 1000)
  --no-rootless            a rootful engine is intended (docker group allowed, no subuid check)
  --privileged-group G     a group the user must not be in (repeatable; replaces the default
                           root, wheel, adm, admin, sudo, disk, shadow)
  --sudo STATE             absent, denied (default) or any
  --path-dir DIR           a directory PATH must contain (repeatable; ~ is the home)
  --pod-mtu N              runner: the pod's MTU; --mtu-margin N (default 50)
  --platform OS/ARCH       image: the platform of a multi-platform image
  --setuid-allowed PATH    image: allow this setuid/setgid file (repeatable)
  --username USER          image in a registry: with --password-stdin
  --insecure-registry HOST[:PORT]
  --fail-on LEVEL          error (default) or warning
  --format FORMAT          table (default) or json
`

export const checkCommand: Command = {
  name: 'check',
  summary: 'check a runner (live) or a runner image (static): UID, sudo, groups, PATH, MTU',
  usage,
  async run(args, context: CliContext) {
    const { values, positionals } = parseCommandArgs('check', args, {
      'expected-user': { type: 'string' },
      'expected-uid': { type: 'string' },
      'no-rootless': { type: 'boolean' },
      'privileged-group': { type: 'string', multiple: true },
      sudo: { type: 'string' },
      'path-dir': { type: 'string', multiple: true },
      'pod-mtu': { type: 'string' },
      'mtu-margin': { type: 'string' },
      platform: { type: 'string' },
      'setuid-allowed': { type: 'string', multiple: true },
      username: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'insecure-registry': { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      format: { type: 'string' }
    })
    const [target, reference, extra] = positionals
    if (target !== 'runner' && target !== 'image') {
      throw new UserError(
        "give the target: 'runnerkit check runner' or 'runnerkit check image REF'"
      )
    }
    if (target === 'image' && reference === undefined)
      throw new UserError('check image: give the image (REF)')
    if (extra !== undefined || (target === 'runner' && reference !== undefined)) {
      throw new UserError(
        `unexpected argument '${extra ?? reference}'; run 'runnerkit check --help' for usage`
      )
    }
    const format = values.format ?? 'table'
    if (format !== 'table' && format !== 'json')
      throw new UserError(`--format: expected table or json, got '${format}'`)
    const failOn = parseFailOn(values['fail-on'] ?? '')

    const given = await readCredentialFlags(values, context)
    const credentials =
      given === undefined
        ? undefined
        : { [parseReference((reference ?? '').replace(/^docker:\/\//, '')).registry]: given }
    const image =
      reference === undefined
        ? undefined
        : reference.replace(
            /^(oci|oci-archive|docker-archive):([^:]*)/,
            (_all, transport: string, path: string) => `${transport}:${resolve(context.cwd, path)}`
          )
    const workDir = join(tmpdir(), `runnerkit-check-${randomUUID()}`)
    let outcome
    try {
      outcome = await runRunnerCheck({
        target,
        ...(image !== undefined && { image }),
        ...(values.platform !== undefined && { platform: values.platform }),
        expectations: {
          ...(values['expected-user'] !== undefined && { user: values['expected-user'] }),
          ...(values['expected-uid'] !== undefined && { uid: values['expected-uid'] }),
          rootless: values['no-rootless'] !== true,
          privilegedGroups: values['privileged-group'] ?? [],
          ...(values.sudo !== undefined && { sudo: values.sudo }),
          pathDirs: values['path-dir'] ?? [],
          ...(values['pod-mtu'] !== undefined && { podMtu: values['pod-mtu'] }),
          ...(values['mtu-margin'] !== undefined && { mtuMargin: values['mtu-margin'] })
        },
        setuidAllowed: values['setuid-allowed'] ?? [],
        env: context.env,
        ...(credentials !== undefined && { credentials }),
        insecureRegistries: values['insecure-registry'] ?? [],
        workDir
      })
    } finally {
      await fs.rm(workDir, { recursive: true, force: true })
    }
    if (format === 'json') context.stdout(`${JSON.stringify(outcome, null, 2)}\n`)
    else context.stdout(`${outcome.subject}\n${formatTable(outcome.results)}`)
    return failed(outcome.results, failOn) ? 1 : 0
  }
}
