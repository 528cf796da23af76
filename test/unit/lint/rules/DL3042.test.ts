import { describe, expect, it } from '@jest/globals'
import { DL3042 } from '../../../../src/lint/rules/DL3042.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3042 pip install without --no-cache-dir', () => {
  // prettier-ignore
  it.each([
    ['RUN pip install flask==3.0', [2]],
    ['RUN pip2 install MySQL_python', [2]],
    ['RUN pip3 install --upgrade pip', [2]],
    ['RUN python3 -m pip install flask', [2]],
    ['RUN pip install --no-cache-dir flask', []],
    ['RUN pip3 install flask --no-cache-dir', []],
    ['RUN python -m pip install --no-cache-dir flask', []],
    ['RUN pip freeze', []],
    ['RUN pipx install black', []],
    ['RUN pipenv install requests', []],
    ['RUN python3 -m pipx install black', []],
    ['RUN PIP_NO_CACHE_DIR=1 pip install flask', []],
    ['RUN export PIP_NO_CACHE_DIR=yes && pip install flask', []],
    ['RUN PIP_NO_CACHE_DIR=0 pip install flask', [2]],
    ['RUN export PIP_NO_CACHE_DIR=off && pip install flask', [2]],
    ['RUN --mount=type=cache,target=/root/.cache/pip pip install flask', []],
    ['RUN --mount=type=bind,target=/root/.cache/pip pip install flask', [2]],
    ['ONBUILD RUN pip install flask', [2]],
    ['ONBUILD RUN pip install --no-cache-dir flask', []]
  ])('%j → lines %j', async (run, lines) => {
    expect(await hitLines(DL3042, `FROM python:3.12\n${run}\n`)).toEqual(lines)
  })

  // prettier-ignore
  it.each([
    ['ENV on', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n', []],
    ['ENV true', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=true\nRUN pip install flask\n', []],
    ['ENV off', 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n', [3]],
    ['ENV after the RUN', 'FROM python:3.12\nRUN pip install flask\nENV PIP_NO_CACHE_DIR=1\n', [2]],
    ['ENV of the parent stage', 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six\n', []],
    ['ENV of an unrelated stage', 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install six\n', [4]],
    ['ONBUILD ENV for ONBUILD RUN', 'FROM python:3.12\nONBUILD ENV PIP_NO_CACHE_DIR=1\nONBUILD RUN pip install six\n', []]
  ])('%s', async (_title, dockerfile, lines) => {
    expect(await hitLines(DL3042, dockerfile)).toEqual(lines)
  })
})
