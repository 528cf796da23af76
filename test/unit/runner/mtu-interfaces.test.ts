import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  defaultRouteInterface,
  parseProcNetDev,
  parseProcNetRoute,
  parseWholeNumber,
  readInterfaceMtus,
  readNetworkFacts,
  rootedListDir,
  rootedReadFile
} from '../../../src/runner/mtu/interfaces.js'
import { scratchDir } from '../../helpers/scratch.js'

const header = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT'
const route = (
  iface: string,
  dest: string,
  gw: string,
  flags: string,
  metric: number,
  mask: string
) => `${iface}\t${dest}\t${gw}\t${flags}\t0\t0\t${metric}\t${mask}\t0\t0\t0`

// As read inside the cli namespace of reference §7.2.
const cliRoutes = [
  header,
  route('c-r1', '00000000', '0101C80A', '0003', 0, '00000000'),
  route('c-r1', '0001C80A', '00000000', '0001', 0, '00FFFFFF'),
  ''
].join('\n')

function fixture(files: Record<string, string>): string {
  const root = scratchDir('mtu-interfaces')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

describe('parseProcNetRoute', () => {
  it('decodes little-endian addresses, flags and metric', () => {
    expect(parseProcNetRoute(cliRoutes)).toEqual([
      {
        interface: 'c-r1',
        destination: '0.0.0.0',
        gateway: '10.200.1.1',
        mask: '0.0.0.0',
        flags: 3,
        metric: 0,
        mtu: 0
      },
      {
        interface: 'c-r1',
        destination: '10.200.1.0',
        gateway: '0.0.0.0',
        mask: '255.255.255.0',
        flags: 1,
        metric: 0,
        mtu: 0
      }
    ])
  })
})

describe('defaultRouteInterface', () => {
  it.each([
    ['the only default route', cliRoutes, 'c-r1'],
    [
      'the lowest metric wins',
      [
        header,
        route('wlan0', '00000000', '0101A8C0', '0003', 600, '00000000'),
        route('eth0', '00000000', '010011AC', '0003', 100, '00000000')
      ].join('\n'),
      'eth0'
    ],
    [
      'a route that is down is ignored',
      [header, route('eth0', '00000000', '010011AC', '0002', 0, '00000000')].join('\n'),
      undefined
    ],
    [
      'no default route',
      [header, route('eth0', '0001C80A', '00000000', '0001', 0, '00FFFFFF')].join('\n'),
      undefined
    ],
    ['an empty file', '', undefined]
  ])('%s', (_name, text, expected) => {
    expect(defaultRouteInterface(text)).toBe(expected)
  })
})

describe('parseProcNetDev and parseWholeNumber', () => {
  it('lists interface names', () => {
    const dev = [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes',
      '    lo:    1234      10    0    0    0     0          0         0     1234',
      '  eth0: 999 9 0 0 0 0 0 0 999 9 0 0 0 0 0 0',
      'br-0a1b2c: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0'
    ].join('\n')
    expect(parseProcNetDev(dev)).toEqual(['lo', 'eth0', 'br-0a1b2c'])
  })
  it.each([
    ['1450\n', 1450],
    [' 0 ', 0],
    ['', undefined],
    ['abc', undefined],
    [undefined, undefined],
    ['-1', undefined]
  ])('%j → %j', (text, expected) => {
    expect(parseWholeNumber(text)).toBe(expected)
  })
})

describe('readers over a fixture root', () => {
  const files = {
    'sys/class/net/eth0/mtu': '1450\n',
    'sys/class/net/lo/mtu': '65536\n',
    'sys/class/net/docker0/mtu': '1500\n',
    'proc/net/dev': 'h\nh\n  eth0: 1 2\n    lo: 1 2\n',
    'proc/net/route': [header, route('eth0', '00000000', '010011AC', '0003', 0, '00000000')].join(
      '\n'
    ),
    'proc/sys/net/ipv4/tcp_mtu_probing': '0\n'
  }

  it('lists /sys/class/net when it can, else /proc/net/dev', async () => {
    const root = fixture(files)
    expect(await readInterfaceMtus(rootedReadFile(root), rootedListDir(root))).toEqual([
      { name: 'docker0', mtu: 1500 },
      { name: 'eth0', mtu: 1450 },
      { name: 'lo', mtu: 65536 }
    ])
    expect(await readInterfaceMtus(rootedReadFile(root))).toEqual([
      { name: 'eth0', mtu: 1450 },
      { name: 'lo', mtu: 65536 }
    ])
  })

  it('reads the default route and tcp_mtu_probing', async () => {
    const root = fixture(files)
    expect(await readNetworkFacts(rootedReadFile(root), rootedListDir(root))).toEqual({
      interfaces: [
        { name: 'docker0', mtu: 1500 },
        { name: 'eth0', mtu: 1450 },
        { name: 'lo', mtu: 65536 }
      ],
      defaultInterface: 'eth0',
      tcpMtuProbing: 0
    })
  })

  it('leaves out what is missing', async () => {
    const root = fixture({ 'proc/net/dev': 'h\nh\n  eth0: 1\n' })
    expect(await readNetworkFacts(rootedReadFile(root), rootedListDir(root))).toEqual({
      interfaces: []
    })
  })
})
