/**
 * hadolint's configuration file: where it is looked for, and what it may hold.
 *
 * Deliberate difference: hadolint prints an error for a file it cannot read (bad YAML, a value of
 * the wrong type) and carries on as if there were no file, so a typo silently turns every
 * setting off. Here that is a UserError naming the file, line and key. Unknown top-level keys
 * stay harmless, as in hadolint, but come back as warnings for the front ends to show.
 *
 * An empty file (or one holding only comments) is an empty configuration, with no error and no
 * warning. hadolint reports "empty YAML stream" and then also uses an empty configuration, so the
 * outcome is the same; a file whose entries are all commented out is a normal thing to have.
 */
import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair
} from 'yaml'
import { UserError, messageOf } from '../../errors.js'
import { parseFormat, type Format } from '../formats/names.js'
import type { LabelType } from '../rule.js'
import type { OverrideSeverity, PartialConfig } from './types.js'
import { overrideSeverities } from './types.js'
import { labelTypes, parseLabelType, parseThreshold, thresholdNames } from './values.js'

export interface ConfigLookup {
  /** `-c/--config` (or the action's `config` input), relative to cwd; it must exist. */
  explicit?: string
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  home: string
  /** Defaults to the running platform; decides where the per-user folders are. */
  platform?: NodeJS.Platform
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** The places hadolint looks, in order, when no file is named. */
export function configCandidates(lookup: ConfigLookup): string[] {
  const { cwd, env, home } = lookup
  const windows = (lookup.platform ?? process.platform) === 'win32'
  const hidden = ['.hadolint.yaml', '.hadolint.yml']
  const visible = ['hadolint.yaml', 'hadolint.yml']
  const xdgHome = env.XDG_CONFIG_HOME
  // The `directory` package's XdgConfig: an absolute $XDG_CONFIG_HOME, else ~/.config
  // (%APPDATA% on Windows, which also holds the per-application folder there).
  const appData = env.APPDATA || join(home, 'AppData', 'Roaming')
  const xdgConfig = windows
    ? appData
    : xdgHome && isAbsolute(xdgHome)
      ? xdgHome
      : join(home, '.config')
  const appUserData = windows ? join(appData, 'hadolint') : join(home, '.hadolint')
  const documents = windows ? join(home, 'Documents') : home
  return [
    ...hidden.map((name) => join(cwd, name)),
    ...visible.map((name) => join(xdgConfig, name)),
    ...[...visible, 'config.yaml', 'config.yml'].map((name) => join(appUserData, name)),
    ...hidden.map((name) => join(documents, name))
  ]
}

/**
 * The config file to read, as hadolint picks it: the explicit one, else the first that exists of
 * ./.hadolint.y(a)ml (the working directory only, no walk up), $XDG_CONFIG_HOME/hadolint.y(a)ml,
 * ~/.hadolint/{hadolint,config}.y(a)ml and ~/.hadolint.y(a)ml. Undefined when there is none.
 */
export function findConfigFile(lookup: ConfigLookup): string | undefined {
  // An empty value (an action input left blank) names no file.
  if (lookup.explicit) {
    const path = resolve(lookup.cwd, lookup.explicit)
    let isDirectory: boolean
    try {
      isDirectory = statSync(path).isDirectory()
    } catch {
      throw new UserError(
        `config file '${lookup.explicit}' does not exist (looked for ${path}); fix the path or leave it out to use .hadolint.yaml`
      )
    }
    if (isDirectory) {
      throw new UserError(
        `config file '${lookup.explicit}' is a directory; name the YAML file itself, e.g. ${join(lookup.explicit, '.hadolint.yaml')}`
      )
    }
    return path
  }
  return configCandidates(lookup).find(isFile)
}

export interface ConfigFile {
  path: string
  config: PartialConfig
  /** One line each, `file:line:column: …`: unknown keys, which are ignored. */
  warnings: string[]
}

export function readConfigFile(path: string): ConfigFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read config file ${path}: ${messageOf(error)}`)
  }
  return parseConfigText(text, path)
}

const topLevelKeys = [
  'ignored',
  'override',
  'trustedRegistries',
  'failure-threshold',
  'format',
  'formats',
  'label-schema',
  'strict-labels',
  'disable-ignore-pragma',
  'no-fail',
  'no-color',
  'verbose'
] as const
type TopLevelKey = (typeof topLevelKeys)[number]

const squash = (key: string) => key.toLowerCase().replace(/[-_\s]/g, '')

function suggestion(key: string, known: readonly string[]): string {
  const match = known.find((candidate) => squash(candidate) === squash(key))
  return match ? ` (did you mean '${match}'?)` : ''
}

const plural = { 'rule code': 'rule codes', registry: 'registries' } as const

const example: Record<string, string> = {
  ignored: 'ignored: [DL3008]',
  trustedRegistries: 'trustedRegistries: [docker.io, registry.example.com]',
  formats: 'formats: [tty, sarif]',
  override: 'override: { warning: [DL3008] }'
}

/** Reads the YAML of a config file; `path` is only used in messages. */
export function parseConfigText(text: string, path: string): ConfigFile {
  const lineCounter = new LineCounter()
  const document = parseDocument(text.replace(/^\uFEFF/, ''), {
    lineCounter,
    prettyErrors: false
  })
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0)
    return `${path}:${line}:${col}`
  }
  const syntaxError = document.errors[0]
  if (syntaxError) {
    const reason =
      syntaxError.code === 'MULTIPLE_DOCS'
        ? 'the file holds several YAML documents (---); keep one'
        : `${syntaxError.message.replace(/\s+/g, ' ').trim()}; fix the YAML syntax`
    throw new UserError(`${at(syntaxError.pos[0])}: invalid YAML: ${reason}`)
  }
  return { path, ...readRoot(document, at) }
}

type At = (offset: number | undefined) => string

function readRoot(document: Document, at: At): Omit<ConfigFile, 'path'> {
  const root = deref(document, document.contents)
  const config: PartialConfig = {}
  const warnings: string[] = []
  if (isEmpty(root)) return { config, warnings }
  if (!isMap(root)) {
    throw new UserError(
      `${at(root.range?.[0])}: a config file must be a mapping of settings (e.g. '${example.ignored}'), not ${describe(root)}`
    )
  }
  const reader = new Reader(document, at, warnings)
  for (const pair of root.items) {
    const key = reader.key(pair)
    if (!(topLevelKeys as readonly string[]).includes(key)) {
      warnings.push(
        `${at(keyOffset(pair))}: unknown key '${key}' is ignored${suggestion(key, topLevelKeys)}`
      )
      continue
    }
    reader.read(key as TopLevelKey, pair, config)
  }
  return { config, warnings }
}

function keyOffset(pair: Pair): number | undefined {
  return isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? pair.key.range?.[0] : undefined
}

function deref(document: Document, node: unknown): Node | null {
  if (isAlias(node)) return (node.resolve(document) as Node | undefined) ?? null
  return (node as Node | null | undefined) ?? null
}

/** No node, or `~`/`null`/nothing. */
function isEmpty(node: Node | null): node is null {
  return node === null || (isScalar(node) && node.value === null)
}

function describe(node: Node): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    if (node.value === null) return 'an empty value'
    const value: unknown = node.value
    if (typeof value === 'string') return `the string '${value}'`
    if (typeof value === 'boolean') return `the boolean ${value}`
    if (typeof value === 'number' || typeof value === 'bigint') return `the number ${value}`
  }
  return 'an unsupported value'
}

class Reader {
  constructor(
    private readonly document: Document,
    private readonly at: At,
    private readonly warnings: string[]
  ) {}

  key(pair: Pair): string {
    const key = deref(this.document, pair.key)
    return isScalar(key) ? String(key.value) : String(key)
  }

  private value(pair: Pair): Node | null {
    const node = deref(this.document, pair.value)
    // `key:` with nothing after it is unset, as hadolint's optional keys read it.
    return isEmpty(node) ? null : node
  }

  private where(pair: Pair, node: Node | null): string {
    return this.at(node?.range?.[0] ?? keyOffset(pair))
  }

  private string(pair: Pair, node: Node, name: string, expected: string): string {
    if (isScalar(node) && typeof node.value === 'string') return node.value
    throw new UserError(
      `${this.where(pair, node)}: '${name}' must be ${expected}, not ${describe(node)}`
    )
  }

  private stringList(pair: Pair, name: string, item: keyof typeof plural): string[] | undefined {
    const node = this.value(pair)
    if (node === null) return undefined
    if (!isSeq(node)) {
      const fix = example[name] ? `; write it as a list, e.g. '${example[name]}'` : ''
      throw new UserError(
        `${this.where(pair, node)}: '${name}' must be a list of ${plural[item]}, not ${describe(node)}${fix}`
      )
    }
    return node.items.map((entry) => {
      const element = deref(this.document, entry)
      if (isEmpty(element)) {
        throw new UserError(`${this.where(pair, node)}: '${name}' has an empty entry; remove it`)
      }
      const text = this.string(pair, element, `${name}[]`, `a ${item}`)
      if (item === 'rule code' && !/^(DL|SC)\d+$/.test(text)) {
        this.warnings.push(
          `${this.at(element.range?.[0])}: '${text}' in '${name}' is not a rule code (DLxxxx or SCxxxx) and matches nothing`
        )
      }
      return text
    })
  }

  private flag(pair: Pair, name: string): boolean | undefined {
    const node = this.value(pair)
    if (node === null) return undefined
    if (isScalar(node) && typeof node.value === 'boolean') return node.value
    throw new UserError(
      `${this.where(pair, node)}: '${name}' must be true or false, not ${describe(node)}`
    )
  }

  read(key: TopLevelKey, pair: Pair, config: PartialConfig): void {
    switch (key) {
      case 'ignored':
        return assign(config, 'ignored', this.stringList(pair, key, 'rule code'))
      case 'trustedRegistries':
        return assign(config, 'trustedRegistries', this.stringList(pair, key, 'registry'))
      case 'override':
        return assign(config, 'override', this.override(pair))
      case 'failure-threshold': {
        const node = this.value(pair)
        if (node === null) return
        const text = this.string(pair, node, key, `one of ${thresholdNames.join(', ')}`)
        config.failureThreshold = parseThreshold(text, `${this.where(pair, node)}: '${key}'`)
        return
      }
      case 'format':
      case 'formats':
        return this.formats(key, pair, config)
      case 'label-schema':
        return assign(config, 'labelSchema', this.labelSchema(pair))
      case 'strict-labels':
        return assign(config, 'strictLabels', this.flag(pair, key))
      case 'disable-ignore-pragma':
        return assign(config, 'disableIgnorePragma', this.flag(pair, key))
      case 'no-fail':
        return assign(config, 'noFail', this.flag(pair, key))
      case 'no-color':
        return assign(config, 'noColor', this.flag(pair, key))
      case 'verbose':
        return assign(config, 'verbose', this.flag(pair, key))
    }
  }

  private override(pair: Pair): PartialConfig['override'] {
    const node = this.value(pair)
    if (node === null) return undefined
    if (!isMap(node)) {
      throw new UserError(
        `${this.where(pair, node)}: 'override' must map severities to lists of rule codes, not ${describe(node)}; e.g. '${example.override}'`
      )
    }
    const override: Partial<Record<OverrideSeverity, string[]>> = {}
    for (const item of node.items) {
      const severity = this.key(item)
      const severityNode = deref(this.document, item.key)
      if (!(overrideSeverities as readonly string[]).includes(severity)) {
        const ignoreHint =
          severity === 'ignore' ? "; to turn rules off, list them under 'ignored'" : ''
        throw new UserError(
          `${this.at(severityNode?.range?.[0])}: 'override.${severity}' is not a severity; use ${overrideSeverities.join(', ')}${ignoreHint}`
        )
      }
      const codes = this.stringList(item, `override.${severity}`, 'rule code')
      if (codes)
        override[severity as OverrideSeverity] = [
          ...(override[severity as OverrideSeverity] ?? []),
          ...codes
        ]
    }
    return override
  }

  private formats(key: 'format' | 'formats', pair: Pair, config: PartialConfig): void {
    const node = this.value(pair)
    if (node === null) return
    const read = (element: Node): Format =>
      parseFormat(
        this.string(pair, element, key, 'a format name'),
        `${this.at(element.range?.[0])}: '${key}'`
      )
    let formats: Format[]
    if (key === 'format') {
      formats = [read(node)]
    } else if (isSeq(node)) {
      formats = node.items.map((entry) => {
        const element = deref(this.document, entry)
        if (isEmpty(element)) {
          throw new UserError(`${this.where(pair, node)}: 'formats' has an empty entry; remove it`)
        }
        return read(element)
      })
    } else {
      throw new UserError(
        `${this.where(pair, node)}: 'formats' must be a list of format names, not ${describe(node)}; e.g. '${example.formats}' (or use 'format' for one)`
      )
    }
    config.formats = [...(config.formats ?? []), ...formats]
  }

  private labelSchema(pair: Pair): Record<string, LabelType> | undefined {
    const node = this.value(pair)
    if (node === null) return undefined
    if (!isMap(node)) {
      throw new UserError(
        `${this.where(pair, node)}: 'label-schema' must map label names to types (${labelTypes.join(', ')}), not ${describe(node)}; e.g. 'label-schema: { maintainer: text }'`
      )
    }
    const schema: Record<string, LabelType> = {}
    for (const item of node.items) {
      const name = this.key(item)
      const value = this.value(item)
      // `maintainer:` with no type reads as text, as "" does in hadolint.
      const text =
        value === null
          ? ''
          : this.string(item, value, `label-schema.${name}`, `one of ${labelTypes.join(', ')}`)
      schema[name] = parseLabelType(text, `${this.where(item, value)}: 'label-schema.${name}'`)
    }
    return schema
  }
}

function assign<K extends keyof PartialConfig>(
  config: PartialConfig,
  key: K,
  value: PartialConfig[K] | undefined
): void {
  if (value !== undefined) config[key] = value
}
