import { describe, expect, it } from '@jest/globals'
import { DL3064 } from '../../../../src/lint/rules/DL3064.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3064 secrets in ARG or ENV', () => {
  // prettier-ignore
  it.each([
    ['ARG foobar\nFROM debian:12\nRUN foobar\n', []],
    ['FROM debian:12\nENV foobar=barfoo\n', []],
    ['ARG openai_api_key\nFROM debian:12\n', [1]],
    ['ARG GITHUB_TOKEN\nFROM debian:12\n', [1]],
    ['FROM debian:12\nARG AWS_ACCESS_KEY_ID\n', [2]],
    ['FROM debian:12\nARG aws_access_key_id=x\n', [2]],
    ['FROM debian:12\nARG TRAVIS_OS_NAME\n', [2]],
    ['FROM debian:12\nENV my_password=abcdefghijklmnopqrstuvwxyz\n', [2]],
    ['FROM debian:12\nENV A=1 DB_PASSWORD=x\n', [2]],
    ['FROM debian:12\nENV Client_Key=x\n', [2]],
    ['FROM debian:12\nENV PRIVATE_REGISTRY=x\n', [2]],
    ['FROM debian:12\nARG SECRET_FILE\n', [2]],
    ['FROM debian:12\nARG USERNAME\n', [2]],
    ['FROM debian:12\nENV AWS_REGION=eu-west-1 PATH=/bin\n', []],
    ['FROM debian:12\nENV KEY=1\n', []],
    ['FROM debian:12\nLABEL token=x\n', []],
    ['FROM debian:12\nRUN export GITHUB_TOKEN=x\n', []],
    ['FROM debian:12\nONBUILD ARG NPM_TOKEN\n', [2]],
    ['FROM debian:12\nONBUILD ENV my_password=x\n', [2]],
    ['FROM debian:12\nONBUILD RUN foobar\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3064, dockerfile)).toEqual(lines)
  })
})
