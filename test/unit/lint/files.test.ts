import { describe, expect, it } from '@jest/globals'
import { isDockerfileName } from '../../../src/lint/files.js'

describe('isDockerfileName', () => {
  it.each(['Dockerfile', 'Containerfile', 'app.Dockerfile', 'x.dockerfile', 'Dockerfile.dev'])(
    '%s is a Dockerfile when a folder is searched',
    (name) => expect(isDockerfileName(name)).toBe(true)
  )

  it.each(['Dockerfile.dockerignore', 'Dockerfile.snippet', 'README.md', 'containers.conf'])(
    '%s is not (an ignore file, mirror-config output to paste, other files)',
    (name) => expect(isDockerfileName(name)).toBe(false)
  )
})
