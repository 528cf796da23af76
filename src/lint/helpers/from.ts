/** `FROM [--platform=…] image[:tag][@digest] [AS name]`, split into its parts. */
import type { LintInstruction } from '../rule.js'

export interface FromImage {
  /** The image reference without tag or digest (`docker.io/library/debian`, `debian`, `$BASE`). */
  image: string
  tag?: string
  digest?: string
  /** The stage name after AS, as written (case kept). */
  alias?: string
  platform?: string
}

export function parseFrom(instruction: LintInstruction): FromImage {
  const [reference = '', as, alias] = instruction.words
  const at = reference.indexOf('@')
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference
  const digest = at >= 0 ? reference.slice(at + 1) : undefined
  // A colon after the last slash is a tag; one before it belongs to a registry port.
  const colon = withoutDigest.lastIndexOf(':')
  const hasTag = colon > withoutDigest.lastIndexOf('/')
  const platform = instruction.flags.find((flag) => flag.name === 'platform')?.value ?? undefined
  return {
    image: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    ...(hasTag ? { tag: withoutDigest.slice(colon + 1) } : {}),
    ...(digest !== undefined ? { digest } : {}),
    ...(as?.toUpperCase() === 'AS' && alias ? { alias } : {}),
    ...(platform ? { platform } : {})
  }
}
