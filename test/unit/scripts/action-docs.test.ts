import { describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { format } from 'prettier'
import { parse } from 'yaml'
import {
  actionDocs,
  cellText,
  defaultCell,
  drift,
  inputsTable,
  outputsTable,
  regenerate,
  type ActionManifest
} from '../../../scripts/check/action-docs.js'
import { scratchDir } from '../../helpers/scratch.js'

const fixture = [
  'name: demo',
  'description: a demo action',
  'inputs:',
  '  who:',
  '    description: Whom to greet.',
  '    required: true',
  '  greeting:',
  '    description: >-',
  '      The word to use: hello|hi,',
  '      or anything else.',
  '    default: hello',
  '  separator:',
  '    description: Between the words.',
  '    default: "\\n"',
  '  quiet:',
  "    description: 'Say nothing: true or false.'",
  "    default: 'false'",
  'outputs:',
  '  greeting:',
  '    description: The greeting, e.g. <hello> *world*.',
  'runs:',
  '  using: node24',
  '  main: dist/index.js',
  ''
].join('\n')

const manifest = parse(fixture) as ActionManifest

const expectedInputs = [
  '| input       | required | default | description                                   |',
  '| ----------- | -------- | ------- | --------------------------------------------- |',
  '| `who`       | yes      |         | Whom to greet.                                |',
  '| `greeting`  | no       | `hello` | The word to use: hello\\|hi, or anything else. |',
  '| `separator` | no       | `\\n`    | Between the words.                            |',
  '| `quiet`     | no       | `false` | Say nothing: true or false.                   |'
].join('\n')

const expectedOutputs = [
  '| output     | description                            |',
  '| ---------- | -------------------------------------- |',
  '| `greeting` | The greeting, e.g. \\<hello> \\*world\\*. |'
].join('\n')

const readme = (inputs: string, outputs: string) =>
  [
    '# demo',
    '',
    'Hand-written prose that stays.',
    '',
    '## Inputs',
    '',
    '<!-- runnerkit:inputs:start -->',
    '',
    inputs,
    '',
    '<!-- runnerkit:inputs:end -->',
    '',
    'More prose.',
    '',
    '## Outputs',
    '',
    '<!-- runnerkit:outputs:start -->',
    '',
    outputs,
    '',
    '<!-- runnerkit:outputs:end -->',
    ''
  ].join('\n')

describe('action README tables', () => {
  it('renders the inputs of an action.yml as a table', () => {
    expect(inputsTable(manifest)).toBe(expectedInputs)
  })

  it('renders the outputs of an action.yml as a table', () => {
    expect(outputsTable(manifest)).toBe(expectedOutputs)
  })

  it('lays tables out as prettier does, so the prettier check agrees', async () => {
    const text = readme(expectedInputs, expectedOutputs)
    await expect(format(text, { parser: 'markdown', printWidth: 100 })).resolves.toBe(text)
  })

  it('says so when an action has no inputs or outputs', () => {
    expect(inputsTable({})).toBe('This action has no inputs.')
    expect(outputsTable({ outputs: null })).toBe('This action has no outputs.')
  })

  it.each([
    ['one\n  two\n\nthree', 'one two three'],
    ['a|b', 'a\\|b'],
    ['<file>.bak', '\\<file>.bak'],
    ['*.example.com', '\\*.example.com'],
    ['C:\\dir', 'C:\\\\dir']
  ])('cell text of %j is %j', (description, cell) => {
    expect(cellText(description)).toBe(cell)
  })

  it.each([
    [undefined, ''],
    ['', "`''`"],
    ['a|b', '`a\\|b`'],
    ['${{ github.token }}', '`${{ github.token }}`'],
    ['say `hi`', '`` say `hi` ``'],
    [1000, '`1000`']
  ])('default %j is shown as %j', (value, cell) => {
    expect(defaultCell(value)).toBe(cell)
  })
})

describe('regenerating a README', () => {
  const stale = readme('| input | old |', 'old outputs')

  it('replaces only what is between the markers', () => {
    expect(regenerate(stale, manifest)).toBe(readme(expectedInputs, expectedOutputs))
  })

  it('changes nothing the second time', () => {
    const once = regenerate(stale, manifest)
    expect(regenerate(once, manifest)).toBe(once)
  })

  it('refuses a README without markers', () => {
    expect(() => regenerate('# demo\n', manifest)).toThrow(
      'has no <!-- runnerkit:inputs:start --> … <!-- runnerkit:inputs:end --> markers'
    )
  })
})

describe('drift detection', () => {
  const at = 'actions/demo/README.md'

  it('finds nothing in an up-to-date README', () => {
    expect(drift(readme(expectedInputs, expectedOutputs), manifest, at)).toEqual([])
  })

  it('names the file, the table and the command when a table differs', () => {
    const changed = readme(
      expectedInputs.replace('Whom to greet.', 'Whom to greet!'),
      expectedOutputs
    )
    expect(drift(changed, manifest, at)).toEqual([
      `${at}: the inputs table differs from action.yml; run 'npx tsx scripts/action-docs.ts --write'`
    ])
  })

  it('notices an input added to action.yml', () => {
    const more: ActionManifest = {
      ...manifest,
      inputs: { ...manifest.inputs, loud: { description: 'Shout.' } }
    }
    expect(drift(readme(expectedInputs, expectedOutputs), more, at)).toHaveLength(1)
  })

  it('fails when the markers are missing', () => {
    const withoutOutputs = readme(expectedInputs, expectedOutputs).split('## Outputs')[0] ?? ''
    expect(drift(withoutOutputs, manifest, at)).toEqual([
      `${at}: has no <!-- runnerkit:outputs:start --> … <!-- runnerkit:outputs:end --> markers; ` +
        `add them where the outputs table goes, then run 'npx tsx scripts/action-docs.ts --write'`
    ])
  })

  it('fails on a marker that is doubled, alone or out of order', () => {
    const good = readme(expectedInputs, expectedOutputs)
    const doubled = `${good}<!-- runnerkit:inputs:end -->\n`
    const alone = good.replace('<!-- runnerkit:outputs:end -->', '')
    const reversed = '<!-- runnerkit:inputs:end -->\n<!-- runnerkit:inputs:start -->\n'
    expect(drift(doubled, manifest, at)[0]).toContain('once each (found 1 and 2)')
    expect(drift(alone, manifest, at)[0]).toContain('once each (found 1 and 0)')
    expect(drift(reversed, manifest, at)[0]).toContain(
      'has <!-- runnerkit:inputs:end --> before <!-- runnerkit:inputs:start -->'
    )
  })
})

describe('the action-docs check step', () => {
  function repository(): string {
    const root = scratchDir('action-docs')
    mkdirSync(join(root, 'actions/demo'), { recursive: true })
    mkdirSync(join(root, 'actions/_shared'), { recursive: true })
    writeFileSync(join(root, 'actions/demo/action.yml'), fixture)
    writeFileSync(join(root, 'actions/demo/README.md'), readme(expectedInputs, expectedOutputs))
    return root
  }

  it('passes on README tables that match every action.yml, skipping folders without one', async () => {
    expect(await actionDocs.run(repository())).toEqual([])
  })

  it('names the README when action.yml changed', async () => {
    const root = repository()
    const path = join(root, 'actions/demo/action.yml')
    writeFileSync(path, readFileSync(path, 'utf8').replace('Whom to greet.', 'Who is greeted.'))
    expect(await actionDocs.run(root)).toEqual([
      "actions/demo/README.md: the inputs table differs from action.yml; run 'npx tsx scripts/action-docs.ts --write'"
    ])
  })

  it('checks an action added later, and asks for its README', async () => {
    const root = repository()
    mkdirSync(join(root, 'actions/new-one'))
    writeFileSync(join(root, 'actions/new-one/action.yml'), fixture)
    const problems = await actionDocs.run(root)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^actions\/new-one\/README\.md: missing/)
  })
})
