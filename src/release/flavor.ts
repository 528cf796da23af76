import { UserError } from '../errors.js'
import { parseAttributes, parseBooleanAttribute } from './attributes.js'

export type LatestMode = 'auto' | 'true' | 'false'

export interface Flavor {
  latest: LatestMode
  /** Added to every tag whose entry has no prefix= of its own. */
  prefix: string
  /** Also put the prefix on `latest`. */
  prefixLatest: boolean
  suffix: string
  suffixLatest: boolean
}

/**
 * Parses the `flavor` input: `latest=auto|true|false`, `prefix=…[,onlatest=true]`,
 * `suffix=…[,onlatest=true]`. `onlatest` applies to the prefix or suffix before it on the
 * same line. Anything else is an error.
 */
export function parseFlavor(entries: readonly string[]): Flavor {
  const flavor: Flavor = {
    latest: 'auto',
    prefix: '',
    prefixLatest: false,
    suffix: '',
    suffixLatest: false
  }
  for (const entry of entries) {
    const where = `flavor entry '${entry}'`
    let onLatestFor: 'prefix' | 'suffix' | undefined
    for (const attribute of parseAttributes(entry, 'flavor entry')) {
      switch (attribute.key) {
        case 'latest':
          if (
            attribute.value !== 'auto' &&
            attribute.value !== 'true' &&
            attribute.value !== 'false'
          ) {
            throw new UserError(`${where}: latest=${attribute.value} is not auto, true or false`)
          }
          flavor.latest = attribute.value
          break
        case 'prefix':
          flavor.prefix = attribute.value
          onLatestFor = 'prefix'
          break
        case 'suffix':
          flavor.suffix = attribute.value
          onLatestFor = 'suffix'
          break
        case 'onlatest': {
          const onLatest = parseBooleanAttribute(attribute.value, where, 'onlatest')
          if (onLatestFor === undefined) {
            throw new UserError(
              `${where}: onlatest= must follow prefix= or suffix= on the same line`
            )
          }
          if (onLatestFor === 'prefix') flavor.prefixLatest = onLatest
          else flavor.suffixLatest = onLatest
          break
        }
        case undefined:
          throw new UserError(
            `${where}: '${attribute.value}' is not key=value (keys: latest, prefix, suffix, onlatest)`
          )
        default:
          throw new UserError(
            `${where}: unknown key '${attribute.key}' (keys: latest, prefix, suffix, onlatest)`
          )
      }
    }
  }
  return flavor
}
