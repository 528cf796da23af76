/** What the admin expects of a runner, from inputs or flags, with every default in one place. */
import { UserError } from '../errors.js'
import type { Expectations, SudoExpectation } from './checks/check.js'
import { defaultPrivilegedGroups } from './checks/check.js'

export interface ExpectationInputs {
  user?: string
  uid?: string
  rootless?: boolean
  privilegedGroups?: string[]
  sudo?: string
  pathDirs?: string[]
  podMtu?: string
  mtuMargin?: string
}

/** Every expectation with its default; errors name the option (expected-uid, sudo, …). */
export function expectationsFrom(inputs: ExpectationInputs): Expectations {
  const whole = (name: string, text: string | undefined, fallback: number | undefined, min = 0) => {
    const value = (text ?? '').trim()
    if (value === '') return fallback
    if (!/^\d+$/.test(value) || Number(value) < min) {
      throw new UserError(
        `${name}: expected a whole number${min > 0 ? ` ≥ ${min}` : ''}, got '${value}'`
      )
    }
    return Number(value)
  }
  const sudo = (inputs.sudo ?? '').trim() || 'denied'
  if (!['absent', 'denied', 'any'].includes(sudo)) {
    throw new UserError(`sudo: expected absent, denied or any, got '${sudo}'`)
  }
  const podMtu = whole('pod-mtu', inputs.podMtu, undefined, 576)
  return {
    user: (inputs.user ?? '').trim() || 'runner',
    uid: whole('expected-uid', inputs.uid, 1000) as number,
    rootless: inputs.rootless ?? true,
    privilegedGroups:
      inputs.privilegedGroups !== undefined && inputs.privilegedGroups.length > 0
        ? inputs.privilegedGroups
        : defaultPrivilegedGroups,
    sudo: sudo as SudoExpectation,
    pathDirs:
      inputs.pathDirs !== undefined && inputs.pathDirs.length > 0
        ? inputs.pathDirs
        : ['/usr/local/bin', '/usr/bin', '/bin'],
    ...(podMtu !== undefined && { podMtu }),
    mtuMargin: whole('mtu-margin', inputs.mtuMargin, 50) as number
  }
}
