import { describe, expect, it } from '@jest/globals'
import { runRunnerkit } from '../../helpers/cli.js'

// Everything here is refused before any request; port 1 on loopback has no registry behind it.
const source = '127.0.0.1:1/team/app:sha-0123abc'

describe('runnerkit promote flags', () => {
  it.each([
    [['promote', '--tag', '1.2.3'], 'give the image to promote (SOURCE)'],
    [['promote', source], '--tag: give at least one tag'],
    [['promote', source, '--tag', '1.2.3,-bad'], "--tag: tag '-bad'"],
    [['promote', source, '--tag', '1', '--to', 'x.example.com/app:1'], '--to:'],
    [['promote', 'Bad Name', '--tag', '1'], 'SOURCE:'],
    [['promote', source, '--tag', '1', '--authfile', '/nonexistent.json'], '--authfile:'],
    [['promote', source, '--tag', '1', '--username', 'u'], '--username: give the password'],
    [['promote', source, '--tag', '1', '--password-stdin'], '--password-stdin: give --username'],
    [['promote', source, 'extra', '--tag', '1'], "unexpected argument 'extra'"],
    [['promote', source, '--tag', '1', '--nope'], "run 'runnerkit promote --help'"]
  ])('%j', async (args, expected) => {
    const result = await runRunnerkit(args)
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(`runnerkit promote: `)
    expect(result.stderr).toContain(expected)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('has help listing every flag', async () => {
    const result = await runRunnerkit(['promote', '--help'])
    expect(result.code).toBe(0)
    for (const flag of [
      '--tag',
      '--to',
      '--insecure-registry',
      '--username',
      '--password-stdin',
      '--authfile',
      '--no-immutable',
      '--json'
    ])
      expect(result.stdout).toContain(flag)
  })
})
