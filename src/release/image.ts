import { UserError } from '../errors.js'
import { parseAttributes, parseBooleanAttribute } from './attributes.js'

export interface ImageEntry {
  /** Lower-cased, as metadata-action does (registries reject upper case). */
  name: string
  enable: boolean
}

// Distribution reference grammar (docker/distribution reference.go), for lower-cased names.
const domainComponent = '(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])'
const domain = `(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-f:]+\\])(?::[0-9]+)?`
const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const imageNamePattern = new RegExp(`^(?:${domain}/)?${pathComponent}(?:/${pathComponent})*$`)

function checkImageName(name: string, entry: string): string {
  const lower = name.toLowerCase()
  if (/@sha256:|:[\w][\w.-]*$/.test(lower) && !imageNamePattern.test(lower)) {
    throw new UserError(
      `images entry '${entry}': '${name}' includes a tag or digest; give the repository only (tags come from the tags input)`
    )
  }
  if (lower.length > 255 || !imageNamePattern.test(lower)) {
    throw new UserError(
      `images entry '${entry}': '${name}' is not a valid image name (e.g. ghcr.io/owner/app or owner/app)`
    )
  }
  return lower
}

/**
 * Parses the `images` input: each entry is `name` or `name=…,enable=true|false`. An entry of
 * bare names only (`org/app,ghcr.io/org/app`) lists several images, as metadata-action's
 * older single-line form does.
 */
export function parseImages(entries: readonly string[]): ImageEntry[] {
  const images: ImageEntry[] = []
  for (const entry of entries) {
    const attributes = parseAttributes(entry, 'images entry')
    if (attributes.every((attribute) => attribute.key === undefined)) {
      for (const attribute of attributes) {
        if (attribute.value === '') continue
        images.push({ name: checkImageName(attribute.value, entry), enable: true })
      }
      continue
    }
    let name: string | undefined
    let enable = true
    for (const attribute of attributes) {
      switch (attribute.key) {
        case undefined:
        case 'name':
          if (name !== undefined) {
            throw new UserError(
              `images entry '${entry}': more than one name; use one entry per image`
            )
          }
          name = attribute.value
          break
        case 'enable':
          enable = parseBooleanAttribute(attribute.value, `images entry '${entry}'`, 'enable')
          break
        default:
          throw new UserError(
            `images entry '${entry}': unknown attribute '${attribute.key}' (known: name, enable)`
          )
      }
    }
    if (!name) throw new UserError(`images entry '${entry}': the image name is empty`)
    images.push({ name: checkImageName(name, entry), enable })
  }
  return images
}
