import { describe, expect, it } from '@jest/globals'
import { assertTimeZone, formatDate } from '../../../src/release/date-format.js'

const instant = new Date('2020-01-10T00:30:00.123Z') // a Friday

describe('formatDate tokens (UTC)', () => {
  // prettier-ignore
  it.each([
    ['YYYY', '2020'], ['YY', '20'], ['Y', '2020'], ['YYYYYY', '+002020'],
    ['Q', '1'], ['Qo', '1st'],
    ['M', '1'], ['Mo', '1st'], ['MM', '01'], ['MMM', 'Jan'], ['MMMM', 'January'],
    ['D', '10'], ['Do', '10th'], ['DD', '10'], ['DDD', '10'], ['DDDo', '10th'], ['DDDD', '010'],
    ['d', '5'], ['do', '5th'], ['dd', 'Fr'], ['ddd', 'Fri'], ['dddd', 'Friday'], ['e', '5'], ['E', '5'],
    ['w', '2'], ['wo', '2nd'], ['ww', '02'], ['W', '2'], ['Wo', '2nd'], ['WW', '02'], ['gggg', '2020'], ['GGGG', '2020'],
    ['H', '0'], ['HH', '00'], ['h', '12'], ['hh', '12'], ['k', '24'], ['kk', '24'],
    ['m', '30'], ['mm', '30'], ['s', '0'], ['ss', '00'],
    ['S', '1'], ['SS', '12'], ['SSS', '123'], ['SSSS', '1230'],
    ['A', 'AM'], ['a', 'am'], ['Z', '+00:00'], ['ZZ', '+0000'],
    ['X', '1578616200'], ['x', '1578616200123'],
    ['hmm', '1230'], ['Hmm', '030'],
    ['YYYYMMDD-HHmmss', '20200110-003000'],
    ['YYYY-MM-DDTHH:mm:ss', '2020-01-10T00:30:00'],
    ['[Week] W, [Q]Q', 'Week 2, Q1'],
    ['\\YYYY', 'YYYY'],
    ['L', '01/10/2020'], ['LL', 'January 10, 2020'], ['LT', '12:30 AM'],
    ['ffff T', 'ffff T']
  ])('%s → %s', (format, expected) => {
    expect(formatDate(instant, format)).toBe(expected)
  })

  it('formats the README example', () => {
    expect(formatDate(new Date('2020-01-10T15:25:50Z'), 'dddd, MMMM Do YYYY, h:mm:ss a')).toBe(
      'Friday, January 10th 2020, 3:25:50 pm'
    )
  })
})

describe('formatDate time zones', () => {
  // prettier-ignore
  it.each([
    ['Asia/Tokyo', 'YYYYMMDD-HHmmss Z', '20200110-093000 +09:00'],
    ['Asia/Kolkata', 'HH:mm ZZ', '06:00 +0530'],
    ['America/New_York', 'YYYY-MM-DD HH:mm Z dddd', '2020-01-09 19:30 -05:00 Thursday'],
    ['UTC', 'HH:mm Z', '00:30 +00:00']
  ])('%s: %s', (timeZone, format, expected) => {
    expect(formatDate(instant, format, timeZone)).toBe(expected)
  })

  it('follows daylight saving time', () => {
    expect(formatDate(new Date('2020-07-04T16:00:00Z'), 'HH:mm Z', 'America/New_York')).toBe(
      '12:00 -04:00'
    )
  })

  it('defaults to ISO 8601, with Z only at offset zero (as moment)', () => {
    expect(formatDate(instant, undefined)).toBe('2020-01-10T00:30:00Z')
    expect(formatDate(instant, '')).toBe('2020-01-10T00:30:00Z')
    expect(formatDate(instant, undefined, 'Europe/London')).toBe('2020-01-10T00:30:00Z')
    expect(formatDate(instant, undefined, 'Asia/Tokyo')).toBe('2020-01-10T09:30:00+09:00')
  })

  it('rejects unknown time zones', () => {
    expect(() => formatDate(instant, 'YYYY', 'Mars/Olympus_Mons')).toThrow(
      /unknown time zone 'Mars\/Olympus_Mons'/
    )
    expect(() => assertTimeZone('Nowhere')).toThrow(/IANA/)
    expect(() => assertTimeZone('Europe/Paris')).not.toThrow()
  })
})

describe('formatDate weeks at year boundaries', () => {
  // prettier-ignore
  it.each([
    // date, ISO week-year and week, locale (Sunday-start) week-year and week
    ['2021-01-01T12:00:00Z', '2020-W53', '2021-w1'],
    ['2020-12-31T12:00:00Z', '2020-W53', '2021-w1'],
    ['2019-12-30T12:00:00Z', '2020-W1', '2020-w1'],
    ['2017-01-01T12:00:00Z', '2016-W52', '2017-w1'],
    ['2016-12-31T12:00:00Z', '2016-W52', '2016-w53'],
    ['2020-06-15T12:00:00Z', '2020-W25', '2020-w25']
  ])('%s', (date, iso, locale) => {
    expect(formatDate(new Date(date), 'GGGG-[W]W')).toBe(iso)
    expect(formatDate(new Date(date), 'gggg-[w]w')).toBe(locale)
  })
})
