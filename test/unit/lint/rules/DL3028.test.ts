import { describe, expect, it } from '@jest/globals'
import { DL3028 } from '../../../../src/lint/rules/DL3028.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3028 pin gem versions', () => {
  // prettier-ignore
  it.each([
    ['FROM ruby:3.3\nRUN gem install rails\n', [2]],
    ['FROM ruby:3.3\nRUN gem i rails\n', [2]],
    ['FROM ruby:3.3\nRUN gem install rails:7.2.1 puma\n', [2]],
    ['FROM ruby:3.3\nRUN gem install --source=https://gems.example.com rails\n', [2]],
    ['FROM ruby:3.3\nONBUILD RUN gem install rails\n', [2]],
    ['FROM ruby:3.3\nRUN gem install rails:7.2.1\n', []],
    ['FROM ruby:3.3\nRUN gem install rails:7.2.1 puma:6.4.3\n', []],
    ['FROM ruby:3.3\nRUN gem install rails -v 7.2.1\n', []],
    ['FROM ruby:3.3\nRUN gem install rails --version 7.2.1\n', []],
    ['FROM ruby:3.3\nRUN gem install rails --version=7.2.1\n', []],
    ['FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries\n', []],
    ['FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 --platform ruby\n', []],
    ['FROM ruby:3.3\nRUN gem update --system\n', []],
    ['FROM ruby:3.3\nRUN bundle install\n', []],
    ['FROM ruby:3.3\nONBUILD RUN gem install rails:7.2.1\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3028, dockerfile)).toEqual(lines)
  })
})
