import { commandsOf, isFlag } from '../helpers/commands.js'
import { baseName, copyPaths, isArchive } from '../helpers/packages-a.js'
import type { ShellCommand } from '../../dockerfile/shell.js'
import type { LintInstruction, Rule } from '../rule.js'

const decompressors = new Set([
  'unzip',
  'gunzip',
  'bunzip2',
  'unlzma',
  'unxz',
  'zgz',
  'uncompress',
  'zcat',
  'gzcat'
])

function extracts(command: ShellCommand): boolean {
  if (decompressors.has(command.name)) return true
  if (command.name !== 'tar') return false
  return command.args.some(
    (arg) => arg === '--extract' || arg === '--get' || (arg.startsWith('-') && arg.includes('x'))
  )
}

/** Archives a COPY brings in: the target when it names an archive, else the archive sources. */
function copiedArchives(instruction: LintInstruction): string[] {
  if (instruction.flags.some((flag) => flag.name === 'from')) return []
  const paths = copyPaths(instruction)
  if (!paths) return []
  if (isArchive(paths.target)) return [baseName(paths.target)]
  return paths.sources.filter(isArchive).map(baseName)
}

/**
 * COPY of an archive followed by unpacking it in a RUN keeps the archive in a layer for
 * nothing; ADD unpacks local archives in one step. Reported on the COPY line.
 */
export const DL3010: Rule = {
  meta: {
    code: 'DL3010',
    severity: 'info',
    message: 'Use ADD to unpack a local archive instead of COPY followed by extracting it in RUN'
  },
  create(context) {
    /** Archive base name → the COPY lines that brought it in this stage. */
    let archives = new Map<string, Set<number>>()
    /** Each (COPY line, archive) extracted later in its stage, reported at the end. */
    const extracted = new Map<string, number>()
    return {
      check(instruction) {
        switch (instruction.keyword) {
          case 'FROM':
            archives = new Map()
            return
          case 'COPY':
            for (const name of copiedArchives(instruction)) {
              const lines = archives.get(name) ?? new Set<number>()
              lines.add(instruction.line)
              archives.set(name, lines)
            }
            return
          case 'RUN':
            if (archives.size === 0) return
            for (const command of commandsOf(instruction)) {
              if (!extracts(command)) continue
              for (const arg of command.args) {
                if (isFlag(arg)) continue
                for (const line of archives.get(baseName(arg)) ?? [])
                  extracted.set(`${line} ${baseName(arg)}`, line)
              }
            }
        }
      },
      end() {
        for (const line of extracted.values()) context.report(line)
      }
    }
  }
}
