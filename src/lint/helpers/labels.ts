/**
 * hadolint's label schema (DL3049–DL3058): which labels a Dockerfile must set and what their
 * values must look like. The validators follow the standards hadolint names: RFC 3986 absolute
 * URIs, RFC 3339 timestamps, SPDX license identifiers, git hashes, SemVer 2.0 and RFC 5322
 * addresses.
 */
import semver from 'semver'
import spdxIds from 'spdx-license-ids/index.json' with { type: 'json' }
import spdxDeprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' }
import type { LabelType, Rule, RuleMeta } from '../rule.js'

// RFC 3986 character classes, as regular-expression fragments.
const unreserved = 'A-Za-z0-9\\-._~'
const subDelims = "!$&'()*+,;="
const pctEncoded = '%[0-9A-Fa-f]{2}'
const scheme = /^[A-Za-z][A-Za-z0-9+.-]*$/
const userinfo = new RegExp(`^(?:[${unreserved}${subDelims}:]|${pctEncoded})*$`)
const regName = new RegExp(`^(?:[${unreserved}${subDelims}]|${pctEncoded})*$`)
const path = new RegExp(`^(?:[${unreserved}${subDelims}:@/]|${pctEncoded})*$`)
const queryOrFragment = new RegExp(`^(?:[${unreserved}${subDelims}:@/?]|${pctEncoded})*$`)
const ipvFuture = new RegExp(`^[vV][0-9A-Fa-f]+\\.[${unreserved}${subDelims}:]+$`)
const decOctet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const ipv4 = new RegExp(`^${decOctet}(?:\\.${decOctet}){3}$`)
const trailingIpv4 = /^(.*:)([^:]*\.[^:]*)$/s
const hexGroup = /^[0-9A-Fa-f]{1,4}$/

function isIpv6(address: string): boolean {
  let text = address
  const withIpv4 = trailingIpv4.exec(text)
  if (withIpv4) {
    if (!ipv4.test(withIpv4[2] ?? '')) return false
    // The dotted quad stands for the last two groups.
    text = `${withIpv4[1] ?? ''}0:0`
  }
  const halves = text.split('::')
  if (halves.length > 2) return false
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')))
  if (!groups.every((list) => list.every((group) => hexGroup.test(group)))) return false
  const count = groups.reduce((total, list) => total + list.length, 0)
  return halves.length === 2 ? count <= 7 : count === 8
}

function isAuthority(authority: string): boolean {
  let rest = authority
  const at = rest.indexOf('@')
  if (at >= 0) {
    if (!userinfo.test(rest.slice(0, at))) return false
    rest = rest.slice(at + 1)
  }
  let port: string
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']')
    if (close < 0) return false
    const literal = rest.slice(1, close)
    if (!isIpv6(literal) && !ipvFuture.test(literal)) return false
    const after = rest.slice(close + 1)
    if (after !== '' && !after.startsWith(':')) return false
    port = after.slice(1)
  } else {
    const colon = rest.indexOf(':')
    const host = colon >= 0 ? rest.slice(0, colon) : rest
    if (!regName.test(host)) return false
    port = colon >= 0 ? rest.slice(colon + 1) : ''
  }
  return /^\d*$/.test(port)
}

/** An absolute URI (RFC 3986 §4.3, a fragment allowed): `scheme:hier-part[?query][#fragment]`. */
export function isUrl(value: string): boolean {
  const colon = value.indexOf(':')
  if (colon < 1 || !scheme.test(value.slice(0, colon))) return false
  let rest = value.slice(colon + 1)
  const hash = rest.indexOf('#')
  if (hash >= 0) {
    if (!queryOrFragment.test(rest.slice(hash + 1))) return false
    rest = rest.slice(0, hash)
  }
  const question = rest.indexOf('?')
  if (question >= 0) {
    if (!queryOrFragment.test(rest.slice(question + 1))) return false
    rest = rest.slice(0, question)
  }
  if (rest.startsWith('//')) {
    const slash = rest.indexOf('/', 2)
    const authority = slash >= 0 ? rest.slice(2, slash) : rest.slice(2)
    if (!isAuthority(authority)) return false
    rest = slash >= 0 ? rest.slice(slash) : ''
  }
  return path.test(rest)
}

const timestamp =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):(\d{2}))$/

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** An RFC 3339 date-time (`2024-05-01T12:00:00Z`, `…T12:00:00.5+02:00`), with real dates. */
export function isRfc3339(value: string): boolean {
  const match = timestamp.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number
  ]
  const offsetHour = Number(match[7] ?? 0)
  const offsetMinute = Number(match[8] ?? 0)
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 60 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  )
}

const spdx = new Set<string>([...spdxIds, ...spdxDeprecatedIds])

/** A single SPDX license identifier from the SPDX list, as written there (`MIT`, `Apache-2.0`). */
export function isSpdxId(value: string): boolean {
  return spdx.has(value)
}

const gitHash = /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/

/** A git commit hash: the 7-character short form or the full 40, lower-case hex. */
export function isGitHash(value: string): boolean {
  return gitHash.test(value)
}

/** A SemVer 2.0 version exactly as the spec writes it: no `v` prefix, no surrounding spaces. */
export function isSemver(value: string): boolean {
  const first = value.charCodeAt(0)
  return first >= 48 && first <= 57 && value.trim() === value && semver.valid(value) !== null
}

const atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
const quoted = '"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*"'
const localPart = new RegExp(`^(?:${atom}|${quoted})(?:\\.(?:${atom}|${quoted}))*$`)
const domainLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const domainLiteral = /^\[(?:[\x21-\x5a\x5e-\x7e]|\\[\x20-\x7e])*\]$/

/**
 * An RFC 5322 addr-spec (`local@domain`): a dot-atom or quoted local part of at most 64
 * characters, and a host name or a bracketed domain literal.
 */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@')
  if (at < 1 || value.length > 254) return false
  const local = value.slice(0, at)
  const domain = value.slice(at + 1)
  if (local.length > 64 || !localPart.test(local)) return false
  if (domain.startsWith('[')) return domainLiteral.test(domain)
  return domain.length <= 253 && domain.split('.').every((label) => domainLabel.test(label))
}

/**
 * A rule that checks the value of every schema label of one type (every schema label when
 * `type` is undefined) in each LABEL, and reports once per failing label and instruction with
 * a message naming it.
 */
export function labelValueRule(
  meta: RuleMeta,
  type: LabelType | undefined,
  isValid: (value: string) => boolean,
  messageFor: (label: string) => string
): Rule {
  return {
    meta,
    create(context) {
      const labels = new Set<string>()
      for (const [label, labelType] of Object.entries(context.settings.labelSchema))
        if (type === undefined || labelType === type) labels.add(label)
      if (labels.size === 0) return { check() {} }
      return {
        check(instruction) {
          if (instruction.keyword !== 'LABEL') return
          let reported: Set<string> | undefined
          for (const { key, value } of instruction.pairs) {
            if (!labels.has(key) || reported?.has(key) || isValid(value ?? '')) continue
            ;(reported ??= new Set()).add(key)
            context.report(instruction.line, messageFor(key))
          }
        }
      }
    }
  }
}
