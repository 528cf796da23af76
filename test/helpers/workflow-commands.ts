/**
 * Parses what an action printed on stdout the way the runner does: `::name k=v,k=v::message`
 * lines become workflow commands, and `::stop-commands::TOKEN` suspends parsing until
 * `::TOKEN::`. Values are unescaped as the runner unescapes them.
 */
export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(value: string): string {
  return unescapeData(value).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stoppedUntil: string | undefined
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line.trimStart())
    if (!match) continue
    const [, command = '', rawProperties, rawMessage = ''] = match
    if (stoppedUntil !== undefined) {
      if (command === stoppedUntil && !rawProperties) stoppedUntil = undefined
      continue
    }
    if (command === 'stop-commands') {
      stoppedUntil = rawMessage
      continue
    }
    const properties: Record<string, string> = {}
    for (const pair of rawProperties ? rawProperties.split(',') : []) {
      const at = pair.indexOf('=')
      if (at > 0) properties[pair.slice(0, at).trim()] = unescapeProperty(pair.slice(at + 1))
    }
    commands.push({ command, properties, message: unescapeData(rawMessage) })
  }
  return commands
}

/**
 * Parses a file-command file (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE): `name<<DELIMITER`
 * heredocs and plain `name=value` lines, as the runner accepts both.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (line === '') continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc
      const body: string[] = []
      index++
      while (index < lines.length && lines[index] !== delimiter) body.push(lines[index++] ?? '')
      if (index >= lines.length)
        throw new Error(`unterminated heredoc for '${name}' in file command`)
      values[name] = body.join('\n')
      continue
    }
    const at = line.indexOf('=')
    if (at <= 0) throw new Error(`malformed file-command line: ${line}`)
    values[line.slice(0, at)] = line.slice(at + 1)
  }
  return values
}
