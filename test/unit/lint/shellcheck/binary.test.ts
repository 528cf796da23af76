import { describe, expect, it } from '@jest/globals'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../../../src/errors.js'
import {
  findOnPath,
  findShellCheck,
  parseShellCheckSetting,
  shellCheckRelease
} from '../../../../src/lint/shellcheck/binary.js'
import { scratchDir } from '../../../helpers/scratch.js'

function fakeBinary(dir: string, name: string, mode: number): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  writeFileSync(path, '#!/bin/sh\nexit 0\n')
  chmodSync(path, mode)
  return path
}

describe('the shellcheck setting', () => {
  // prettier-ignore
  it.each([
    ['', { kind: 'auto' }],
    ['auto', { kind: 'auto' }],
    [' AUTO ', { kind: 'auto' }],
    ['off', { kind: 'off' }],
    ['Off', { kind: 'off' }],
    ['/usr/bin/shellcheck', { kind: 'path', path: '/usr/bin/shellcheck' }],
    ['./tools/shellcheck', { kind: 'path', path: './tools/shellcheck' }]
  ])('%j → %j', (value, setting) => {
    expect(parseShellCheckSetting(value)).toEqual(setting)
  })

  it('off gives no binary and one reason', async () => {
    const found = await findShellCheck('off')
    expect(found.binary).toBeUndefined()
    expect(found.reason).toMatch(/ShellCheck is off/)
  })

  it('a given path is used as it is', async () => {
    const binary = fakeBinary(scratchDir('sc-given'), 'my-shellcheck', 0o755)
    await expect(findShellCheck(binary)).resolves.toEqual({ binary, source: 'given' })
  })

  it('a missing path is a UserError naming it', async () => {
    const missing = join(scratchDir('sc-missing'), 'nope')
    await expect(findShellCheck(missing)).rejects.toThrow(UserError)
    await expect(findShellCheck(missing)).rejects.toThrow(`'${missing}' does not exist`)
  })

  it('a path that is not executable is a UserError naming it', async () => {
    const binary = fakeBinary(scratchDir('sc-noexec'), 'shellcheck', 0o644)
    await expect(findShellCheck(binary)).rejects.toThrow(`'${binary}' is not an executable file`)
  })

  it('a directory is no binary', async () => {
    const dir = scratchDir('sc-dir')
    await expect(findShellCheck(dir)).rejects.toThrow('is not an executable file')
  })
})

describe('auto', () => {
  it('takes the first executable shellcheck on the search path', async () => {
    const root = scratchDir('sc-path')
    fakeBinary(join(root, 'a'), 'shellcheck', 0o644)
    const second = fakeBinary(join(root, 'b'), 'shellcheck', 0o755)
    fakeBinary(join(root, 'c'), 'shellcheck', 0o755)
    const searchPath = ['', join(root, 'a'), join(root, 'b'), join(root, 'c')].join(':')
    expect(findOnPath('shellcheck', searchPath)).toBe(second)
    await expect(findShellCheck('auto', { searchPath })).resolves.toEqual({
      binary: second,
      source: 'path'
    })
  })

  it('gives a reason, not an error, where no release is pinned', async () => {
    const found = await findShellCheck('auto', {
      searchPath: '',
      platform: 'darwin',
      arch: 'arm64'
    })
    expect(found.binary).toBeUndefined()
    expect(found.reason).toMatch(/no ShellCheck .* download is pinned for darwin\/arm64/)
  })

  it('pins a sha256 for both Linux architectures', () => {
    expect(shellCheckRelease.sha256.x86_64).toMatch(/^[0-9a-f]{64}$/)
    expect(shellCheckRelease.sha256.aarch64).toMatch(/^[0-9a-f]{64}$/)
  })
})
