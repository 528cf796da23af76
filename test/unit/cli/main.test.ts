import { describe, expect, it } from '@jest/globals'
import { runCli } from '../../../src/cli/main.js'
import type { Command } from '../../../src/cli/command.js'
import { UserError } from '../../../src/errors.js'
import { version } from '../../../src/version.js'

function capture() {
  const out: string[] = []
  const err: string[] = []
  return {
    context: {
      env: {},
      cwd: '/',
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t)
    },
    out: () => out.join(''),
    err: () => err.join('')
  }
}

const echo: Command = {
  name: 'echo',
  summary: 'prints its arguments',
  usage: 'Usage: runnerkit echo [words…]\n',
  run(args, context) {
    if (args[0] === '--bad') return Promise.reject(new UserError('--bad: not accepted; drop it'))
    if (args[0] === '--crash') return Promise.reject(new Error('boom'))
    context.stdout(`${args.join(' ')}\n`)
    return Promise.resolve(0)
  }
}

describe('runCli', () => {
  it('lists subcommands on --help', async () => {
    const io = capture()
    expect(await runCli(['--help'], io.context, [echo])).toBe(0)
    expect(io.out()).toContain('echo  prints its arguments')
  })

  it('prints the version', async () => {
    const io = capture()
    expect(await runCli(['--version'], io.context, [echo])).toBe(0)
    expect(io.out()).toBe(`${version}\n`)
  })

  it('runs a subcommand and shows its usage on --help', async () => {
    const io = capture()
    expect(await runCli(['echo', 'a', 'b'], io.context, [echo])).toBe(0)
    expect(await runCli(['echo', '--help'], io.context, [echo])).toBe(0)
    expect(io.out()).toBe('a b\nUsage: runnerkit echo [words…]\n')
  })

  it('lets a subcommand with its own help answer --help', async () => {
    const io = capture()
    const nested: Command = {
      ...echo,
      name: 'nested',
      usage: 'Usage: runnerkit nested inner|other\n',
      subcommandsWithHelp: ['inner'],
      run(args, context) {
        context.stdout(args[0] === 'inner' ? 'Usage: runnerkit nested inner --flag\n' : 'ran\n')
        return Promise.resolve(0)
      }
    }
    expect(await runCli(['nested', 'inner', '--help'], io.context, [nested])).toBe(0)
    expect(await runCli(['nested', 'other', '--help'], io.context, [nested])).toBe(0)
    expect(io.out()).toBe(
      'Usage: runnerkit nested inner --flag\nUsage: runnerkit nested inner|other\n'
    )
  })

  it('shows the squid options for runnerkit mirrors squid --help', async () => {
    const io = capture()
    expect(await runCli(['mirrors', 'squid', '--help'], io.context)).toBe(0)
    expect(io.out()).toMatch(/^Usage: runnerkit mirrors squid /)
    expect(io.out()).toContain('--bump-host')
  })

  it('turns a user error into one line and exit 1', async () => {
    const io = capture()
    expect(await runCli(['echo', '--bad'], io.context, [echo])).toBe(1)
    expect(io.err()).toBe('runnerkit echo: --bad: not accepted; drop it\n')
  })

  it('reports an internal error with exit 2', async () => {
    const io = capture()
    expect(await runCli(['echo', '--crash'], io.context, [echo])).toBe(2)
    expect(io.err()).toMatch(/^runnerkit echo: internal error: Error: boom/)
  })

  it('names an unknown command', async () => {
    const io = capture()
    expect(await runCli(['ehco'], io.context, [echo])).toBe(1)
    expect(io.err()).toContain("unknown command 'ehco'")
  })
})
