/**
 * PEP 440 version parsing and normalisation, written from the specification
 * (https://peps.python.org/pep-0440/, "Appendix B: Parsing version strings with regular
 * expressions" and "Normalization"). Only what tag computation needs: validity, the
 * normalised form, the release parts and the release kind.
 */

const pep440Pattern = new RegExp(
  [
    '^v?',
    '(?:(?<epoch>[0-9]+)!)?',
    '(?<release>[0-9]+(?:\\.[0-9]+)*)',
    '(?:[-_.]?(?<preLabel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<preNumber>[0-9]+)?)?',
    '(?:-(?<implicitPost>[0-9]+)|[-_.]?(?<postLabel>post|rev|r)[-_.]?(?<postNumber>[0-9]+)?)?',
    '(?:[-_.]?(?<devLabel>dev)[-_.]?(?<devNumber>[0-9]+)?)?',
    '(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?$'
  ].join(''),
  'i'
)

export interface Pep440Version {
  /** The text as given. */
  raw: string
  epoch: string
  /** Release numbers without leading zeros, e.g. ['1', '2', '3']. */
  release: string[]
  pre?: { label: 'a' | 'b' | 'rc'; number: string }
  post?: string
  dev?: string
  /** Normalised local label (lower case, `.`-separated), without the `+`. */
  local?: string
}

/** Integers are compared and printed without leading zeros: `01` is `1`. */
function integer(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '')
}

function normalisePreLabel(label: string): 'a' | 'b' | 'rc' {
  switch (label.toLowerCase()) {
    case 'a':
    case 'alpha':
      return 'a'
    case 'b':
    case 'beta':
      return 'b'
    default:
      // c, rc, pre and preview are all spellings of a release candidate.
      return 'rc'
  }
}

/** Parses a PEP 440 version (a leading `v` is allowed); undefined when it is not one. */
export function parsePep440(text: string): Pep440Version | undefined {
  const groups = pep440Pattern.exec(text)?.groups
  if (!groups || groups.release === undefined) return undefined
  const version: Pep440Version = {
    raw: text,
    epoch: integer(groups.epoch ?? '0'),
    release: groups.release.split('.').map(integer)
  }
  if (groups.preLabel !== undefined) {
    version.pre = {
      label: normalisePreLabel(groups.preLabel),
      number: integer(groups.preNumber ?? '0')
    }
  }
  if (groups.implicitPost !== undefined) version.post = integer(groups.implicitPost)
  else if (groups.postLabel !== undefined) version.post = integer(groups.postNumber ?? '0')
  if (groups.devLabel !== undefined) version.dev = integer(groups.devNumber ?? '0')
  if (groups.local !== undefined) {
    version.local = groups.local
      .toLowerCase()
      .split(/[-_.]/)
      .map((part) => (/^\d+$/.test(part) ? integer(part) : part))
      .join('.')
  }
  return version
}

/** The canonical form: `v1.0-RC.1` → `1.0rc1`, `1.2post1` → `1.2.post1`. */
export function normalizePep440(version: Pep440Version): string {
  let text = version.epoch === '0' ? '' : `${version.epoch}!`
  text += version.release.join('.')
  if (version.pre) text += `${version.pre.label}${version.pre.number}`
  if (version.post !== undefined) text += `.post${version.post}`
  if (version.dev !== undefined) text += `.dev${version.dev}`
  if (version.local !== undefined) text += `+${version.local}`
  return text
}

/** A pre-release in PEP 440's sense: it has a pre-release or a development segment. */
export function isPep440Prerelease(version: Pep440Version): boolean {
  return version.pre !== undefined || version.dev !== undefined
}

export function isPep440Postrelease(version: Pep440Version): boolean {
  return version.post !== undefined
}

export function isPep440Devrelease(version: Pep440Version): boolean {
  return version.dev !== undefined
}

/** Release part `index` (0 major, 1 minor, 2 patch); missing parts are 0. */
export function pep440Part(version: Pep440Version, index: number): string {
  return version.release[index] ?? '0'
}
