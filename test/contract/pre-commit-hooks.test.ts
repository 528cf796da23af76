/**
 * The pre-commit hook a consumer's .pre-commit-config.yaml points at: its fields as pre-commit
 * reads them, and a `files` pattern that selects exactly the names `runnerkit lint` treats as
 * Dockerfiles when it searches a folder.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { commands } from '../../src/cli/commands.js'
import { isDockerfileName } from '../../src/lint/files.js'
import { repositoryRoot } from '../helpers/run-action.js'

interface Hook {
  id: string
  name: string
  description?: string
  language: string
  entry: string
  files?: string
  types?: string[]
  pass_filenames?: boolean
  [key: string]: unknown
}

const hooks = parseYaml(
  readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')
) as Hook[]
const hook = hooks.find((candidate) => candidate.id === 'runnerkit-lint')
const packageJson = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
}

/** pre-commit applies `files` with Python's re.search to '/'-separated paths from the root. */
function selects(path: string): boolean {
  return new RegExp(hook?.files ?? '(?!)').test(path)
}

describe('.pre-commit-hooks.yaml', () => {
  it('is a list of hooks with the fields pre-commit requires', () => {
    expect(Array.isArray(hooks)).toBe(true)
    for (const entry of hooks) {
      for (const field of ['id', 'name', 'entry', 'language'] as const)
        expect(typeof entry[field]).toBe('string')
    }
    expect(new Set(hooks.map((entry) => entry.id)).size).toBe(hooks.length)
  })

  it('runs `runnerkit lint` as a node hook on the staged files', () => {
    expect(hook).toMatchObject({ language: 'node', entry: 'runnerkit lint' })
    // language: node installs this package; the entry's program is its bin.
    const [program, subcommand] = hook?.entry.split(' ') ?? []
    expect(Object.keys(packageJson.bin)).toContain(program)
    expect(commands.map((command) => command.name)).toContain(subcommand)
    // The file names are the arguments; hadolint's hooks pass them the same way.
    expect(hook?.pass_filenames ?? true).toBe(true)
    // `types` would be ANDed with `files`, and identify's `dockerfile` type misses Dockerfile.dev.
    expect(hook?.types).toBeUndefined()
    expect(typeof hook?.files).toBe('string')
  })

  const accepted = [
    'Dockerfile',
    'Containerfile',
    'app.Dockerfile',
    'app.dockerfile',
    'Dockerfile.dev',
    'Dockerfile.prod.arm64',
    'Containerfile.rootless'
  ]
  const rejected = [
    'README.md',
    'Dockerfile.dockerignore',
    'app.Dockerfile.dockerignore',
    'Containerfile.dockerignore',
    '.dockerignore',
    'MyDockerfile',
    'Dockerfiles',
    'dockerfile',
    'docker-compose.yml',
    'Dockerfile.md.txt.dockerignore',
    'app.DockerFile'
  ]

  it.each(accepted)('selects %s, at the root and in a folder', (name) => {
    expect(isDockerfileName(name)).toBe(true)
    expect(selects(name)).toBe(true)
    expect(selects(`images/runner/${name}`)).toBe(true)
  })

  it.each(rejected)('does not select %s', (name) => {
    expect(isDockerfileName(name)).toBe(false)
    expect(selects(name)).toBe(false)
    expect(selects(`images/runner/${name}`)).toBe(false)
  })

  it('agrees with isDockerfileName on every name built from the usual parts', () => {
    const stems = ['', 'app', 'Dockerfile', 'Containerfile', 'x.y', 'My']
    const middles = ['', '.', '-', '_']
    const tails = [
      '',
      'Dockerfile',
      'dockerfile',
      'DockerFile',
      'Containerfile',
      'dev',
      'dockerignore',
      'Dockerfile.dockerignore',
      'md'
    ]
    for (const stem of stems)
      for (const middle of middles)
        for (const tail of tails) {
          const name = `${stem}${middle}${tail}`
          if (name === '' || name.includes('/')) continue
          expect([name, selects(`a/${name}`)]).toEqual([name, isDockerfileName(name)])
        }
  })

  it('does not select files inside a folder named like a Dockerfile', () => {
    expect(selects('Dockerfile/README.md')).toBe(false)
    expect(selects('app.Dockerfile/notes.txt')).toBe(false)
  })
})
