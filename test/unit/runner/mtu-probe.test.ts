import { describe, expect, it } from '@jest/globals'
import type { CommandResult } from '../../../src/runner/checks/check.js'
import {
  parseLinkMtu,
  parsePing,
  parseRouteGet,
  parseTracepath,
  pathMtuRemedy,
  probePathMtu,
  type Exec
} from '../../../src/runner/mtu/probe.js'

// Outputs captured from the netns topology of reference §7.2 (cli–r1–r2–srv, middle link 1450).
const pingFragNeeded = {
  code: 1,
  stdout: [
    'PING 10.200.3.2 (10.200.3.2) 1472(1500) bytes of data.',
    'From 10.200.1.1 icmp_seq=1 Frag needed and DF set (mtu = 1450)',
    '',
    '--- 10.200.3.2 ping statistics ---',
    '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1010ms',
    ''
  ].join('\n'),
  stderr: 'ping: local error: message too long, mtu=1450\n'
}
const pingLocalError = {
  code: 1,
  stdout: [
    'PING 10.200.3.2 (10.200.3.2) 1472(1500) bytes of data.',
    '',
    '--- 10.200.3.2 ping statistics ---',
    '2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1017ms'
  ].join('\n'),
  stderr:
    'ping: local error: message too long, mtu=1450\nping: local error: message too long, mtu=1450\n'
}
const pingSilent = {
  code: 1,
  stdout: [
    'PING 10.200.3.2 (10.200.3.2) 1472(1500) bytes of data.',
    '',
    '--- 10.200.3.2 ping statistics ---',
    '2 packets transmitted, 0 received, 100% packet loss, time 1002ms'
  ].join('\n'),
  stderr: ''
}
const pingOk = {
  code: 0,
  stdout: [
    'PING 10.200.3.2 (10.200.3.2) 1422(1450) bytes of data.',
    '1430 bytes from 10.200.3.2: icmp_seq=1 ttl=62 time=0.102 ms',
    '1430 bytes from 10.200.3.2: icmp_seq=2 ttl=62 time=0.103 ms',
    '',
    '--- 10.200.3.2 ping statistics ---',
    '2 packets transmitted, 2 received, 0% packet loss, time 1019ms',
    'rtt min/avg/max/mdev = 0.102/0.102/0.103/0.000 ms'
  ].join('\n'),
  stderr: ''
}
const pingNoSocket = {
  code: 2,
  stdout: '',
  stderr: 'ping: socket: Operation not permitted\n'
}

const tracepathHealthy = [
  ' 1?: [LOCALHOST]                      pmtu 1500',
  ' 1:  10.200.1.1                                            0.158ms ',
  ' 1:  10.200.1.1                                            0.017ms ',
  ' 2:  10.200.1.1                                            0.033ms pmtu 1450',
  ' 2:  10.200.2.2                                            0.064ms ',
  ' 3:  10.200.3.2                                            0.059ms reached',
  '     Resume: pmtu 1450 hops 3 back 3 ',
  ''
].join('\n')
const tracepathBlackHole = [
  ' 1?: [LOCALHOST]                      pmtu 1500',
  ' 1:  10.200.1.1                                            0.078ms ',
  ' 1:  10.200.1.1                                            0.012ms ',
  ' 2:  no reply',
  ' 3:  no reply',
  ' 4:  no reply',
  '     Too many hops: pmtu 1500',
  '     Resume: pmtu 1500 ',
  ''
].join('\n')
const tracepathSmall = [
  ' 1:  10.200.1.1                                            0.120ms ',
  ' 2:  10.200.2.2                                            0.034ms ',
  ' 3:  10.200.3.2                                            0.026ms reached',
  '     Resume: pmtu 552 hops 3 back 3 ',
  ''
].join('\n')

describe('parsePing', () => {
  it.each([
    [
      'frag needed',
      pingFragNeeded,
      {
        transmitted: 2,
        received: 0,
        fragNeededFrom: '10.200.1.1',
        fragNeededMtu: 1450,
        localErrorMtu: 1450
      }
    ],
    ['local error', pingLocalError, { transmitted: 2, received: 0, localErrorMtu: 1450 }],
    ['silent loss', pingSilent, { transmitted: 2, received: 0 }],
    ['replies', pingOk, { transmitted: 2, received: 2 }],
    [
      'no raw socket',
      pingNoSocket,
      { transmitted: 0, received: 0, error: 'ping: socket: Operation not permitted' }
    ]
  ])('%s', (_name, result, expected) => {
    expect(parsePing(result)).toEqual(expected)
  })
})

describe('parseTracepath', () => {
  it('a healthy path: the pmtu drops at hop 2 and the host is reached', () => {
    const parsed = parseTracepath(tracepathHealthy)
    expect(parsed).toMatchObject({ localPmtu: 1500, reached: true, resumePmtu: 1450, hopCount: 3 })
    expect(parsed.hops.filter((hop) => hop.pmtu !== undefined)).toEqual([
      { hop: 2, address: '10.200.1.1', pmtu: 1450, reached: false, noReply: false }
    ])
  })
  it('a black hole: no reply after hop 1, pmtu stays 1500', () => {
    const parsed = parseTracepath(tracepathBlackHole)
    expect(parsed).toMatchObject({ localPmtu: 1500, reached: false, resumePmtu: 1500 })
    expect(parsed.hopCount).toBeUndefined()
    expect(parsed.hops.map((hop) => [hop.hop, hop.address, hop.noReply])).toEqual([
      [1, '10.200.1.1', false],
      [1, '10.200.1.1', false],
      [2, undefined, true],
      [3, undefined, true],
      [4, undefined, true]
    ])
  })
})

describe('parseRouteGet and parseLinkMtu', () => {
  it.each([
    ['10.200.3.2 via 10.200.1.1 dev c-r1 src 10.200.1.2 uid 0 \\    cache ', { device: 'c-r1' }],
    [
      '10.200.3.2 via 10.200.1.1 dev c-r1 src 10.200.1.2 uid 0 \\    cache expires 596sec mtu 1450 ',
      { device: 'c-r1', cachedMtu: 1450 }
    ],
    ['RTNETLINK answers: Network is unreachable', {}]
  ])('%s', (text, expected) => {
    expect(parseRouteGet(text)).toEqual(expected)
  })
  it('reads the link MTU', () => {
    expect(
      parseLinkMtu('2: c-r1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP')
    ).toBe(1500)
    expect(parseLinkMtu('')).toBeUndefined()
  })
})

interface Path {
  localMtu: number
  pathMtu: number
  /** Routers send frag-needed (else: a black hole). */
  icmp: boolean
  reachable?: boolean
  ping?: 'missing' | 'denied'
  tracepath?: 'missing'
  ip?: 'missing'
}

/** A fake network: answers ping, tracepath and ip like the real tools on such a path. */
function simulate(path: Path) {
  let learned: number | undefined
  const calls: string[] = []
  const answer = (command: string, args: string[]): CommandResult => {
    const result = (code: number, stdout: string, stderr = ''): CommandResult => ({
      code,
      stdout,
      stderr
    })
    if (command === 'ip') {
      if (path.ip === 'missing') return result(127, '')
      if (args[1] === 'route')
        return result(
          0,
          `10.0.0.9 via 10.0.0.1 dev eth0 src 10.0.0.2 uid 0 \\    cache ${learned ? `expires 596sec mtu ${learned} ` : ''}`
        )
      return result(0, `2: eth0@if3: <BROADCAST,UP,LOWER_UP> mtu ${path.localMtu} qdisc noqueue`)
    }
    if (command === 'ping') {
      if (path.ping === 'missing') return result(127, '')
      if (path.ping === 'denied') return pingNoSocket
      const size = Number(args[args.indexOf('-s') + 1]) + 28
      const limit = learned ?? path.localMtu
      if (size > limit)
        return result(
          1,
          '1 packets transmitted, 0 received, +1 errors',
          `ping: local error: message too long, mtu=${limit}\n`
        )
      if (path.reachable === false) return pingSilent
      if (size <= path.pathMtu) return pingOk
      if (path.icmp) {
        learned = path.pathMtu
        return result(
          1,
          `From 10.0.0.1 icmp_seq=1 Frag needed and DF set (mtu = ${path.pathMtu})\n2 packets transmitted, 0 received, +2 errors`
        )
      }
      return pingSilent
    }
    if (command === 'tracepath') {
      if (path.tracepath === 'missing') return result(127, '')
      if (path.reachable === false) return result(0, tracepathBlackHole.replace(/ 1:.*\n/g, ''))
      const small = args.includes('-l')
      if (small || path.pathMtu >= path.localMtu) return result(0, tracepathSmall)
      if (path.icmp) {
        learned = path.pathMtu
        return result(0, tracepathHealthy.replaceAll('1450', String(path.pathMtu)))
      }
      return result(0, tracepathBlackHole)
    }
    return result(127, '')
  }
  const exec: Exec = (command, args) => {
    calls.push([command, ...args].join(' '))
    return Promise.resolve(answer(command, args))
  }
  return { exec, calls }
}

describe('probePathMtu', () => {
  it('a clean path: full-size packets pass', async () => {
    const { exec, calls } = simulate({ localMtu: 1500, pathMtu: 1500, icmp: true })
    const result = await probePathMtu('10.0.0.9', { exec })
    expect(result).toMatchObject({
      localMtu: 1500,
      localInterface: 'eth0',
      pathMtu: 1500,
      blackHole: false,
      icmpSeen: false,
      method: 'ping',
      remedy: ''
    })
    expect(calls).toContain('ping -n -M do -s 1472 -c 2 -i 0.2 -W 1 10.0.0.9')
  })

  it('a healthy narrow path: frag-needed tells 1450', async () => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: true })
    const result = await probePathMtu('10.0.0.9', { exec })
    expect(result).toMatchObject({ pathMtu: 1450, blackHole: false, icmpSeen: true })
    expect(result.evidence).toContain(
      'ping -M do, 1500 bytes: "Frag needed and DF set (mtu = 1450)" from 10.0.0.1'
    )
    expect(result.remedy).toMatch(/runnerkit mtu config --mtu 1400$/)
  })

  it('a path MTU the kernel learned before counts as ICMP seen', async () => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: true })
    await probePathMtu('10.0.0.9', { exec })
    const again = await probePathMtu('10.0.0.9', { exec })
    expect(again).toMatchObject({ pathMtu: 1450, blackHole: false, icmpSeen: true })
    expect(again.evidence).toContain(
      'the kernel holds a learned path MTU 1450 for 10.0.0.9 (from ICMP)'
    )
  })

  it.each([1450, 1400, 1280, 600])('a black hole at %d: found by binary search', async (mtu) => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: mtu, icmp: false })
    const result = await probePathMtu('10.0.0.9', { exec })
    expect(result).toMatchObject({ pathMtu: mtu, blackHole: true, icmpSeen: false })
    expect(result.remedy).toContain(`ip link set dev eth0 mtu ${mtu}`)
    expect(result.remedy).toContain(`--set-mss ${mtu - 40}`)
    expect(result.remedy).toContain('net.ipv4.tcp_mtu_probing=1')
    expect(result.remedy).toContain(`runnerkit mtu config --mtu ${mtu - 50}`)
  })

  it('uses the given local MTU and margin', async () => {
    const { exec, calls } = simulate({ localMtu: 9000, pathMtu: 1500, icmp: false })
    const result = await probePathMtu('10.0.0.9', { exec, localMtu: 9000, margin: 100 })
    expect(result).toMatchObject({ localMtu: 9000, pathMtu: 1500, blackHole: true })
    expect(result.remedy).toContain('--mtu 1400')
    expect(calls.some((call) => call.startsWith('ip '))).toBe(false)
  })

  it('without ip, the local MTU comes from ping', async () => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: false, ip: 'missing' })
    const result = await probePathMtu('10.0.0.9', { exec })
    expect(result).toMatchObject({ localMtu: 1500, pathMtu: 1450, blackHole: true })
    expect(result.localInterface).toBeUndefined()
  })

  it('tracepath alone, healthy', async () => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: true })
    const result = await probePathMtu('10.0.0.9', { exec, method: 'tracepath', maxHops: 4 })
    expect(result).toMatchObject({
      pathMtu: 1450,
      blackHole: false,
      icmpSeen: true,
      method: 'tracepath'
    })
  })

  it('tracepath alone, black hole: found, the size left unmeasured', async () => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: false })
    const result = await probePathMtu('10.0.0.9', { exec, method: 'tracepath', maxHops: 4 })
    expect(result).toMatchObject({ blackHole: true, icmpSeen: false, method: 'tracepath' })
    expect(result.pathMtu).toBeUndefined()
    expect(result.evidence).toContain(
      'tracepath: no reply after hop 1 (10.200.1.1) with 1500-byte probes'
    )
    expect(result.remedy).toContain('measure it with --method ping')
  })

  it('both: ping measures, tracepath adds evidence', async () => {
    const { exec, calls } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: false })
    const result = await probePathMtu('10.0.0.9', { exec, method: 'both', maxHops: 4 })
    expect(result).toMatchObject({ pathMtu: 1450, blackHole: true, method: 'ping+tracepath' })
    expect(calls).toContain('tracepath -n -m 4 10.0.0.9')
    expect(calls).toContain('tracepath -n -m 4 -l 552 10.0.0.9')
  })

  it.each([['missing' as const], ['denied' as const]])(
    'auto falls back to tracepath when ping is %s',
    async (ping) => {
      const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: true, ping })
      const result = await probePathMtu('10.0.0.9', { exec })
      expect(result).toMatchObject({ method: 'tracepath', pathMtu: 1450, blackHole: false })
    }
  )

  it.each([
    [
      { ping: 'missing' as const },
      'ping',
      /^ping is not installed: install iputils-ping \(apt-get install iputils-ping\)$/
    ],
    [
      { tracepath: 'missing' as const },
      'tracepath',
      /^tracepath is not installed: install iputils-tracepath/
    ],
    [
      { ping: 'missing' as const, tracepath: 'missing' as const },
      'auto',
      /^neither ping nor tracepath can run: install iputils-ping or iputils-tracepath$/
    ],
    [
      { ping: 'denied' as const },
      'ping',
      /^ping: ping: socket: Operation not permitted: cannot measure the path MTU; try --method tracepath$/
    ],
    [{ reachable: false }, 'ping', /does not answer even 552-byte packets/],
    [
      { reachable: false },
      'tracepath',
      /^tracepath does not reach 10\.0\.0\.9 even with 552-byte probes/
    ]
  ])('%j with %s is a user error', async (faults, method, message) => {
    const { exec } = simulate({ localMtu: 1500, pathMtu: 1450, icmp: false, ...faults })
    await expect(
      probePathMtu('10.0.0.9', { exec, method: method as 'ping', maxHops: 4 })
    ).rejects.toThrow(message)
  })

  it('refuses a host that looks like an option', async () => {
    await expect(
      probePathMtu('-f', { exec: simulate({ localMtu: 1500, pathMtu: 1500, icmp: true }).exec })
    ).rejects.toThrow("not a host: '-f'")
  })
})

describe('pathMtuRemedy', () => {
  const base = { host: 'h', localMtu: 1500, icmpSeen: false, method: 'ping' as const, evidence: [] }
  it('is empty when full-size packets pass', () => {
    expect(pathMtuRemedy({ ...base, pathMtu: 1500, blackHole: false })).toBe('')
  })
  it('names the device placeholder when unknown', () => {
    expect(pathMtuRemedy({ ...base, pathMtu: 1450, blackHole: true })).toContain(
      'ip link set dev DEV mtu 1450'
    )
  })
})
