import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { digestReference, placeholderDigest, renderValues } from '../../../src/deploy/values.js'
import { UserError } from '../../../src/errors.js'

function thrown(action: () => unknown): Error {
  try {
    action()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected an error')
}

const digest = `sha256:${'a'.repeat(64)}`

const template = `# top comment
githubConfigUrl: https://github.com/example
minRunners: 1 # idle runners
maxRunners: 5
template:
  spec:
    containers:
      - name: sidecar
        image: busybox:1.36
      # the runner
      - name: runner
        image: ghcr.io/example/runner:latest # replaced
        command: ['/home/runner/run.sh']
`

describe('renderValues', () => {
  it('sets the runner image to the digest reference and keeps comments and layout', () => {
    const output = renderValues(template, { image: `ghcr.io/example/runner@${digest}` })
    expect(output).toBe(
      template.replace('ghcr.io/example/runner:latest', `ghcr.io/example/runner@${digest}`)
    )
  })

  it('leaves other containers alone and drops a tag given beside the digest', () => {
    const output = renderValues(template, { image: `ghcr.io/example/runner:1.0@${digest}` })
    const values = parse(output) as {
      template: { spec: { containers: Array<{ name: string; image: string }> } }
    }
    expect(values.template.spec.containers).toEqual([
      { name: 'sidecar', image: 'busybox:1.36' },
      {
        name: 'runner',
        image: `ghcr.io/example/runner@${digest}`,
        command: ['/home/runner/run.sh']
      }
    ])
  })

  it('applies the scale set overrides', () => {
    const output = renderValues(template, {
      image: `ghcr.io/example/runner@${digest}`,
      scaleSetName: 'team-a',
      minRunners: 0,
      maxRunners: 3
    })
    expect(parse(output)).toMatchObject({
      runnerScaleSetName: 'team-a',
      minRunners: 0,
      maxRunners: 3
    })
    expect(output).toContain('minRunners: 0 # idle runners')
  })

  it.each(['debian-bookworm', 'rootless-ubuntu-noble', 'ubi9'])(
    'renders deployments/%s.values.yaml, changing only the digest',
    (image) => {
      const text = readFileSync(`deployments/${image}.values.yaml`, 'utf8')
      const output = renderValues(text, { image: `ghcr.io/runnerkit/${image}@${digest}` })
      expect(output).toBe(text.replace(placeholderDigest, digest))
      expect(output).not.toContain(placeholderDigest)
    }
  )

  it.each([
    [
      { image: 'ghcr.io/example/runner:1.0' },
      template,
      /^template\.spec\.containers\[name=runner\]\.image: .* not pinned by digest/
    ],
    [{ image: 'ghcr.io/example/runner' }, template, /not pinned by digest/],
    [{ image: 'ghcr.io/example/runner@sha256:abc' }, template, /digest 'sha256:abc'/],
    [
      { image: `ghcr.io/example/runner@${placeholderDigest}` },
      template,
      /^template\.spec\.containers\[name=runner\]\.image: .* has the placeholder digest \(all zeros\); give the digest the registry reported/
    ],
    [
      { image: `r.io/x@${digest}`, scaleSetName: 'n'.repeat(46) },
      template,
      /^runnerScaleSetName: .* 1 to 45 characters/
    ],
    [
      { image: `r.io/x@${digest}`, minRunners: -1 },
      template,
      /^minRunners: expected a whole number/
    ],
    [
      { image: `r.io/x@${digest}`, maxRunners: 1.5 },
      template,
      /^maxRunners: expected a whole number/
    ],
    [
      { image: `r.io/x@${digest}`, maxRunners: 0 },
      template,
      /^maxRunners: 0 is below minRunners 1/
    ],
    [{ image: `r.io/x@${digest}` }, 'a: [', /^values: not valid YAML/],
    [{ image: `r.io/x@${digest}` }, '- a', /^values: expected a YAML mapping/],
    [{ image: `r.io/x@${digest}` }, 'template: {}', /^template\.spec\.containers: missing/],
    [
      { image: `r.io/x@${digest}` },
      'template:\n  spec:\n    containers:\n      - name: other\n',
      /^template\.spec\.containers: no container named runner/
    ]
  ])('refuses %#: one line naming the key', (options, text, message) => {
    const error = thrown(() => renderValues(text, options))
    expect(error).toBeInstanceOf(UserError)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('\n')
  })
})

describe('digestReference', () => {
  it.each([
    [`ghcr.io/a/b@${digest}`, `ghcr.io/a/b@${digest}`],
    [`ghcr.io/a/b:1@${digest}`, `ghcr.io/a/b@${digest}`],
    [`localhost:5000/b@${digest}`, `localhost:5000/b@${digest}`],
    [`localhost:5000/b:v2@${digest}`, `localhost:5000/b@${digest}`]
  ])('%s → %s', (input, expected) => {
    expect(digestReference(input)).toBe(expected)
  })
})
