import { UserError } from '../errors.js'

/**
 * Formats dates with moment.js format strings in an IANA time zone, so that
 * `{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}` gives what metadata-action (moment-timezone)
 * gives, on top of Intl (Node ships full ICU) instead of a date library.
 * Tokens follow moment's "en" locale: weeks start on Sunday and week 1 contains 1 January
 * (`w`); `W` is the ISO week. Characters that are not tokens print as they are; `[text]`
 * and `\x` print literally.
 */

interface ZonedTime {
  year: number
  /** 1–12 */
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** 0 = Sunday */
  weekday: number
  dayOfYear: number
  /** Minutes east of UTC. */
  offset: number
  epochMs: number
  zoneName: string
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// moment's "en" long date formats, expanded before tokens are read.
const longDateFormats: Record<string, string> = {
  LTS: 'h:mm:ss A',
  LT: 'h:mm A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A'
}

const formatterCache = new Map<string, Intl.DateTimeFormat>()

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone)
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        timeZoneName: 'short'
      })
    } catch {
      throw new UserError(
        `unknown time zone '${timeZone}'; use an IANA name such as 'UTC' or 'Europe/Paris'`
      )
    }
    formatterCache.set(timeZone, formatter)
  }
  return formatter
}

/** Throws UserError unless `timeZone` is an IANA time zone name this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  zoneFormatter(timeZone)
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365
}

function zonedTime(date: Date, timeZone: string): ZonedTime {
  const epochMs = date.getTime()
  if (Number.isNaN(epochMs)) throw new UserError('cannot format an invalid date')
  const parts: Record<string, string> = {}
  for (const part of zoneFormatter(timeZone).formatToParts(date)) parts[part.type] = part.value
  const year = Number(parts.year)
  const month = Number(parts.month)
  const day = Number(parts.day)
  const hour = Number(parts.hour)
  const minute = Number(parts.minute)
  const second = Number(parts.second)
  const wholeSecondsMs = Math.floor(epochMs / 1000) * 1000
  const localAsUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const startOfYear = Date.UTC(year, 0, 1)
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: epochMs - wholeSecondsMs,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    dayOfYear: Math.round((Date.UTC(year, month - 1, day) - startOfYear) / 86_400_000) + 1,
    offset: Math.round((localAsUtc - wholeSecondsMs) / 60_000),
    epochMs,
    zoneName: parts.timeZoneName ?? ''
  }
}

/**
 * Week numbering: weeks start on `firstDay` (0 = Sunday) and week 1 is the week holding
 * January `anchorDay` (ISO: Monday and 4 January; moment's "en" locale: Sunday and 1 January).
 * Returns the day of the year (possibly ≤ 0, i.e. in December before) on which week 1 starts.
 */
function firstWeekStart(year: number, firstDay: number, anchorDay: number): number {
  const anchorWeekday = new Date(Date.UTC(year, 0, anchorDay)).getUTCDay()
  return anchorDay - ((anchorWeekday - firstDay + 7) % 7)
}

function weekOfYear(
  time: ZonedTime,
  firstDay: number,
  anchorDay: number
): { week: number; year: number } {
  const start = firstWeekStart(time.year, firstDay, anchorDay)
  if (time.dayOfYear < start) {
    const previous = time.year - 1
    const previousStart = firstWeekStart(previous, firstDay, anchorDay)
    const dayInPrevious = time.dayOfYear + daysInYear(previous)
    return { week: Math.floor((dayInPrevious - previousStart) / 7) + 1, year: previous }
  }
  const nextStart = firstWeekStart(time.year + 1, firstDay, anchorDay) + daysInYear(time.year)
  if (time.dayOfYear >= nextStart) return { week: 1, year: time.year + 1 }
  return { week: Math.floor((time.dayOfYear - start) / 7) + 1, year: time.year }
}

const isoWeek = (time: ZonedTime) => weekOfYear(time, 1, 4)
const localeWeek = (time: ZonedTime) => weekOfYear(time, 0, 1)

function pad(value: number, width: number, forceSign = false): string {
  const digits = String(Math.abs(value)).padStart(width, '0')
  const sign = value < 0 ? '-' : forceSign ? '+' : ''
  return sign + digits
}

function ordinal(value: number): string {
  const lastTwo = value % 100
  const last = value % 10
  const suffix =
    lastTwo >= 11 && lastTwo <= 13
      ? 'th'
      : last === 1
        ? 'st'
        : last === 2
          ? 'nd'
          : last === 3
            ? 'rd'
            : 'th'
  return `${value}${suffix}`
}

function offsetText(offset: number, separator: string): string {
  const sign = offset < 0 ? '-' : '+'
  const minutes = Math.abs(offset)
  return `${sign}${pad(Math.floor(minutes / 60), 2)}${separator}${pad(minutes % 60, 2)}`
}

const hour12 = (time: ZonedTime) => time.hour % 12 || 12

const tokens: Record<string, (time: ZonedTime) => string> = {
  Y: (t) => (t.year <= 9999 ? pad(t.year, 4) : `+${t.year}`),
  YY: (t) => pad(t.year % 100, 2),
  YYYY: (t) => pad(t.year, 4),
  YYYYY: (t) => pad(t.year, 5),
  YYYYYY: (t) => pad(t.year, 6, true),
  gg: (t) => pad(localeWeek(t).year % 100, 2),
  gggg: (t) => pad(localeWeek(t).year, 4),
  ggggg: (t) => pad(localeWeek(t).year, 5),
  GG: (t) => pad(isoWeek(t).year % 100, 2),
  GGGG: (t) => pad(isoWeek(t).year, 4),
  GGGGG: (t) => pad(isoWeek(t).year, 5),
  Q: (t) => String(Math.ceil(t.month / 3)),
  Qo: (t) => ordinal(Math.ceil(t.month / 3)),
  M: (t) => String(t.month),
  Mo: (t) => ordinal(t.month),
  MM: (t) => pad(t.month, 2),
  MMM: (t) => monthNames[t.month - 1]!.slice(0, 3),
  MMMM: (t) => monthNames[t.month - 1]!,
  D: (t) => String(t.day),
  Do: (t) => ordinal(t.day),
  DD: (t) => pad(t.day, 2),
  DDD: (t) => String(t.dayOfYear),
  DDDo: (t) => ordinal(t.dayOfYear),
  DDDD: (t) => pad(t.dayOfYear, 3),
  d: (t) => String(t.weekday),
  do: (t) => ordinal(t.weekday),
  dd: (t) => dayNames[t.weekday]!.slice(0, 2),
  ddd: (t) => dayNames[t.weekday]!.slice(0, 3),
  dddd: (t) => dayNames[t.weekday]!,
  e: (t) => String(t.weekday),
  E: (t) => String(t.weekday || 7),
  w: (t) => String(localeWeek(t).week),
  wo: (t) => ordinal(localeWeek(t).week),
  ww: (t) => pad(localeWeek(t).week, 2),
  W: (t) => String(isoWeek(t).week),
  Wo: (t) => ordinal(isoWeek(t).week),
  WW: (t) => pad(isoWeek(t).week, 2),
  A: (t) => (t.hour < 12 ? 'AM' : 'PM'),
  a: (t) => (t.hour < 12 ? 'am' : 'pm'),
  H: (t) => String(t.hour),
  HH: (t) => pad(t.hour, 2),
  h: (t) => String(hour12(t)),
  hh: (t) => pad(hour12(t), 2),
  k: (t) => String(t.hour || 24),
  kk: (t) => pad(t.hour || 24, 2),
  m: (t) => String(t.minute),
  mm: (t) => pad(t.minute, 2),
  s: (t) => String(t.second),
  ss: (t) => pad(t.second, 2),
  hmm: (t) => `${hour12(t)}${pad(t.minute, 2)}`,
  hmmss: (t) => `${hour12(t)}${pad(t.minute, 2)}${pad(t.second, 2)}`,
  Hmm: (t) => `${t.hour}${pad(t.minute, 2)}`,
  Hmmss: (t) => `${t.hour}${pad(t.minute, 2)}${pad(t.second, 2)}`,
  Z: (t) => offsetText(t.offset, ':'),
  ZZ: (t) => offsetText(t.offset, ''),
  z: (t) => t.zoneName,
  zz: (t) => t.zoneName,
  X: (t) => String(Math.floor(t.epochMs / 1000)),
  x: (t) => String(t.epochMs)
}
// Fractional seconds: S is tenths, SS hundredths, SSS milliseconds, longer runs pad with zeros.
for (let width = 1; width <= 9; width++) {
  tokens['S'.repeat(width)] = (t) =>
    width <= 3
      ? pad(Math.floor(t.millisecond / 10 ** (3 - width)), width)
      : pad(t.millisecond, 3) + '0'.repeat(width - 3)
}

// One alternative per token family, longest spellings first, then any single character.
const tokenPattern =
  /\[[^[]*\]|\\?(?:[Hh]mm(?:ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[ow]?|W[oW]?|Qo?|YYYYYY|YYYYY|YYYY|YY|gg(?:ggg?)?|GG(?:GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|[\s\S])/g
const longDatePattern = /\[[^[]*\]|\\?(?:LTS|LT|LL?L?L?|l{1,4})/g

function expandLongDateFormats(format: string): string {
  return format.replace(longDatePattern, (match) => longDateFormats[match] ?? match)
}

/**
 * Formats `date` in `timeZone` (default UTC) with a moment format string. With no format,
 * gives moment's default: ISO 8601 with `Z` when the offset is zero, `+09:00` otherwise.
 */
export function formatDate(date: Date, format: string | undefined, timeZone = 'UTC'): string {
  const time = zonedTime(date, timeZone)
  const effective = format
    ? expandLongDateFormats(format)
    : time.offset === 0
      ? 'YYYY-MM-DDTHH:mm:ss[Z]'
      : 'YYYY-MM-DDTHH:mm:ssZ'
  return effective.replace(tokenPattern, (match) => {
    if (match.startsWith('[')) return match.slice(1, -1)
    if (match.startsWith('\\')) return match.slice(1)
    const token = tokens[match]
    return token ? token(time) : match
  })
}
