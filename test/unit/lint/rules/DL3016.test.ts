import { describe, expect, it } from '@jest/globals'
import { DL3016 } from '../../../../src/lint/rules/DL3016.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3016 pin npm packages', () => {
  // prettier-ignore
  it.each([
    ['FROM node:22\nRUN npm install express\n', [2]],
    ['FROM node:22\nRUN npm install -g typescript\n', [2]],
    ['FROM node:22\nRUN npm install express@4.21.0 lodash\n', [2]],
    ['FROM node:22\nRUN npm install @types/node\n', [2]],
    ['FROM node:22\nRUN npm install git+https://github.com/org/repo.git\n', [2]],
    ['FROM node:22\nRUN npm install --registry https://npm.example.com express\n', [2]],
    ['FROM node:22\nRUN npm install --registry=https://npm.example.com express\n', [2]],
    ['FROM node:22\nONBUILD RUN npm install express\n', [2]],
    ['FROM node:22\nRUN npm install\n', []],
    ['FROM node:22\nRUN npm install --omit=dev\n', []],
    ['FROM node:22\nRUN npm install express@4.21.0\n', []],
    ['FROM node:22\nRUN npm install -g "typescript@~5.6"\n', []],
    ['FROM node:22\nRUN npm install @types/node@22.7.4\n', []],
    ['FROM node:22\nRUN npm install git+https://github.com/org/repo.git#v1.0.0\n', []],
    ['FROM node:22\nRUN npm install ./vendor/lib ../shared /opt/pkg ~/pkg\n', []],
    ['FROM node:22\nRUN npm install lib-1.0.0.tgz lib.tar lib.tar.gz\n', []],
    ['FROM node:22\nRUN npm install --registry https://npm.example.com express@4.21.0\n', []],
    ['FROM node:22\nRUN npm run install\n', []],
    ['FROM node:22\nRUN npm ci\n', []],
    ['FROM node:22\nONBUILD RUN npm install express@4.21.0\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3016, dockerfile)).toEqual(lines)
  })
})
