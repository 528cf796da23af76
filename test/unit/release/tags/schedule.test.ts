import { describe, expect, it } from '@jest/globals'
import { meta, tagNames } from '../support.js'

const schedule = { eventName: 'schedule' }

describe('type=schedule', () => {
  // prettier-ignore
  it.each([
    ['default pattern', ['type=schedule'], ['nightly']],
    ['fixed pattern', ['type=schedule,pattern=daily'], ['daily']],
    ['date in UTC', ["type=schedule,pattern={{date 'YYYYMMDD'}}"], ['20200110']],
    ['date in a time zone', ["type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}"], ['20200110-093000']],
    ['with a prefix', ['type=schedule,prefix=nightly-,pattern={{date \'YYYY\'}}'], ['nightly-2020']],
    ['global expressions too', ['type=schedule,pattern={{branch}}-nightly'], ['main-nightly']],
    ['disabled', ['type=schedule,enable=false'], []]
  ])('%s', (_name, tags, expected) => {
    expect(tagNames('refs/heads/main', tags, { context: schedule })).toEqual(expected)
  })

  it('does nothing on other events', () => {
    expect(tagNames('refs/heads/main', ['type=schedule'])).toEqual([])
  })

  it('never moves latest by itself, but flavor latest=true adds it', () => {
    expect(tagNames('refs/heads/main', ['type=schedule'], { context: schedule })).toEqual([
      'nightly'
    ])
    expect(
      tagNames('refs/heads/main', ['type=schedule'], { context: schedule, flavor: ['latest=true'] })
    ).toEqual(['nightly', 'latest'])
  })

  it('uses the commit date when known and the clock otherwise', () => {
    const tags = ["type=schedule,pattern={{commit_date 'YYYY-MM-DD'}}"]
    expect(tagNames('refs/heads/main', tags, { context: schedule })).toEqual(['2020-01-10'])
    const commitDate = new Date('2022-04-19T11:27:24+02:00')
    expect(tagNames('refs/heads/main', tags, { context: { ...schedule, commitDate } })).toEqual([
      '2022-04-19'
    ])
  })

  it('is the highest default priority', () => {
    const result = meta(
      'refs/heads/main',
      { images: [], tags: ['type=sha', 'type=schedule'] },
      { context: schedule }
    )
    expect(result.tagNames).toEqual(['nightly', 'sha-860c190'])
  })
})
