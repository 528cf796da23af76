/**
 * Sets top-level keys in a YAML mapping (.yarnrc.yml, pnpm's config.yaml) through the yaml
 * package's Document API, so comments, key order and the user's other settings survive. A key
 * that already holds our value is left untouched (its quoting too); list additions keep the
 * user's entries and add ours once. merge(merge(x)) === merge(x).
 */
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLSeq, type Document } from 'yaml'
import { UserError } from '../../errors.js'

export interface YamlMergeOptions {
  /** Strings to add to top-level lists (created when missing), keeping the user's entries. */
  addToLists?: Readonly<Record<string, readonly string[]>>
  /** For messages: the file. */
  file?: string
}

export type YamlValue = string | number | boolean

export function mergeYaml(
  existing: string | undefined,
  values: Readonly<Record<string, YamlValue>>,
  options: YamlMergeOptions = {}
): string {
  const file = options.file ?? 'YAML file'
  const document: Document = parseDocument(existing ?? '')
  if (document.errors.length > 0) {
    throw new UserError(
      `${file}: not valid YAML (${document.errors[0]!.message.split('\n')[0]}); fix or remove it and run again`
    )
  }
  if (
    document.contents === null ||
    (isScalar(document.contents) && document.contents.value === null)
  ) {
    document.contents = document.createNode({})
  }
  const root = document.contents
  if (!isMap(root)) throw new UserError(`${file}: expected a mapping (key: value) at the top`)

  const scalar = (value: YamlValue) => {
    const node = new Scalar(value)
    if (typeof value === 'string') node.type = Scalar.QUOTE_DOUBLE
    return node
  }
  for (const [key, value] of Object.entries(values)) {
    const current = root.get(key, true)
    if (isScalar(current) && current.value === value) continue
    root.set(key, scalar(value))
  }
  for (const [key, additions] of Object.entries(options.addToLists ?? {})) {
    let current: unknown = root.get(key, true)
    if (current === undefined || (isScalar(current) && current.value === null)) {
      current = new YAMLSeq()
      root.set(key, current)
    } else if (isScalar(current)) {
      const seq = new YAMLSeq()
      seq.items.push(current)
      root.set(key, seq)
      current = seq
    }
    if (!isSeq(current)) throw new UserError(`${file}: ${key}: expected a list`)
    const seq = current
    const present = seq.items.map((item) => (isScalar(item) ? String(item.value) : undefined))
    for (const addition of additions) {
      if (!present.includes(addition)) {
        seq.items.push(scalar(addition))
        present.push(addition)
      }
    }
  }
  return document.toString()
}
