// The e2e tier: real tools (git, buildah, podman, dockerd, registry, squid, …).
// A missing tool fails the test with its install hint; nothing is skipped.
import base from './jest.config.js'

export default {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
  testTimeout: 600_000,
  maxWorkers: 1
}
