/**
 * image-promote's committed bundle, run the way the runner runs it, on inputs that are refused
 * before any request: no registry is needed (test/e2e/image-promote.test.ts promotes for real).
 */
import { describe, expect, it } from '@jest/globals'
import { readManifest, runAction } from '../helpers/run-action.js'

// Port 1 on loopback: nothing listens, so a request that should not happen would fail loudly.
const source = '127.0.0.1:1/team/app:sha-0123abc'

describe('image-promote refuses bad inputs with one line naming the input', () => {
  it.each([
    ['source', { source: '' }, "input 'source'"],
    ['source', { source: 'Team App:1' }, "input 'source'"],
    ['tags', { tags: '' }, "input 'tags'"],
    ['tags', { tags: '1.2.3, -bad' }, "input 'tags': tag '-bad'"],
    ['tags', { tags: 'type=nope,value=1' }, "input 'tags'"],
    ['destination', { destination: 'registry.example.com/app:1.0' }, "input 'destination'"],
    ['insecure-registries', { 'insecure-registries': 'not a host' }, "input 'insecure-registries'"],
    ['immutable-tags', { 'immutable-tags': 'maybe' }, "input 'immutable-tags'"],
    ['auth-file', { 'auth-file': '/nonexistent/config.json' }, "input 'auth-file'"],
    ['username', { password: 'hunter2hunter2' }, "input 'username'"],
    ['password', { username: 'octocat' }, "input 'password'"]
  ])('%s: %j', async (_name, inputs, expected) => {
    const run = await runAction('image-promote', {
      inputs: { source, tags: '1.2.3', ...inputs }
    })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.message).toContain(expected)
    expect(run.errors[0]?.message).not.toContain('\n')
    expect(run.outputs).toEqual({})
    expect(run.summary).toBe('')
    expect(run.stderr).toBe('')
  })
})

describe('image-promote credentials', () => {
  it('masks the password before anything else is printed, and never prints it', async () => {
    const password = 'ghp_secretValueThatMustNeverBePrinted01'
    const run = await runAction('image-promote', {
      inputs: { source, tags: '-bad', username: 'octocat', password }
    })
    expect(run.exitCode).toBe(1)
    expect(run.masks).toEqual([password])
    expect(run.stdout.indexOf('::add-mask::')).toBe(0)
    expect(run.stdout.split(password)).toHaveLength(2)
    expect(run.stderr).not.toContain(password)
  })

  it('declares no post step: credentials stay in memory', () => {
    expect(readManifest('image-promote').runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })
})
