import { describe, expect, it } from '@jest/globals'
import { DL3060 } from '../../../../src/lint/rules/DL3060.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3060 yarn cache clean missing after yarn install', () => {
  // prettier-ignore
  it.each([
    ['RUN foo', []],
    ['RUN yarn install foo', [2]],
    ['RUN yarn install bar && yarn cache clean', []],
    ['RUN yarn cache clean && yarn install foo', [2]],
    ['RUN yarn install a && yarn cache clean && yarn install b', [2]],
    ['RUN yarn add foo', []],
    ['RUN --mount=type=cache,target=/root/.cache/yarn yarn install foobar', []],
    ['RUN --mount=type=tmpfs,target=/root/.cache/yarn yarn install foobar', []],
    ['RUN --mount=type=cache,target=/home/node/.cache/yarn yarn install foobar', []],
    ['RUN --mount=type=cache,target=/var/lib/foobar yarn install foobar', [2]],
    ['RUN --mount=type=bind,target=/root/.cache/yarn yarn install foobar', [2]],
    ['ONBUILD RUN yarn install foo', [2]],
    ['ONBUILD RUN yarn install foo && yarn cache clean', []],
    ['RUN ["yarn", "install"]', [2]]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL3060, `FROM node:20\n${instructions}\n`)).toEqual(lines)
  })

  // prettier-ignore
  it.each([
    ['in the last stage', 'FROM node:20 AS foo\nRUN hey\nFROM scratch\nRUN yarn install\n', [4]],
    ['in a stage a later FROM builds on', 'FROM node:20 AS foo\nRUN yarn install\nFROM foo\nRUN hey\n', [2]],
    ['in a base stage that cleans up', 'FROM node:20 AS foo\nRUN yarn install && yarn cache clean\nFROM foo\nRUN hey\n', []],
    ['in a stage nothing builds on', 'FROM node:20 AS foo\nRUN yarn install foo\nFROM scratch\nRUN hey\n', []],
    ['in a stage only copied from', 'FROM node:20 AS foo\nRUN yarn install foo\nFROM scratch\nCOPY --from=foo /app /app\n', []],
    ['in an unnamed earlier stage', 'FROM node:20\nRUN yarn install foo\nFROM node:20\nRUN hey\n', []],
    ['ONBUILD in a stage nothing builds on', 'FROM node:20 AS foo\nONBUILD RUN yarn install foo\nFROM scratch\nRUN hey\n', [2]],
    ['before any FROM', 'RUN yarn install\nFROM node:20\n', [1]]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3060, dockerfile)).toEqual(lines)
  })
})
