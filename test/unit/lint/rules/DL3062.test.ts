import { describe, expect, it } from '@jest/globals'
import { DL3062 } from '../../../../src/lint/rules/DL3062.js'
import { hitLines } from '../../../helpers/lint.js'

describe('DL3062 pin go package versions', () => {
  // prettier-ignore
  it.each([
    ['RUN go install example.com/pkg', [2]],
    ['RUN go install example.com/pkg@v1.2.3', []],
    ['RUN go install example.com/pkg@latest', [2]],
    ['RUN go install example.com/pkg@none', [2]],
    ['RUN go install -v example.com/pkg@v1.2.3', []],
    ['RUN go install example.com/a@v1 example.com/b', [2]],
    ['RUN go install /go/app/foobar', []],
    ['RUN go install ./app/foobar', []],
    ['RUN go install .', []],
    ['RUN go install ./...', []],
    ['RUN go get example.com/pkg@v1.2.3', []],
    ['RUN go get example.com/pkg', [2]],
    ['RUN go get -tool foobar', [2]],
    ['RUN go get -tool foobar@v1.2.3', []],
    ['RUN go run example.com/pkg', [2]],
    ['RUN go run example.com/pkg@latest', [2]],
    ['RUN go run example.com/pkg@v1.2.3 -foobar', []],
    ['RUN go run example.com/pkg@v1.2.3 foobar', []],
    ['RUN go run example.com/pkg@v1.2.3 --foo bar', []],
    ['RUN go run /go/app/foobar', []],
    ['RUN go run .', []],
    ['RUN go run ./cmd/tool arg', []],
    ['RUN go build ./... && go test ./...', []],
    ['RUN go run ./cmd/gen && go install example.com/pkg', [2]],
    ['RUN cd /src && go install example.com/pkg', [2]],
    ['ONBUILD RUN go install example.com/pkg', [2]],
    ['ONBUILD RUN go install ./app/foobar', []],
    ['ONBUILD RUN go run example.com/pkg@v1.2.3 foobar', []],
    ['RUN ["go", "install", "example.com/pkg"]', [2]]
  ])('%j → lines %j', async (instructions, lines) => {
    expect(await hitLines(DL3062, `FROM golang:1.23\n${instructions}\n`)).toEqual(lines)
  })
})
