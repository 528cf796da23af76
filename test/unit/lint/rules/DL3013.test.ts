import { describe, expect, it } from '@jest/globals'
import { DL3013 } from '../../../../src/lint/rules/DL3013.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3013 pin pip packages', () => {
  // prettier-ignore
  it.each([
    ['FROM python:3.12\nRUN pip install requests\n', [2]],
    ['FROM python:3.12\nRUN pip3 install requests==2.32.3 flask\n', [2]],
    ['FROM python:3.12\nRUN python3 -m pip install requests\n', [2]],
    ['FROM python:3.12\nRUN pipx install black\n', [2]],
    ['FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git#egg=repo\n', [2]],
    ['FROM python:3.12\nRUN pip install --no-cache-dir --upgrade requests\n', [2]],
    ['FROM python:3.12\nONBUILD RUN pip install requests\n', [2]],
    ['FROM python:3.12\nRUN pip install requests==2.32.3\n', []],
    ['FROM python:3.12\nRUN pip install "requests>=2.31,<3" "flask~=3.0"\n', []],
    ['FROM python:3.12\nRUN pip install "django!=4.0"\n', []],
    ['FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo\n', []],
    ['FROM python:3.12\nRUN pip install ./dist/app-1.0-py3-none-any.whl\n', []],
    ['FROM python:3.12\nRUN pip install app-1.0.tar.gz\n', []],
    ['FROM python:3.12\nRUN pip install src/app\n', []],
    ['FROM python:3.12\nRUN pip install .\n', []],
    ['FROM python:3.12\nRUN pip install -r requirements.txt\n', []],
    ['FROM python:3.12\nRUN pip install --requirement requirements.txt\n', []],
    ['FROM python:3.12\nRUN pip install -c constraints.txt requests\n', []],
    ['FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple --trusted-host pypi.example.com requests==2.32.3\n', []],
    ['FROM python:3.12\nRUN pip install --target /opt/lib --root-user-action ignore requests==2.32.3\n', []],
    ['FROM python:3.12\nRUN pip install --user requests==2.32.3\n', []],
    ['FROM python:3.12\nRUN pip download requests\n', []],
    ['FROM python:3.12\nRUN pip install --upgrade pip==24.2\n', []],
    ['FROM python:3.12\nONBUILD RUN pip install requests==2.32.3\n', []]
  ])('%j → lines %j', async (dockerfile, lines) => {
    expect(await hitLines(DL3013, dockerfile)).toEqual(lines)
  })
})
