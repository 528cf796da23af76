/**
 * RUN scripts → commands, with tree-sitter-bash (wasm, error-tolerant, positions kept).
 * Commands are found in source order anywhere in the script: in pipelines, lists, subshells,
 * `{ }`, `if`/`for`/`while` bodies and `$(…)`. A heredoc fed to a shell (`bash <<EOF`) is a
 * script too, and its commands count: hadolint drops such bodies (its #1137); we lint them.
 */
import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { Language, Parser, type Node, type TreeCursor } from 'web-tree-sitter'
import { locateAsset } from './assets.js'

export interface ShellCommand {
  /** The command name as written, quotes removed (`apt-get`, `/usr/bin/pip3`, `export`). */
  name: string
  /** The arguments, normalised as hadolint does: quotes removed, `$X` and `${X}` as `${X}`. */
  args: string[]
  /** 0-based row and column of the command in the script. */
  row: number
  column: number
}

export interface ShellScript {
  commands: ShellCommand[]
  /** Whether a pipeline (`a | b`) appears anywhere. */
  hasPipe: boolean
  /** False when tree-sitter had to recover from a syntax error; the commands are partial. */
  clean: boolean
}

/** Shells whose heredoc input is itself a script (`bash <<EOF`). */
const shells = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox'])

let parser: Parser | undefined

/**
 * For short runs: compile the grammar with V8's baseline wasm compiler only. V8 otherwise also
 * optimises the 1.4 MB grammar in the background, and the process cannot exit until that is
 * done: about a second of a ten-file lint. Optimised code parses about 30% faster, which pays
 * off only past several hundred files. Takes effect only before the grammar is loaded.
 */
export function preferQuickStart(): void {
  if (parser) return
  try {
    setFlagsFromString('--liftoff-only')
  } catch {
    // Not every runtime accepts V8 flags at run time; then we simply start slower.
  }
}

/** Loads the wasm runtime and the bash grammar once per process. */
export async function initShellParser(): Promise<void> {
  if (parser) return
  await Parser.init({
    locateFile: (file: string) => locateAsset(file, 'web-tree-sitter')
  })
  const grammar = readFileSync(locateAsset('tree-sitter-bash.wasm', 'tree-sitter-bash'))
  const language = await Language.load(new Uint8Array(grammar))
  const ready = new Parser()
  ready.setLanguage(language)
  parser = ready
}

function unquote(text: string): string {
  // Most words have no backslash; skipping the regex for them is measurable.
  return text.includes('\\') ? text.replace(/\\(.)/gs, '$1') : text
}

/** The text hadolint's rules compare: quotes gone, expansions as `${NAME}`. */
export function wordText(node: Node): string {
  switch (node.type) {
    case 'word':
    case 'number':
      return unquote(node.text)
    case 'raw_string':
      return node.text.slice(1, -1)
    case 'ansi_c_string':
      return node.text.slice(2, -1)
    case 'string':
    case 'translated_string':
    case 'concatenation':
      return node.namedChildren.map((child) => (child ? wordText(child) : '')).join('')
    case 'string_content':
      return node.text.replace(/\\([$`"\\\n])/g, '$1')
    case 'simple_expansion':
    case 'expansion': {
      const name = node.namedChildren.find(
        (child) => child?.type === 'variable_name' || child?.type === 'special_variable_name'
      )
      return `\${${name ? name.text : node.text.replace(/^\$\{?|\}$/g, '')}}`
    }
    case 'command_substitution':
      return `\${${node.text.replace(/^\$\(|\)$|^`|`$/g, '').replace(/\s+/g, '')}}`
    case 'arithmetic_expansion':
      return '${VAR}'
    default:
      return node.text
  }
}

/**
 * The text of the cursor's node. Plain words are sliced from the script directly: creating a
 * Node for each (a wasm round trip) is what dominates the cost of reading arguments.
 */
function cursorText(cursor: TreeCursor, source: string): string {
  const type = cursor.nodeType
  if (type === 'word' || type === 'number')
    return unquote(source.slice(cursor.startIndex, cursor.endIndex))
  if (type === 'command_name' && cursor.gotoFirstChild()) {
    const text = cursorText(cursor, source)
    cursor.gotoParent()
    return text
  }
  return wordText(cursor.currentNode)
}

function commandOf(node: Node, source: string): ShellCommand | undefined {
  const type = node.type
  if (type !== 'command' && type !== 'declaration_command' && type !== 'unset_command')
    return undefined
  const { row, column } = node.startPosition
  const cursor = node.walk()
  let name: string | undefined
  const args: string[] = []
  if (cursor.gotoFirstChild()) {
    do {
      if (type === 'command') {
        const field = cursor.currentFieldName
        if (field === 'name') name = cursorText(cursor, source)
        else if (field === 'argument') args.push(cursorText(cursor, source))
      } else if (name === undefined) {
        // `export`, `declare`, `unset`…: the keyword is the first (anonymous) child.
        name = source.slice(cursor.startIndex, cursor.endIndex)
      } else if (cursor.currentNode.isNamed) {
        args.push(cursorText(cursor, source))
      }
    } while (cursor.gotoNextSibling())
  }
  cursor.delete()
  return name === undefined ? undefined : { name, args, row, column }
}

/** A heredoc body given to a shell without `-c`: a nested script. */
function shellHeredoc(statement: Node): Node | undefined {
  const command = statement.childForFieldName('body')
  if (command?.type !== 'command') return undefined
  const name = command.childForFieldName('name')?.text.replace(/^.*\//, '') ?? ''
  const args = command.childrenForFieldName('argument').map((child) => child?.text ?? '')
  if (!shells.has(name) || args.includes('-c')) return undefined
  for (const redirect of statement.childrenForFieldName('redirect')) {
    if (redirect?.type !== 'heredoc_redirect') continue
    const body = redirect.namedChildren.find((child) => child?.type === 'heredoc_body')
    if (body) return body
  }
  return undefined
}

const wantedTypes = ['command', 'declaration_command', 'unset_command', 'pipeline']

function collect(
  root: Node,
  source: string,
  rowOffset: number,
  columnOffset: number,
  script: ShellScript
): void {
  // Found inside wasm, in document order (the order rules expect commands in): walking every
  // node from JavaScript costs more than the parse itself.
  for (const node of root.descendantsOfType(wantedTypes)) {
    if (!node) continue
    if (node.type === 'pipeline') {
      script.hasPipe = true
      continue
    }
    const command = commandOf(node, source)
    if (!command) continue
    script.commands.push({
      ...command,
      row: command.row + rowOffset,
      column: command.row === 0 ? command.column + columnOffset : command.column
    })
    // A heredoc fed to a shell: its commands follow the shell command itself.
    const parent = node.parent
    if (
      parent?.type === 'redirected_statement' &&
      parent.childForFieldName('body')?.id === node.id
    ) {
      const body = shellHeredoc(parent)
      if (body) parseInto(body.text, script, body.startPosition.row + rowOffset, 0)
    }
  }
}

function parseInto(text: string, script: ShellScript, rowOffset = 0, columnOffset = 0): void {
  if (!parser) throw new Error('initShellParser() must be awaited before parseShell()')
  const tree = parser.parse(text)
  if (!tree) return
  if (tree.rootNode.hasError) script.clean = false
  collect(tree.rootNode, text, rowOffset, columnOffset, script)
  tree.delete()
}

/** Parses a script; call initShellParser() once first. */
export function parseShell(text: string): ShellScript {
  const script: ShellScript = { commands: [], hasPipe: false, clean: true }
  parseInto(text, script)
  return script
}
