import type { UserError } from '../errors.js'
import { payloadValue } from './context.js'
import { assertTimeZone, formatDate } from './date-format.js'
import { branchOf, pullRequestOf, shortSha, tagOf } from './refs.js'
import {
  TemplateError,
  expectNoArguments,
  renderTemplate,
  type TemplateExpression,
  type TemplateFunction
} from './template.js'

/** What the global expressions read. */
export interface ExpressionContext {
  eventName: string
  ref: string
  /** The described sha (PR head when that option is on). */
  sha: string
  payload: Record<string, unknown>
  shortShaLength: number
  now: Date
  commitDate: Date
  /** Turn quirks metadata-action tolerates (an unquoted date format) into errors. */
  strict: boolean
}

// These events always run on the default branch's last commit, whatever `ref` says.
const defaultBranchEvents = [/create/, /discussion/, /issues/, /schedule/]

export function isDefaultBranch(context: ExpressionContext): boolean {
  // metadata-action strips only refs/heads/, so tags and PR refs never equal the default branch.
  const branch = context.ref.replace(/^refs\/heads\//, '')
  if (branch === '') return false
  if (payloadValue(context.payload, 'repository', 'default_branch') === branch) return true
  return defaultBranchEvents.some((pattern) => pattern.test(context.eventName))
}

/**
 * `{{base_ref}}`: on tags the push payload's base_ref (unreliable, kept for compatibility),
 * on pull requests the base branch, otherwise empty.
 */
function baseRef(context: ExpressionContext): string {
  const pushBase = payloadValue(context.payload, 'base_ref')
  if (tagOf(context.ref) !== undefined && typeof pushBase === 'string') {
    return pushBase.replace(/^refs\/heads\//, '')
  }
  const prBase = payloadValue(context.payload, 'pull_request', 'base', 'ref')
  if (pullRequestOf(context.ref) !== undefined && typeof prBase === 'string') return prBase
  return ''
}

type Warn = (message: string) => void

function dateExpression(date: Date, context: ExpressionContext, warn: Warn): TemplateFunction {
  return (expression: TemplateExpression) => {
    let timeZone = 'UTC'
    for (const [key, value] of Object.entries(expression.hash)) {
      if (key !== 'tz') {
        throw new TemplateError(`'${expression.source}': unknown attribute '${key}' (only tz=)`)
      }
      if (value.kind !== 'string') {
        throw new TemplateError(`'${expression.source}': quote the time zone, e.g. tz='Asia/Tokyo'`)
      }
      timeZone = value.value
    }
    if (expression.args.length > 1) {
      throw new TemplateError(
        `'${expression.source}' takes one format, e.g. {{${expression.name} 'YYYYMMDD'}}`
      )
    }
    const format = expression.args[0]
    let formatText: string | undefined
    if (format?.kind === 'string') {
      formatText = format.value
    } else if (format?.kind === 'path') {
      // Handlebars reads a bare word as a variable, finds nothing and moment falls back to
      // its ISO 8601 default: keep that result, but say so.
      const message = `'${expression.source}': the format is not quoted, so it is ignored and ISO 8601 is used; write {{${expression.name} '${format.name}'}}`
      if (context.strict) throw new TemplateError(message)
      warn(message)
    } else if (format !== undefined) {
      throw new TemplateError(`'${expression.source}': the format must be a quoted string`)
    }
    try {
      assertTimeZone(timeZone)
    } catch (error) {
      throw new TemplateError(`'${expression.source}': ${(error as UserError).message}`)
    }
    return formatDate(date, formatText, timeZone)
  }
}

function simple(value: () => string): TemplateFunction {
  return (expression) => {
    expectNoArguments(expression)
    return value()
  }
}

/** The global expressions of metadata-action, bound to one context. */
export function globalExpressions(
  context: ExpressionContext,
  warn: Warn
): Record<string, TemplateFunction> {
  return {
    branch: simple(() => branchOf(context.ref) ?? ''),
    tag: simple(() => tagOf(context.ref) ?? ''),
    sha: simple(() => shortSha(context.sha, context.shortShaLength)),
    base_ref: simple(() => baseRef(context)),
    is_default_branch: simple(() => String(isDefaultBranch(context))),
    is_not_default_branch: simple(() => String(!isDefaultBranch(context))),
    date: dateExpression(context.now, context, warn),
    commit_date: dateExpression(context.commitDate, context, warn)
  }
}

/**
 * Renders a template with the global expressions plus `extra` (e.g. the semver parts of a
 * pattern). `where` names the input for messages.
 */
export function renderExpressions(
  template: string,
  context: ExpressionContext,
  where: string,
  warn: Warn,
  extra: Record<string, TemplateFunction> = {}
): string {
  const functions = {
    ...globalExpressions(context, (message) => warn(`${where}: ${message}`)),
    ...extra
  }
  return renderTemplate(template, functions, where)
}
