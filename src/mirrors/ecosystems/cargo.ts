/**
 * Cargo. Source replacement cannot come from the environment (only from config files), so:
 * [source.crates-io] replace-with = "runnerkit" and [source.runnerkit] registry = the sparse
 * index. job: $CARGO_HOME/config.toml (~/.cargo when unset). image: /.cargo/config.toml —
 * cargo reads .cargo/config.toml in every ancestor of the working directory up to /, so it
 * applies to every project whatever CARGO_HOME the image (or rustup, or a rust base image's
 * /usr/local/cargo) uses.
 *
 * The edit is a text merge of the keys we own (formats/toml-block.ts): the user's comments and
 * other tables stay. job mode with a company CA also sets [http] cainfo to the bundle, so cargo
 * run without the job's CARGO_HTTP_CAINFO still trusts the proxy. The proxy stays in the
 * environment (cargo's libcurl reads https_proxy and no_proxy); an [http] proxy key would
 * override it for every host.
 */
import { join } from 'node:path'
import type { MirrorConfig } from '../config.js'
import type { Ecosystem, Plan, Target } from '../ecosystem.js'
import { credentialValue, emptyPlan } from '../ecosystem.js'
import { setTomlKeys, tomlString, type TomlKeys } from '../formats/toml-block.js'

export const cargoSourceName = 'runnerkit'

export function cargoConfigFile(target: Target): string {
  if (target.mode === 'image') return '/.cargo/config.toml'
  const home = target.env.CARGO_HOME
  return join(home !== undefined && home !== '' ? home : join(target.home, '.cargo'), 'config.toml')
}

export function cargoTables(index: string, cainfo: string | undefined): TomlKeys[] {
  const tables: TomlKeys[] = [
    { table: ['source', 'crates-io'], values: [['replace-with', tomlString(cargoSourceName)]] },
    { table: ['source', cargoSourceName], values: [['registry', tomlString(index)]] }
  ]
  if (cainfo !== undefined)
    tables.push({ table: ['http'], values: [['cainfo', tomlString(cainfo)]] })
  return tables
}

function plan(config: MirrorConfig, target: Target): Plan | undefined {
  const index = config.mirrors.cargo
  if (index === undefined) return undefined
  const plan = emptyPlan('cargo')
  const path = cargoConfigFile(target)
  const tables = cargoTables(index, target.mode === 'job' ? target.caBundle : undefined)
  plan.files.push({
    path,
    render: (existing) => setTomlKeys(existing, tables, path),
    description: 'cargo config (crates.io → mirror)'
  })
  const token = config.credentials.cargo?.token
  if (token !== undefined) {
    if (target.mode === 'job') plan.secrets.push(credentialValue(target, 'cargo', 'token', token)!)
    plan.notes.push(
      `cargo: the token is not written to a file; a mirror that needs one must list "auth-required": true in its config.json and get the token from a credential provider (not set up here; ${token} is only checked and masked)`
    )
  }
  return plan
}

export const cargoEcosystem: Ecosystem = { name: 'cargo', plan }
