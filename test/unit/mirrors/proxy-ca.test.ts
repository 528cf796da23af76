import { describe, expect, it } from '@jest/globals'
import { caPlan } from '../../../src/mirrors/ca.js'
import { parseMirrorConfig } from '../../../src/mirrors/config.js'
import type { Target } from '../../../src/mirrors/ecosystem.js'
import { proxyPlan } from '../../../src/mirrors/proxy.js'

const job: Target = { mode: 'job', home: '/home/runner', env: {} }
const image: Target = { mode: 'image', home: '/home/runner', env: {} }
const pem = '-----BEGIN CERTIFICATE-----\nMIIBcorp\n-----END CERTIFICATE-----'

describe('proxy', () => {
  it('exports both cases of every variable', () => {
    const config = parseMirrorConfig(
      'proxy: { http: http://p.example:3128, https: http://p.example:3128, no_proxy: [localhost, .corp.example] }\n'
    )
    expect(proxyPlan(config, job)?.env).toEqual([
      ['HTTP_PROXY', 'http://p.example:3128'],
      ['http_proxy', 'http://p.example:3128'],
      ['HTTPS_PROXY', 'http://p.example:3128'],
      ['https_proxy', 'http://p.example:3128'],
      ['NO_PROXY', 'localhost,.corp.example'],
      ['no_proxy', 'localhost,.corp.example']
    ])
    expect(proxyPlan(config, job)?.notes).toEqual([])
  })

  it('warns about an https:// proxy URL and about CIDR in no_proxy, naming the tools', () => {
    const config = parseMirrorConfig(
      'proxy: { https: https://p.example:3128, no_proxy: [10.0.0.0/8, .corp.example] }\n'
    )
    const notes = proxyPlan(config, job)?.notes ?? []
    expect(notes[0]).toMatch(
      /proxy\.https is https:\/\/p\.example:3128: an https:\/\/ proxy URL means TLS to the proxy/
    )
    expect(notes[1]).toMatch(/CIDR ranges \(10\.0\.0\.0\/8\), which wget, Python urllib, npm/)
  })

  it('does nothing without a proxy', () => {
    expect(
      proxyPlan(parseMirrorConfig('mirrors: { npm: https://n.example/ }\n'), job)
    ).toBeUndefined()
  })
})

describe('CA', () => {
  const config = parseMirrorConfig(`ca:\n  pem: |\n    ${pem.replaceAll('\n', '\n    ')}\n`)

  it('job mode: a bundle of the system CAs plus the company CA; replace-knobs at the bundle, NODE_EXTRA_CA_CERTS at the CA alone', () => {
    const plan = caPlan(
      config,
      job,
      '-----BEGIN CERTIFICATE-----\nsystem\n-----END CERTIFICATE-----\n'
    )
    const bundle = plan?.files.find((file) => file.path.endsWith('bundle.pem'))
    expect(bundle?.path).toBe('/home/runner/.config/runnerkit/ca/bundle.pem')
    expect(bundle?.render(undefined)).toBe(
      `-----BEGIN CERTIFICATE-----\nsystem\n-----END CERTIFICATE-----\n${pem}\n`
    )
    const env = Object.fromEntries(plan?.env ?? [])
    for (const name of [
      'SSL_CERT_FILE',
      'REQUESTS_CA_BUNDLE',
      'CURL_CA_BUNDLE',
      'PIP_CERT',
      'GIT_SSL_CAINFO',
      'CARGO_HTTP_CAINFO'
    ]) {
      expect(env[name]).toBe('/home/runner/.config/runnerkit/ca/bundle.pem')
    }
    expect(env.NODE_EXTRA_CA_CERTS).toBe('/home/runner/.config/runnerkit/ca/company-ca.pem')
  })

  it('job mode without a system bundle says what will break', () => {
    expect(caPlan(config, job, undefined)?.notes[0]).toMatch(/hosts the proxy splices will fail/)
  })

  it('image mode: the distribution trust stores and the update tool', () => {
    const plan = caPlan(config, image, undefined)
    expect(plan?.files.map((file) => file.path)).toEqual([
      '/usr/local/share/ca-certificates/runnerkit-company-ca.crt',
      '/etc/pki/ca-trust/source/anchors/runnerkit-company-ca.pem'
    ])
    expect(plan?.dockerfile[0]).toMatch(/update-ca-certificates.*update-ca-trust extract/)
    expect(plan?.notes.join('\n')).toMatch(/keytool -importcert -cacerts/)
  })
})

describe('CA paths by distribution family (image mode)', () => {
  it('points tools at the RHEL bundle on a RHEL/UBI base, and at the Debian one otherwise', async () => {
    const { caPaths } = await import('../../../src/mirrors/ca.js')
    expect(caPaths({ mode: 'image', home: '/home/runner', family: 'rhel' }).bundle).toBe(
      '/etc/pki/tls/certs/ca-bundle.crt'
    )
    expect(caPaths({ mode: 'image', home: '/home/runner', family: 'debian' }).bundle).toBe(
      '/etc/ssl/certs/ca-certificates.crt'
    )
    expect(caPaths({ mode: 'image', home: '/home/runner' }).bundle).toBe(
      '/etc/ssl/certs/ca-certificates.crt'
    )
  })
})
