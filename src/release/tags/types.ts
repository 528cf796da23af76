import { expectNoArguments, type TemplateFunction } from '../template.js'

/** What a tag entry sees when it is evaluated. */
export interface TagEvaluation {
  eventName: string
  ref: string
  /** The described sha and its short form. */
  sha: string
  shortSha: string
  /** The repository's default branch (from the REST API), for type=edge. */
  defaultBranch: string
  /** Opt-in: prefix removed from type=ref,event=tag values ('' = off). */
  stripTagPrefix: string
  /** Renders a template with the global expressions (plus `extra`), naming the entry on errors. */
  render(template: string, extra?: Record<string, TemplateFunction>): string
  /** A problem that does not drop the entry: a warning, or an error in strict mode. */
  report(message: string): void
}

export type TagOutcome =
  /** The entry does not apply to this event. */
  | { kind: 'skip' }
  /** A tag value (before prefix/suffix) and whether it moves `latest` under latest=auto. */
  | { kind: 'value'; value: string; latest: boolean }
  /** The entry applies but its input is not usable: dropped with a warning, or an error in strict mode. */
  | { kind: 'invalid'; reason: string }

export const skip: TagOutcome = { kind: 'skip' }

/** Template functions that return fixed strings, e.g. the parts of a version. */
export function constants(values: Record<string, string>): Record<string, TemplateFunction> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]): [string, TemplateFunction] => [
      name,
      (expression) => {
        expectNoArguments(expression)
        return value
      }
    ])
  )
}
