/** `RUN --mount=…` flags, read as BuildKit reads them (comma-separated key=value options). */
import type { LintInstruction } from '../rule.js'

export interface Mount {
  type: string
  target: string
  from?: string
  options: Record<string, string>
}

export function mountsOf(instruction: LintInstruction): Mount[] {
  return instruction.flags
    .filter((flag) => flag.name === 'mount' && flag.value !== null)
    .map((flag) => {
      const options: Record<string, string> = {}
      for (const part of (flag.value ?? '').split(',')) {
        const at = part.indexOf('=')
        if (at < 0) options[part.trim()] = ''
        else options[part.slice(0, at).trim()] = part.slice(at + 1).trim()
      }
      const target = options.target ?? options.dst ?? options.destination ?? ''
      return {
        type: options.type ?? 'bind',
        target,
        ...(options.from ? { from: options.from } : {}),
        options
      }
    })
}

/** A cache or tmpfs mount whose target contains `path` (hadolint's substring test). */
export function hasCacheOrTmpfsMountWith(instruction: LintInstruction, path: string): boolean {
  return mountsOf(instruction).some(
    (mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target.includes(path)
  )
}
