import { describe, expect, it } from '@jest/globals'
import { tagNames } from '../support.js'

const pullRequest = {
  eventName: 'pull_request',
  payload: { repository: { default_branch: 'main' }, pull_request: { base: { ref: 'main' } } }
}
const tagPush = { payload: { repository: { default_branch: 'main' }, base_ref: 'refs/heads/main' } }

describe('type=raw', () => {
  // prettier-ignore
  it.each([
    ['refs/heads/main', 'type=raw,value=foo', {}, ['foo']],
    ['refs/heads/main', 'foo', {}, ['foo']],
    ['refs/heads/main', 'type=raw,foo', {}, ['foo']],
    ['refs/heads/main', 'type=raw,value={{branch}}-{{sha}}', {}, ['main-860c190']],
    ['refs/heads/a/b', 'type=raw,value={{branch}}', {}, ['a-b']],
    ['refs/heads/main', 'type=raw,value={{tag}}', {}, []],
    ['refs/tags/v1.1.1', 'type=raw,value={{tag}}-foo', {}, ['v1.1.1-foo']],
    ['refs/tags/v1.1.1', 'type=raw,value={{base_ref}}-foo', tagPush, ['main-foo']],
    ['refs/pull/15/merge', 'type=raw,value=base-{{base_ref}}', pullRequest, ['base-main']],
    ['refs/heads/main', 'type=raw,value=x-{{base_ref}}', {}, ['x-']],
    ['refs/heads/main', "type=raw,value={{date 'YYYY.MM.DD'}}", {}, ['2020.01.10']],
    ['refs/heads/main', "type=raw,value={{ date   'HHmm'   tz = 'Asia/Tokyo' }}", {}, ['0930']],
    ['refs/heads/main', 'type=raw,"value={{date ""HH"" tz=""Asia/Tokyo""}}"', {}, ['09']],
    ['refs/heads/main', 'type=raw,value=latest', {}, ['latest']],
    ['refs/heads/main', 'type=raw,value=', {}, []]
  ])('%s: %s', (ref, entry, context, expected) => {
    expect(tagNames(ref, [entry], { context })).toEqual(expected)
  })

  // prettier-ignore
  it.each([
    ['refs/heads/main', 'push', '{{is_default_branch}}', ['x']],
    ['refs/heads/dev', 'push', '{{is_default_branch}}', []],
    ['refs/heads/dev', 'push', '{{is_not_default_branch}}', ['x']],
    ['refs/tags/v1.0.0', 'push', '{{is_default_branch}}', []],
    ['refs/pull/15/merge', 'pull_request', '{{is_default_branch}}', []],
    ['refs/heads/dev', 'schedule', '{{is_default_branch}}', ['x']],
    ['refs/tags/v1.0.0', 'create', '{{is_default_branch}}', ['x']],
    ['', 'workflow_dispatch', '{{is_default_branch}}', []]
  ])('enable=%s on %s (%s)', (ref, eventName, enable, expected) => {
    expect(tagNames(ref, [`type=raw,value=x,enable=${enable}`], { context: { eventName } })).toEqual(expected)
  })

  it('never moves latest', () => {
    expect(tagNames('refs/tags/v1.0.0', ['type=raw,value=foo'])).toEqual(['foo'])
  })
})
