/**
 * What every ecosystem file under src/mirrors/ecosystems/ provides: from the config and the
 * target (job or image mode), a plan of file edits and environment variables. Planning is pure;
 * src/mirrors/apply.ts performs a plan (atomically, with backups for restore) and
 * src/mirrors/render.ts writes it into a directory for an image build.
 */
import { UserError } from '../errors.js'
import type { MirrorConfig } from './config.js'

/**
 * job: the runner user, no sudo: only files under HOME (and RUNNER_TEMP) and GITHUB_ENV.
 * image: system-level files, rendered into a directory the Dockerfile copies to /.
 */
export type Mode = 'job' | 'image'

export type DistributionFamily = 'debian' | 'rhel' | 'alpine'

export interface Target {
  mode: Mode
  /** job: the user's home. image: the home of the image's user (for tools that only read ~). */
  home: string
  /**
   * image mode: the base's distribution family, which decides where the trust bundle lives
   * (Debian, Ubuntu, Alpine: /etc/ssl/certs/ca-certificates.crt; RHEL, UBI: /etc/pki/tls/certs/ca-bundle.crt).
   */
  family?: DistributionFamily
  /** The environment of the job (job mode): credentials are read from here by name. */
  env: NodeJS.ProcessEnv
  /** The combined trust bundle (system CAs + company CA), when a CA is configured. */
  caBundle?: string
  /** The company CA alone (for NODE_EXTRA_CA_CERTS, which appends). */
  caFile?: string
}

export interface FileEdit {
  /** Absolute path: in image mode, the path inside the image. */
  path: string
  /**
   * The new content from the current one (undefined when the file does not exist). It merges:
   * settings it does not own are kept, and f(f(x)) === f(x), so a second run changes nothing.
   */
  render(existing: string | undefined): string
  /** The file will hold a credential: created 0600, and refused in image mode. */
  secret?: boolean
  /** File mode for a new file (default 0644, 0600 when secret). */
  mode?: number
  /**
   * Edit the file only when it already exists (e.g. a distribution's sources list): a missing
   * file is left missing rather than created from nothing.
   */
  ifExists?: boolean
  /** What it is, for logs: "pip user config". */
  description: string
}

export interface Plan {
  ecosystem: string
  files: FileEdit[]
  /** Variables for later steps (GITHUB_ENV) in job mode, ENV lines in image mode. */
  env: Array<[string, string]>
  /** Values to mask (credentials read from the environment). */
  secrets: string[]
  /** image mode: RUN lines the Dockerfile needs after COPY (e.g. update-ca-certificates). */
  dockerfile: string[]
  /** Facts the user must know ("registry-mirrors mirrors Docker Hub only"); printed as notices. */
  notes: string[]
}

export interface Ecosystem {
  /** The name in logs and in `mirrors.<name>` / `credentials.<name>` where it has one. */
  name: string
  /** undefined when the config gives it nothing to do. */
  plan(config: MirrorConfig, target: Target): Plan | undefined
}

export function emptyPlan(ecosystem: string): Plan {
  return { ecosystem, files: [], env: [], secrets: [], dockerfile: [], notes: [] }
}

/** Reads a credential part named in the config from the environment; a missing one is an error. */
export function credentialValue(
  target: Target,
  ecosystem: string,
  part: string,
  variable: string | undefined
): string | undefined {
  if (variable === undefined) return undefined
  const value = target.env[variable]
  if (value === undefined || value === '') {
    throw new CredentialMissingError(
      `credentials.${ecosystem}.${part}: environment variable ${variable} is not set (pass the secret as env: ${variable}: \${{ secrets.… }})`
    )
  }
  return value
}

export class CredentialMissingError extends UserError {}
