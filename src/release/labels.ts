import type { RepositoryInfo } from './repository.js'

/** The OCI annotation keys metadata-action fills in, with their values for one run. */
export function ociAnnotations(
  repository: RepositoryInfo,
  version: string,
  created: Date,
  revision: string
): string[] {
  return [
    `org.opencontainers.image.title=${repository.name}`,
    `org.opencontainers.image.description=${repository.description}`,
    `org.opencontainers.image.url=${repository.htmlUrl}`,
    `org.opencontainers.image.source=${repository.htmlUrl}`,
    `org.opencontainers.image.version=${version}`,
    `org.opencontainers.image.created=${created.toISOString()}`,
    `org.opencontainers.image.revision=${revision}`,
    `org.opencontainers.image.licenses=${repository.license}`
  ]
}

// metadata-action sorts with localeCompare on an en-US runner; pin the locale so the order
// does not depend on the machine's.
const keyOrder = new Intl.Collator('en-US')

export interface MergedLabels {
  /** `key=value`, one per key (the last given wins), sorted by key. */
  entries: string[]
  /** Entries without `=`, which are dropped. */
  dropped: string[]
}

/** Merges `key=value` entries: later ones win, entries without `=` are dropped. */
export function mergeLabels(entries: readonly string[]): MergedLabels {
  const merged = new Map<string, string>()
  const dropped: string[] = []
  for (const entry of entries) {
    const equals = entry.indexOf('=')
    if (equals < 0) {
      dropped.push(entry)
      continue
    }
    merged.set(entry.slice(0, equals), entry.slice(equals + 1))
  }
  return {
    entries: [...merged]
      .sort(([a], [b]) => keyOrder.compare(a, b))
      .map(([key, value]) => `${key}=${value}`),
    dropped
  }
}

/** `key=value` entries as an object (the `labels` of the json output). */
export function labelsObject(entries: readonly string[]): Record<string, string> {
  const object: Record<string, string> = {}
  for (const entry of entries) {
    const equals = entry.indexOf('=')
    if (equals >= 0) object[entry.slice(0, equals)] = entry.slice(equals + 1)
  }
  return object
}
