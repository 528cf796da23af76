/**
 * OCI annotations, in the syntax image-meta (and metadata-action) prints them:
 *   key=value                          on each image manifest
 *   manifest:key=value                 the same, said explicitly
 *   manifest[linux/arm64]:key=value    on that platform's manifest only
 *   index:key=value                    on the index of a multi-platform image
 *   manifest-descriptor:key=value      on the index's entry for each manifest
 *   index-descriptor:key=value         on the OCI layout's entry for the image
 * We write them into the manifests ourselves after the engine has built, so every engine gets
 * them, the Docker classic builder included.
 */
import { UserError } from '../errors.js'

export type AnnotationLevel = 'manifest' | 'index' | 'manifest-descriptor' | 'index-descriptor'

export interface AnnotationSpec {
  level: AnnotationLevel
  /** `os/arch[/variant]` this applies to; undefined: every platform. */
  platform?: string
  key: string
  value: string
}

const levelPrefix =
  /^(manifest|index|manifest-descriptor|index-descriptor)(?:\[([^\]]+)\])?:(?=[^=]*=)/

export function parseAnnotation(entry: string): AnnotationSpec {
  const text = entry.trim()
  const match = levelPrefix.exec(text)
  const rest = match === null ? text : text.slice(match[0].length)
  const equals = rest.indexOf('=')
  if (equals <= 0) {
    throw new UserError(
      `annotation '${text}': expected [level:]key=value, e.g. manifest:org.opencontainers.image.source=https://…`
    )
  }
  const level = (match?.[1] as AnnotationLevel | undefined) ?? 'manifest'
  if (match?.[2] !== undefined && !level.startsWith('manifest')) {
    throw new UserError(
      `annotation '${text}': only manifest and manifest-descriptor annotations name a platform`
    )
  }
  return {
    level,
    ...(match?.[2] !== undefined && { platform: match[2].trim() }),
    key: rest.slice(0, equals).trim(),
    value: rest.slice(equals + 1)
  }
}

/** The annotations of one level (and platform), later entries overriding earlier ones. */
export function annotationsFor(
  specs: readonly AnnotationSpec[],
  level: AnnotationLevel,
  platform?: string
): Record<string, string> {
  const result: Record<string, string> = {}
  for (const spec of specs) {
    if (spec.level !== level) continue
    if (
      spec.platform !== undefined &&
      (platform === undefined || !samePlatform(spec.platform, platform))
    )
      continue
    result[spec.key] = spec.value
  }
  return result
}

/** `linux/arm64/v8` is how some tools write `linux/arm64`: the variant v8 is arm64's only one. */
export function samePlatform(a: string, b: string): boolean {
  const canonical = (platform: string) =>
    platform.toLowerCase().replace(/^(linux\/arm64)\/v8$/, '$1')
  return canonical(a) === canonical(b)
}
