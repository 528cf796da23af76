/** What a git ref names, the way metadata-action reads `github.ref`. */

export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined
}

export function tagOf(ref: string): string | undefined {
  return ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined
}

/** `refs/pull/15/merge` → `15`. */
export function pullRequestOf(ref: string): string | undefined {
  return ref.startsWith('refs/pull/')
    ? ref.slice('refs/pull/'.length).replace(/\/merge$/, '')
    : undefined
}

/** The first `length` characters of a sha (all of it when shorter). */
export function shortSha(sha: string, length: number): string {
  return sha.slice(0, length)
}
