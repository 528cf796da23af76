import { UserError } from '../errors.js'
import { parseAttributes } from './attributes.js'

export type TagType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha'
export type RefEvent = 'branch' | 'tag' | 'pr'

interface CommonAttributes {
  /** The entry as written, for messages. */
  source: string
  /** A template that must render to `true` or `false`. */
  enable: string
  priority: number
  /** Own prefix/suffix (templates); undefined means "use the flavor's". */
  prefix?: string
  suffix?: string
}

interface VersionAttributes {
  pattern: string
  value: string
  /** Regex whose group 1 is the version. */
  match?: RegExp
}

export type TagEntry = CommonAttributes &
  (
    | { type: 'schedule'; pattern: string }
    | ({ type: 'semver' } & VersionAttributes)
    | ({ type: 'pep440' } & VersionAttributes)
    | { type: 'match'; pattern: RegExp; group: number; value: string }
    | { type: 'edge'; branch: string }
    | { type: 'ref'; event: RefEvent }
    | { type: 'raw'; value: string }
    | { type: 'sha'; format: 'short' | 'long' }
  )

export const defaultPriorities: Readonly<Record<TagType, number>> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
}

/** What an empty `tags` input means, as in metadata-action. */
export const defaultTagEntries: readonly string[] = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr'
]

const tagTypes = Object.keys(defaultPriorities) as TagType[]

const attributesByType: Readonly<Record<TagType, readonly string[]>> = {
  schedule: ['pattern'],
  semver: ['pattern', 'value', 'match'],
  pep440: ['pattern', 'value', 'match'],
  match: ['pattern', 'group', 'value'],
  edge: ['branch'],
  ref: ['event'],
  raw: ['value'],
  sha: ['format']
}
const commonAttributes = ['type', 'enable', 'priority', 'prefix', 'suffix']
const allAttributes = new Set([...commonAttributes, ...Object.values(attributesByType).flat()])

/** `/regex/flags` or a plain regex source, as type=match's pattern= takes it. */
function compileRegex(text: string, where: string, name: string, allowSlashForm: boolean): RegExp {
  const slashForm = allowSlashForm ? /^\/(.+)\/(.*)$/.exec(text) : null
  try {
    return slashForm ? new RegExp(slashForm[1]!, slashForm[2]) : new RegExp(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new UserError(`${where}: ${name}=${text} is not a valid regular expression (${reason})`)
  }
}

function captureGroupCount(regex: RegExp): number {
  return (new RegExp(`${regex.source}|`).exec('')?.length ?? 1) - 1
}

function required(attributes: Map<string, string>, name: string, where: string): string {
  const value = attributes.get(name)
  if (value === undefined) throw new UserError(`${where}: ${name}= is required`)
  return value
}

/** Parses one `tags` entry; throws UserError naming it for anything metadata-action rejects. */
export function parseTagEntry(source: string): TagEntry {
  const where = `tags entry '${source}'`
  const attributes = new Map<string, string>()
  let type: TagType = 'raw'
  for (const attribute of parseAttributes(source, 'tags entry')) {
    if (attribute.key === undefined) {
      attributes.set('value', attribute.value)
    } else if (attribute.key === 'type') {
      if (!tagTypes.includes(attribute.value as TagType)) {
        throw new UserError(
          `${where}: unknown type '${attribute.value}' (types: ${tagTypes.join(', ')})`
        )
      }
      type = attribute.value as TagType
    } else if (!allAttributes.has(attribute.key)) {
      throw new UserError(
        `${where}: unknown attribute '${attribute.key}' (type=${type} takes ${[...commonAttributes.slice(1), ...attributesByType[type]].join(', ')})`
      )
    } else {
      attributes.set(attribute.key, attribute.value)
    }
  }

  const priorityText = attributes.get('priority')
  let priority = defaultPriorities[type]
  if (priorityText !== undefined) {
    if (!/^-?\d+$/.test(priorityText)) {
      throw new UserError(`${where}: priority=${priorityText} is not an integer`)
    }
    priority = Number(priorityText)
  }
  const common: CommonAttributes = {
    source,
    enable: attributes.get('enable') ?? 'true',
    priority,
    prefix: attributes.get('prefix'),
    suffix: attributes.get('suffix')
  }

  switch (type) {
    case 'schedule':
      return { ...common, type, pattern: attributes.get('pattern') ?? 'nightly' }
    case 'semver':
    case 'pep440': {
      const matchText = attributes.get('match')
      let match: RegExp | undefined
      if (matchText) {
        match = compileRegex(matchText, where, 'match', false)
        if (captureGroupCount(match) < 1) {
          throw new UserError(
            `${where}: match=${matchText} needs a capture group: the version is group 1`
          )
        }
      }
      return {
        ...common,
        type,
        pattern: required(attributes, 'pattern', where),
        value: attributes.get('value') ?? '',
        match
      }
    }
    case 'match': {
      const pattern = compileRegex(required(attributes, 'pattern', where), where, 'pattern', true)
      const groupText = attributes.get('group') ?? '0'
      if (!/^\d+$/.test(groupText)) {
        throw new UserError(`${where}: group=${groupText} is not a group number`)
      }
      return {
        ...common,
        type,
        pattern,
        group: Number(groupText),
        value: attributes.get('value') ?? ''
      }
    }
    case 'edge':
      return { ...common, type, branch: attributes.get('branch') ?? '' }
    case 'ref': {
      const event = required(attributes, 'event', where)
      if (event !== 'branch' && event !== 'tag' && event !== 'pr') {
        throw new UserError(`${where}: event=${event} is not branch, tag or pr`)
      }
      // PR numbers alone make poor tags, so metadata-action prefixes them unless told otherwise.
      const prefix = event === 'pr' ? (common.prefix ?? 'pr-') : common.prefix
      return { ...common, prefix, type, event }
    }
    case 'raw':
      return { ...common, type, value: required(attributes, 'value', where) }
    case 'sha': {
      const format = attributes.get('format') ?? 'short'
      if (format !== 'short' && format !== 'long') {
        throw new UserError(`${where}: format=${format} is not short or long`)
      }
      return { ...common, type, format, prefix: common.prefix ?? 'sha-' }
    }
  }
}

/**
 * Parses the `tags` input (the default set when empty) and orders it by priority, highest
 * first; entries of equal priority keep their input order.
 */
export function parseTagEntries(entries: readonly string[]): TagEntry[] {
  const sources = entries.length > 0 ? entries : defaultTagEntries
  return sources.map(parseTagEntry).sort((a, b) => b.priority - a.priority)
}
