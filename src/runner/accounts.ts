/**
 * /etc/passwd, /etc/group and sudoers as the checks need them: parsed from text, so the same
 * code reads the live machine and an image's merged filesystem.
 */

export interface PasswdEntry {
  name: string
  uid: number
  gid: number
  home: string
  shell: string
}

export interface GroupEntry {
  name: string
  gid: number
  members: string[]
}

export function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const fields = line.split(':')
    if (fields.length < 7) continue
    const uid = Number(fields[2])
    const gid = Number(fields[3])
    if (!Number.isInteger(uid) || !Number.isInteger(gid)) continue
    entries.push({ name: fields[0] ?? '', uid, gid, home: fields[5] ?? '', shell: fields[6] ?? '' })
  }
  return entries
}

export function parseGroup(text: string): GroupEntry[] {
  const entries: GroupEntry[] = []
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const fields = line.split(':')
    if (fields.length < 4) continue
    const gid = Number(fields[2])
    if (!Number.isInteger(gid)) continue
    const members = (fields[3] ?? '')
      .split(',')
      .map((member) => member.trim())
      .filter((member) => member !== '')
    entries.push({ name: fields[0] ?? '', gid, members })
  }
  return entries
}

export interface ResolvedUser {
  /** As given (config.User, or the live uid). */
  spec: string
  name?: string
  uid?: number
  gid?: number
  home?: string
  /** Names of the groups the user is in: primary and, unless a group was given, supplementary. */
  groups: Array<{ name: string; gid: number }>
  /** Why it could not be resolved, when it could not. */
  problem?: string
}

/**
 * Resolves `user`, `uid`, `user:group` or `uid:gid` as a container runtime does: name or uid
 * through passwd; the primary group from passwd unless a group is given; supplementary groups
 * from /etc/group only when no group is given. An empty spec is root.
 */
export function resolveUser(
  spec: string,
  passwd: readonly PasswdEntry[],
  groups: readonly GroupEntry[]
): ResolvedUser {
  const [userPart = '', groupPart] = (spec.trim() === '' ? 'root' : spec.trim()).split(':')
  const numeric = /^\d+$/.test(userPart)
  const entry = numeric
    ? passwd.find((candidate) => candidate.uid === Number(userPart))
    : passwd.find((candidate) => candidate.name === userPart)
  const result: ResolvedUser = { spec, groups: [] }
  if (entry === undefined) {
    if (!numeric) {
      result.problem = `user '${userPart}' is not in /etc/passwd`
      return result
    }
    result.uid = Number(userPart)
  } else {
    result.name = entry.name
    result.uid = entry.uid
    result.gid = entry.gid
    result.home = entry.home
  }
  if (groupPart !== undefined && groupPart !== '') {
    const group = /^\d+$/.test(groupPart)
      ? groups.find((candidate) => candidate.gid === Number(groupPart))
      : groups.find((candidate) => candidate.name === groupPart)
    if (group === undefined && !/^\d+$/.test(groupPart)) {
      result.problem = `group '${groupPart}' is not in /etc/group`
      return result
    }
    result.gid = group?.gid ?? Number(groupPart)
    result.groups = [{ name: group?.name ?? groupPart, gid: result.gid }]
    return result
  }
  if (result.gid !== undefined) {
    const primary = groups.find((candidate) => candidate.gid === result.gid)
    result.groups.push({ name: primary?.name ?? String(result.gid), gid: result.gid })
  }
  if (result.name !== undefined) {
    for (const group of groups) {
      if (group.members.includes(result.name) && !result.groups.some((g) => g.gid === group.gid)) {
        result.groups.push({ name: group.name, gid: group.gid })
      }
    }
  }
  return result
}

export interface SudoGrant {
  file: string
  line: number
  text: string
  noPassword: boolean
}

/**
 * The sudoers lines that grant `user` (by name, through one of its groups as `%group`, or
 * `ALL`). A deliberately small reading of sudoers(5): user specifications and User_Alias
 * definitions; Defaults lines and comments are skipped; continuation lines are joined.
 */
export function sudoGrants(
  files: ReadonlyArray<{ file: string; text: string }>,
  user: string,
  groupNames: readonly string[]
): SudoGrant[] {
  const grants: SudoGrant[] = []
  const aliases = new Map<string, string[]>()
  const parsed = files.flatMap(({ file, text }) =>
    logicalLines(text).map((line) => ({ file, ...line }))
  )
  for (const { text } of parsed) {
    const alias = /^User_Alias\s+([A-Z][A-Z0-9_]*)\s*=\s*(.+)$/.exec(text)
    if (alias) aliases.set(alias[1] as string, splitList(alias[2] as string))
  }
  const matches = (who: string): boolean => {
    const negated = who.startsWith('!')
    if (negated) return false
    if (who === 'ALL' || who === user) return true
    if (who.startsWith('%')) return groupNames.includes(who.slice(1).replace(/^:/, ''))
    const members = aliases.get(who)
    return members !== undefined && members.some(matches)
  }
  for (const { file, line, text } of parsed) {
    if (/^(?:Defaults|User_Alias|Runas_Alias|Host_Alias|Cmnd_Alias|Cmd_Alias)\b/.test(text))
      continue
    if (/^[@#]include/.test(text)) continue
    const specification = /^(\S+(?:\s*,\s*\S+)*)\s+\S+\s*=\s*(.+)$/.exec(text)
    if (specification === null) continue
    const users = splitList(specification[1] as string)
    if (!users.some(matches)) continue
    grants.push({ file, line, text, noPassword: /\bNOPASSWD\s*:/.test(specification[2] as string) })
  }
  return grants
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function logicalLines(text: string): Array<{ line: number; text: string }> {
  const lines: Array<{ line: number; text: string }> = []
  const raw = text.split('\n')
  for (let index = 0; index < raw.length; index++) {
    let current = raw[index] ?? ''
    const start = index + 1
    while (current.endsWith('\\') && index + 1 < raw.length) {
      current = `${current.slice(0, -1)} ${raw[++index] ?? ''}`
    }
    // `#include` and `#includedir` are directives, not comments.
    const trimmed = current.trim()
    if (trimmed === '' || (trimmed.startsWith('#') && !/^#include/.test(trimmed))) continue
    lines.push({ line: start, text: trimmed })
  }
  return lines
}
