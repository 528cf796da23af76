import { describe, expect, it } from '@jest/globals'
import { parseFileCommands, parseWorkflowCommands } from '../../helpers/workflow-commands.js'

describe('parseWorkflowCommands', () => {
  it('reads commands with properties and unescapes them as the runner does', () => {
    const stdout = [
      'plain log line',
      '::error file=Dockerfile,line=3,col=1,title=DL3008::Pin versions%0Asecond line',
      '::warning::100%25 sure',
      '::add-mask::s3cr3t',
      '::group::Build',
      '::endgroup::',
      '::notice file=a%2Cb.txt::done'
    ].join('\n')
    expect(parseWorkflowCommands(stdout)).toEqual([
      {
        command: 'error',
        properties: { file: 'Dockerfile', line: '3', col: '1', title: 'DL3008' },
        message: 'Pin versions\nsecond line'
      },
      { command: 'warning', properties: {}, message: '100% sure' },
      { command: 'add-mask', properties: {}, message: 's3cr3t' },
      { command: 'group', properties: {}, message: 'Build' },
      { command: 'endgroup', properties: {}, message: '' },
      { command: 'notice', properties: { file: 'a,b.txt' }, message: 'done' }
    ])
  })

  it('ignores everything between stop-commands and its token', () => {
    const stdout = [
      '::stop-commands::tok123',
      '::error::not a command',
      '::tok123::',
      '::warning::after'
    ].join('\n')
    expect(parseWorkflowCommands(stdout)).toEqual([
      { command: 'warning', properties: {}, message: 'after' }
    ])
  })
})

describe('parseFileCommands', () => {
  it('reads heredoc and plain entries', () => {
    const text = 'tags<<ghadelimiter_1\na:1\na:2\nghadelimiter_1\nversion=1.2.3\nempty<<d\n\nd\n'
    expect(parseFileCommands(text)).toEqual({ tags: 'a:1\na:2', version: '1.2.3', empty: '' })
  })

  it('rejects an unterminated heredoc', () => {
    expect(() => parseFileCommands('tags<<d\na\n')).toThrow("unterminated heredoc for 'tags'")
  })
})
